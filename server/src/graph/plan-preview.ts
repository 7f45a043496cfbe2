// What the browser import shows before anything is written, computed from a built plan graph: counts per label,
// the outline tree, the least confident extractions, and the node-by-node diff against the stored plan.
import type { DiffNode, ImportCounts, OutlineItem, PlanDiff, UncertainFact } from '../domain/import-types.ts';
import type { PlanGraph, Properties, PropertyValue } from '../domain/types.ts';

/** A stored or built node, as the diff compares it. */
export interface PlanNodeRecord {
  id: string;
  labels: string[];
  properties: Properties;
}

/** The outline's relationship types, parent → child (DESIGN.md's structure); measures are left out. */
const OUTLINE_TYPES = new Set(['HAS_CHAPTER', 'HAS_SECTION', 'HAS_DOMAIN', 'HAS_TASK']);
/** How many entries each diff list carries at most; the totals stay exact. */
export const DIFF_LIST_CAP = 500;
/** How many facts the "least confident" list holds (issue 17: the ten least confident extractions). */
export const LEAST_CONFIDENT_COUNT = 10;

/** Nodes per label and relationships per type, with both totals. */
export function importCounts(graph: PlanGraph): ImportCounts {
  const labels: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  for (const node of graph.nodes) {
    const label = node.labels[0] ?? '';
    labels[label] = (labels[label] ?? 0) + 1;
  }
  for (const rel of graph.relationships) relationships[rel.type] = (relationships[rel.type] ?? 0) + 1;
  return { labels, relationships, nodes: graph.nodes.length, links: graph.relationships.length };
}

function text(value: PropertyValue | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function numberOf(value: PropertyValue | undefined): string | null {
  if (typeof value === 'number') return String(value);
  return text(value);
}

/** The plan's headings and tasks as a tree (Chapter → Section → Domain → Task), children in document order. */
export function outlineTree(graph: PlanGraph): OutlineItem[] {
  const nodes = new Map(graph.nodes.map((node) => [node.id, node]));
  const children = new Map<string, Array<{ id: string; order: number; seen: number }>>();
  graph.relationships.forEach((rel, seen) => {
    if (!OUTLINE_TYPES.has(rel.type)) return;
    const order = typeof rel.properties.order === 'number' ? rel.properties.order : seen;
    const list = children.get(rel.start) ?? [];
    list.push({ id: rel.end, order, seen });
    children.set(rel.start, list);
  });
  const visited = new Set<string>();
  const build = (id: string): OutlineItem | null => {
    const node = nodes.get(id);
    if (!node || visited.has(id)) return null;
    visited.add(id);
    const p = node.properties;
    return {
      id,
      label: node.labels[0] ?? '',
      number: numberOf(p.ref) ?? numberOf(p.path) ?? numberOf(p.number),
      title: text(p.title) ?? text(p.name) ?? id,
      children: itemsOf(id),
    };
  };
  const itemsOf = (id: string): OutlineItem[] =>
    (children.get(id) ?? [])
      .sort((a, b) => a.order - b.order || a.seen - b.seen)
      .map((child) => build(child.id))
      .filter((item): item is OutlineItem => item !== null);
  return itemsOf(graph.plan.id);
}

function firstQuote(properties: Properties): string | null {
  const evidence = properties.evidence ?? properties.quote;
  if (Array.isArray(evidence)) return evidence.map(String).find((quote) => quote !== '') ?? null;
  return text(evidence);
}

/** The facts carrying a `confidence` (nodes and relationships), lowest first, ties by id; at most `count`. */
export function leastConfident(graph: PlanGraph, count = LEAST_CONFIDENT_COUNT): UncertainFact[] {
  const names = new Map(graph.nodes.map((node) => [node.id, text(node.properties.name) ?? node.id]));
  const facts: UncertainFact[] = [];
  for (const node of graph.nodes) {
    const confidence = node.properties.confidence;
    if (typeof confidence !== 'number') continue;
    facts.push({
      id: node.id,
      kind: node.labels[0] ?? '',
      name: names.get(node.id) ?? node.id,
      confidence,
      basis: text(node.properties.basis),
      quote: firstQuote(node.properties),
    });
  }
  for (const rel of graph.relationships) {
    const confidence = rel.properties.confidence;
    if (typeof confidence !== 'number') continue;
    facts.push({
      id: `${rel.start}|${rel.type}|${rel.end}`,
      kind: rel.type,
      name: `${names.get(rel.start) ?? rel.start} → ${names.get(rel.end) ?? rel.end}`,
      confidence,
      basis: text(rel.properties.basis),
      quote: firstQuote(rel.properties),
    });
  }
  return facts
    .sort((a, b) => a.confidence - b.confidence || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, count);
}

/** A property value in one spelling whatever its source (nulls are not stored, so they count as absent). */
function canonical(properties: Properties): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(properties))
    if (value !== null && value !== undefined) out.set(key, JSON.stringify(value));
  return out;
}

function changedKeys(before: Properties, after: Properties): string[] {
  const a = canonical(before);
  const b = canonical(after);
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((key) => a.get(key) !== b.get(key)).sort();
}

function diffNode(node: PlanNodeRecord): DiffNode {
  return { id: node.id, label: node.labels[0] ?? '', name: text(node.properties.name) ?? node.id };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Compares the stored plan's nodes with a new build, by `id`: added (only in the build), removed (only
 * stored), changed (other first label or any property differs; `properties` lists the keys). Lists are sorted
 * by id and cut at DIFF_LIST_CAP.
 */
export function planDiff(stored: PlanNodeRecord[], built: PlanNodeRecord[]): PlanDiff {
  const before = new Map(stored.map((node) => [node.id, node]));
  const after = new Map(built.map((node) => [node.id, node]));
  const added = built.filter((node) => !before.has(node.id)).map(diffNode);
  const removed = stored.filter((node) => !after.has(node.id)).map(diffNode);
  const changed: PlanDiff['changed'] = [];
  let unchanged = 0;
  for (const node of built) {
    const old = before.get(node.id);
    if (!old) continue;
    const properties = changedKeys(old.properties, node.properties);
    if (old.labels[0] !== node.labels[0]) properties.unshift('(label)');
    if (properties.length > 0) changed.push({ ...diffNode(node), properties });
    else unchanged += 1;
  }
  const totals = { added: added.length, removed: removed.length, changed: changed.length };
  const cap = <T extends { id: string }>(list: T[]) => list.sort(byId).slice(0, DIFF_LIST_CAP);
  return {
    added: cap(added),
    removed: cap(removed),
    changed: cap(changed),
    unchanged,
    truncated: Math.max(totals.added, totals.removed, totals.changed) > DIFF_LIST_CAP,
    totals,
  };
}
