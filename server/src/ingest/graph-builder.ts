// Accumulates the plan's nodes and relationships in the shape of the dry-run JSON, refusing self-loops and
// duplicate relationships so that every later stage can add facts without bookkeeping.
import { pinyin } from 'pinyin-pro';
import type { NodeLabel, RelType } from '../domain/model.ts';
import type { PlanGraph, Properties, PropertyValue } from '../domain/types.ts';

export type GraphNodeRow = PlanGraph['nodes'][number];
export type GraphRelRow = PlanGraph['relationships'][number];

export function pinyinProps(name: string): { pinyin: string; pinyinInitials: string } {
  const options = { toneType: 'none', type: 'array', nonZh: 'removed' } as const;
  const full = pinyin(name, options)
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  const initials = pinyin(name, { ...options, pattern: 'first' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return { pinyin: full, pinyinInitials: initials };
}

export class GraphBuilder {
  readonly nodes: GraphNodeRow[] = [];
  readonly relationships: GraphRelRow[] = [];
  private readonly nodeIndex = new Map<string, GraphNodeRow>();
  private readonly relKeys = new Set<string>();

  constructor(readonly planId: string) {}

  addNode(
    label: NodeLabel,
    id: string,
    name: string,
    nameEn: string | null,
    properties: Record<string, PropertyValue | undefined>,
  ): GraphNodeRow {
    const existing = this.nodeIndex.get(id);
    if (existing) return existing;
    const props: Properties = { id, plan: this.planId, name, nameEn };
    for (const [key, value] of Object.entries(properties)) if (value !== undefined) props[key] = value;
    const row: GraphNodeRow = { id, labels: [label], properties: props };
    this.nodes.push(row);
    this.nodeIndex.set(id, row);
    return row;
  }

  has(id: string): boolean {
    return this.nodeIndex.has(id);
  }

  node(id: string): GraphNodeRow | undefined {
    return this.nodeIndex.get(id);
  }

  /** Adds a relationship unless it is a self-loop or its (type, start, end, discriminator) exists. */
  addRel(
    type: RelType,
    start: string,
    end: string,
    properties: Record<string, PropertyValue | undefined> = {},
    discriminator = '',
  ): boolean {
    if (start === end) return false;
    const key = `${start}|${type}|${end}|${discriminator}`;
    if (this.relKeys.has(key)) return false;
    if (!this.nodeIndex.has(start) || !this.nodeIndex.has(end)) {
      throw new Error(`relationship ${type} refers to a missing node: ${start} → ${end}`);
    }
    this.relKeys.add(key);
    const props: Properties = {};
    for (const [name, value] of Object.entries(properties)) if (value !== undefined) props[name] = value;
    this.relationships.push({ type, start, end, properties: props });
    return true;
  }

  /** Removes the relationship with this (type, start, end, discriminator), if any (curation's reject). */
  removeRel(type: string, start: string, end: string, discriminator = ''): boolean {
    const key = `${start}|${type}|${end}|${discriminator}`;
    if (!this.relKeys.delete(key)) return false;
    const at = this.relationships.findIndex(
      (r) =>
        r.type === type &&
        r.start === start &&
        r.end === end &&
        (discriminator === '' || r.properties.kind === discriminator),
    );
    if (at >= 0) this.relationships.splice(at, 1);
    return at >= 0;
  }

  counts(): { labels: Record<string, number>; relationships: Record<string, number> } {
    const labels: Record<string, number> = {};
    for (const node of this.nodes) for (const label of node.labels) labels[label] = (labels[label] ?? 0) + 1;
    const relationships: Record<string, number> = {};
    for (const rel of this.relationships) relationships[rel.type] = (relationships[rel.type] ?? 0) + 1;
    return { labels, relationships };
  }
}
