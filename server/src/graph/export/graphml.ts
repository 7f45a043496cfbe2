// GraphML that Gephi, yEd and Cytoscape desktop open: one typed <key> per property, node `labels` in the
// Neo4j style (":Task"), a `label` key with the display name, edges with their relationship `type`.
import type { PropertyValue, Subgraph } from '../../domain/types.ts';
import { type ColumnType, columnTypes } from './property-types.ts';

// XML 1.0 forbids most control characters even when escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing exactly those characters is the point.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function graphmlType(type: ColumnType): string {
  switch (type) {
    case 'long':
      return 'long';
    case 'double':
      return 'double';
    case 'boolean':
      return 'boolean';
    default:
      return 'string';
  }
}

function dataValue(value: PropertyValue): string {
  return Array.isArray(value) ? JSON.stringify(value) : String(value);
}

interface Key {
  id: string;
  name: string;
  type: ColumnType;
}

function keyLines(keys: Key[], domain: 'node' | 'edge'): string[] {
  return keys.map(
    (key) =>
      `  <key id="${key.id}" for="${domain}" attr.name="${escapeXml(key.name)}" attr.type="${graphmlType(key.type)}"/>`,
  );
}

function dataLines(keys: Key[], values: Record<string, PropertyValue>): string[] {
  return keys.flatMap((key) => {
    const value = values[key.name];
    if (value === undefined || value === null) return [];
    return [`      <data key="${key.id}">${escapeXml(dataValue(value))}</data>`];
  });
}

export function toGraphml(graph: Subgraph, graphId: string): string {
  const nodeKeys: Key[] = [
    { id: 'labels', name: 'labels', type: 'string' },
    { id: 'label', name: 'label', type: 'string' },
    ...columnTypes(
      graph.nodes.map((node) => node.properties),
      ['labels', 'label'],
    ).map(([name, type], i) => ({ id: `n${i}`, name, type })),
  ];
  const edgeKeys: Key[] = [
    { id: 'type', name: 'type', type: 'string' },
    ...columnTypes(
      graph.edges.map((edge) => edge.properties),
      ['type'],
    ).map(([name, type], i) => ({ id: `e${i}`, name, type })),
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyLines(nodeKeys, 'node'),
    ...keyLines(edgeKeys, 'edge'),
    `  <graph id="${escapeXml(graphId)}" edgedefault="directed">`,
  ];
  for (const node of graph.nodes) {
    const values: Record<string, PropertyValue> = {
      ...node.properties,
      labels: node.labels.map((label) => `:${label}`).join(''),
      label: typeof node.properties.name === 'string' ? node.properties.name : node.id,
    };
    lines.push(`    <node id="${escapeXml(node.id)}">`, ...dataLines(nodeKeys, values), '    </node>');
  }
  for (const edge of graph.edges) {
    lines.push(
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.start)}" target="${escapeXml(edge.end)}">`,
      ...dataLines(edgeKeys, { ...edge.properties, type: edge.type }),
      '    </edge>',
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
