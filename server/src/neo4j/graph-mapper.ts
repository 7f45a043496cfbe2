// Turns what the driver returns into our plain DTOs: nodes keyed by their `id` property (never elementId),
// relationships keyed by their endpoints' ids, and driver value types into JSON-safe values. The only place
// where NodeId and EdgeId are minted.
import { createHash } from 'node:crypto';
import { isNode } from 'neo4j-driver';
import { NODE_LABELS, type NodeLabel, REL_TYPES, type RelType } from '../domain/model.ts';
import type { EdgeId, GraphEdge, GraphNode, NodeId, Properties, PropertyValue } from '../domain/types.ts';
import { exactScalar } from './value-mapper.ts';

const KNOWN_LABELS = new Set<string>(NODE_LABELS);
const KNOWN_TYPES = new Set<string>(REL_TYPES);

export function asNodeId(id: string): NodeId {
  return id as NodeId;
}

export function knownLabels(labels: readonly string[]): NodeLabel[] {
  return labels.filter((label): label is NodeLabel => KNOWN_LABELS.has(label));
}

function isRelType(type: string): type is RelType {
  return KNOWN_TYPES.has(type);
}

/**
 * Neo4j property values are scalars, temporal/spatial values or homogeneous lists of them. Exact, in the shapes
 * of value-mapper.ts, flattened to text where a property value must be a scalar: a big integer as its digits,
 * ±Infinity/NaN as `"Infinity"`/`"-Infinity"`/`"NaN"`, a duration or temporal value in ISO 8601, a point as the
 * Cypher literal that makes it again (`point({srid: 4326, x: 126.6, y: 45.7})`).
 */
export function toPropertyValue(value: unknown): PropertyValue {
  if (Array.isArray(value)) {
    const items = value.map(scalarProperty);
    if (items.every((item) => typeof item === 'number')) return items as number[];
    return items.map((item) => String(item));
  }
  return scalarProperty(value);
}

function scalarProperty(value: unknown): string | number | boolean | null {
  const exact = exactScalar(value);
  if (exact === undefined) return String(value);
  if (exact === null || typeof exact !== 'object') return exact;
  if (exact.type === 'Point') {
    const z = exact.z === undefined ? '' : `, z: ${exact.z}`;
    return `point({srid: ${exact.srid}, x: ${exact.x}, y: ${exact.y}${z}})`;
  }
  return exact.value;
}

export function toProperties(raw: Record<string, unknown>): Properties {
  const props: Properties = {};
  for (const key of Object.keys(raw).sort()) props[key] = toPropertyValue(raw[key]);
  return props;
}

/** A node row as our queries return it: `labels(n) AS labels, properties(n) AS props`. */
export interface NodeRow {
  labels: string[];
  props: Record<string, unknown>;
}

export function nodeFromRow(row: NodeRow): GraphNode | null {
  const id = row.props.id;
  if (typeof id !== 'string') return null;
  return { id: asNodeId(id), labels: knownLabels(row.labels), properties: toProperties(row.props) };
}

export function nodeFromDriver(value: unknown): GraphNode | null {
  if (!isNode(value)) return null;
  return nodeFromRow({ labels: value.labels, props: value.properties as Record<string, unknown> });
}

/** A relationship row: `type(r) AS type, startNode(r).id AS s, endNode(r).id AS e, properties(r) AS props`. */
export interface EdgeRow {
  type: string;
  s: string | null;
  e: string | null;
  props: Record<string, unknown>;
}

function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 8);
}

/**
 * Mints deterministic edge ids: `${start}|${type}|${end}`, and where one pair holds several edges of a type,
 * a suffix derived from the edge's properties so the same edge keeps its id from one response to the next.
 * Returns each edge with the row it came from, sorted by id.
 */
export function mintEdges<T extends EdgeRow>(rows: readonly T[]): Array<{ row: T; edge: GraphEdge }> {
  const drafts: Array<{ row: T; base: string; canon: string; edge: Omit<GraphEdge, 'id'> }> = [];
  for (const row of rows) {
    if (row.s === null || row.e === null || !isRelType(row.type)) continue;
    const properties = toProperties(row.props);
    drafts.push({
      row,
      base: `${row.s}|${row.type}|${row.e}`,
      canon: JSON.stringify(properties),
      edge: { type: row.type, start: asNodeId(row.s), end: asNodeId(row.e), properties },
    });
  }
  const perBase = new Map<string, number>();
  for (const draft of drafts) perBase.set(draft.base, (perBase.get(draft.base) ?? 0) + 1);
  drafts.sort((a, b) => a.base.localeCompare(b.base) || a.canon.localeCompare(b.canon));
  const used = new Set<string>();
  return drafts.map(({ row, base, canon, edge }) => {
    let id = (perBase.get(base) ?? 0) > 1 ? `${base}#${shortHash(canon)}` : base;
    for (let n = 2; used.has(id); n++) id = `${base}#${shortHash(canon)}-${n}`;
    used.add(id);
    return { row, edge: { id: id as EdgeId, ...edge } };
  });
}

export function edgesFromRows(rows: readonly EdgeRow[]): GraphEdge[] {
  return mintEdges(rows).map(({ edge }) => edge);
}

export function uniqueNodes(nodes: Iterable<GraphNode | null>): GraphNode[] {
  const byId = new Map<string, GraphNode>();
  for (const node of nodes) if (node && !byId.has(node.id)) byId.set(node.id, node);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
