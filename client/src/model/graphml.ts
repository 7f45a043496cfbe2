// The current view as GraphML (Gephi, yEd, Cytoscape desktop) and as Cytoscape.js JSON. Every scalar
// property becomes a typed <key>; lists are written as JSON text so nothing is dropped.
import type { CyEdgeData, CyElements, CyNodeData } from '../types.ts';

type PropertyValueLike = CyNodeData[string] | undefined;

type Scalar = 'string' | 'double' | 'boolean';

function kindOf(value: PropertyValueLike): Scalar {
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

const escapeXml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

const asText = (value: PropertyValueLike) => (Array.isArray(value) ? JSON.stringify(value) : String(value));

function collectKeys(items: Array<Record<string, PropertyValueLike>>, skip: ReadonlySet<string>) {
  const keys = new Map<string, Scalar>();
  for (const item of items) {
    for (const [name, value] of Object.entries(item)) {
      if (skip.has(name) || value === null || value === undefined) continue;
      const kind = Array.isArray(value) ? 'string' : kindOf(value);
      const known = keys.get(name);
      keys.set(name, known && known !== kind ? 'string' : kind);
    }
  }
  return keys;
}

function dataLines(item: Record<string, PropertyValueLike>, keys: Map<string, Scalar>, prefix: string) {
  const lines: string[] = [];
  for (const name of keys.keys()) {
    const value = item[name];
    if (value === null || value === undefined) continue;
    lines.push(`      <data key="${prefix}_${escapeXml(name)}">${escapeXml(asText(value))}</data>`);
  }
  return lines;
}

export function toGraphml(nodes: CyNodeData[], edges: CyEdgeData[]): string {
  const nodeKeys = collectKeys(nodes, new Set(['id']));
  const edgeKeys = collectKeys(edges, new Set(['id', 'source', 'target']));
  const declare = (keys: Map<string, Scalar>, scope: 'node' | 'edge', prefix: string) =>
    [...keys].map(
      ([name, type]) =>
        `  <key id="${prefix}_${escapeXml(name)}" for="${scope}" attr.name="${escapeXml(name)}" attr.type="${type}"/>`,
    );
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...declare(nodeKeys, 'node', 'n'),
    ...declare(edgeKeys, 'edge', 'e'),
    '  <graph id="view" edgedefault="directed">',
  ];
  for (const node of nodes) {
    lines.push(`    <node id="${escapeXml(node.id)}">`, ...dataLines(node, nodeKeys, 'n'), '    </node>');
  }
  for (const edge of edges) {
    lines.push(
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">`,
      ...dataLines(edge, edgeKeys, 'e'),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

export function toCytoscapeJson(nodes: CyNodeData[], edges: CyEdgeData[]): CyElements {
  return { nodes: nodes.map((data) => ({ data })), edges: edges.map((data) => ({ data })) };
}
