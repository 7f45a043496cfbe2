// Export formats: GraphML that parses back with all elements, neo4j-admin CSV headers and quoting.
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { EdgeId, NodeId } from '../../../server/src/domain/types.ts';
import { toGraphml } from '../../../server/src/graph/export/graphml.ts';
import {
  csvField,
  importCommand,
  nodesCsv,
  relationshipsCsv,
} from '../../../server/src/graph/export/neo4j-csv.ts';
import { edgesFromRows } from '../../../server/src/neo4j/graph-mapper.ts';
import { smallGraph } from '../../fixtures/small-graph.ts';

describe('GraphML', () => {
  it('parses back with every node and edge, typed keys and escaped text', () => {
    const graph = smallGraph();
    const tricky = {
      ...graph.nodes[1],
      properties: { ...graph.nodes[1]?.properties, name: 'a <b> & "c" \u0001' },
    };
    const xml = toGraphml(
      {
        nodes: [...graph.nodes.slice(0, 1), tricky as (typeof graph.nodes)[number], ...graph.nodes.slice(2)],
        edges: graph.edges,
      },
      'demo',
    );
    const parsed = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['node', 'edge', 'key', 'data'].includes(name),
    }).parse(xml);
    expect(parsed.graphml.graph.node).toHaveLength(graph.nodes.length);
    expect(parsed.graphml.graph.edge).toHaveLength(graph.edges.length);
    const keys = parsed.graphml.key as Array<Record<string, string>>;
    expect(keys.find((k) => k['@_attr.name'] === 'start')?.['@_attr.type']).toBe('long');
    expect(xml).toContain('a &lt;b&gt; &amp; &quot;c&quot; </data>');
  });
});

describe('neo4j-admin CSV', () => {
  it('writes typed headers for nodes and relationships', () => {
    const graph = smallGraph();
    const nodes = nodesCsv(graph, ';').split('\n');
    expect(nodes[0]).toMatch(/^id:ID,:LABEL,/);
    expect(nodes[0]).toContain('aliases:string[]');
    expect(nodes[0]).toContain('end:long');
    expect(relationshipsCsv(graph, '|').split('\n')[0]).toMatch(/^:START_ID,:END_ID,:TYPE,/);
  });

  it('quotes strings, doubles quotes and joins arrays with the delimiter', () => {
    expect(csvField('say "hi", twice', ';')).toBe('"say ""hi"", twice"');
    expect(csvField(['a', 'b'], '|')).toBe('"a|b"');
    expect(csvField(3, ';')).toBe('3');
    expect(csvField(null, ';')).toBe('');
  });

  it('names the array delimiter in the import command, as a code point when it is not printable', () => {
    expect(importCommand('\u001F')).toContain('--array-delimiter=U+001F');
    expect(importCommand(';')).toContain('--multiline-fields=true');
  });
});

describe('edge ids', () => {
  it('are start|type|end, with a stable suffix only where one pair has several edges of a type', () => {
    const rows = [
      { type: 'MENTIONS', s: 'm:1', e: 'a:1', props: { quote: 'x', start: 5 } },
      { type: 'MENTIONS', s: 'm:1', e: 'a:1', props: { quote: 'x', start: 1 } },
      { type: 'LED_BY', s: 't:1', e: 'a:1', props: {} },
    ];
    const edges = edgesFromRows(rows);
    expect(edges.find((e) => e.type === 'LED_BY')?.id).toBe('t:1|LED_BY|a:1' as EdgeId);
    const mentions = edges.filter((e) => e.type === 'MENTIONS').map((e) => e.id);
    expect(new Set(mentions).size).toBe(2);
    for (const mention of mentions) expect(mention).toMatch(/^m:1\|MENTIONS\|a:1#[0-9a-f]{8}$/);
    expect(edgesFromRows([...rows].reverse()).map((e) => e.id)).toEqual(edges.map((e) => e.id));
    expect(edges[0]?.start).toBe('m:1' as NodeId);
  });

  it('leaves out relationships of unknown types or without our ids at both ends', () => {
    expect(
      edgesFromRows([
        { type: 'KNOWS', s: 'a', e: 'b', props: {} },
        { type: 'LED_BY', s: null, e: 'b', props: {} },
      ]),
    ).toEqual([]);
  });
});
