// The elements fetched so far, kept as fragments (the overview, each expansion, the found paths), and the
// pure computation of what the view draws from them. Keeping fragments apart is what makes undo exact:
// undoing an expansion drops its fragment, and with it every node and edge it brought.
import type { Basis, CyEdgeData, CyElements, CyNodeData, NodeLabel, RelType, ViewState } from '../types.ts';
import { taskDomain } from './overview.ts';

export interface Fragment {
  nodes: string[];
  edges: string[];
}

export const BASE_FRAGMENT = 'base';
export const PATH_FRAGMENT = 'paths';
export const expansionFragment = (id: string) => `expand:${id}`;

export class ElementStore {
  readonly nodes = new Map<string, CyNodeData>();
  readonly edges = new Map<string, CyEdgeData>();
  private readonly fragments = new Map<string, Fragment>();

  put(key: string, elements: CyElements): void {
    for (const { data } of elements.nodes) this.nodes.set(data.id, data);
    for (const { data } of elements.edges) this.edges.set(data.id, data);
    this.fragments.set(key, {
      nodes: elements.nodes.map((n) => n.data.id),
      edges: elements.edges.map((e) => e.data.id),
    });
  }

  has(key: string): boolean {
    return this.fragments.has(key);
  }

  fragment(key: string): Fragment | undefined {
    return this.fragments.get(key);
  }

  clear(): void {
    this.nodes.clear();
    this.edges.clear();
    this.fragments.clear();
  }
}

export interface VisibleSet {
  nodes: Set<string>;
  edges: Set<string>;
}

/** Fragments the view draws: the overview, then each loaded expansion, then extras such as found paths. */
export function activeFragments(
  store: ElementStore,
  view: ViewState,
  extra: readonly string[] = [],
): Fragment[] {
  const keys = [BASE_FRAGMENT, ...view.expanded.map(expansionFragment), ...extra];
  return keys.flatMap((key) => store.fragment(key) ?? []);
}

/** Everything the active fragments hold, before filters: the denominators of the filter counts. */
export function loadedSet(store: ElementStore, view: ViewState, extra: readonly string[] = []): VisibleSet {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const fragment of activeFragments(store, view, extra)) {
    for (const id of fragment.nodes) if (store.nodes.has(id)) nodes.add(id);
    for (const id of fragment.edges) if (store.edges.has(id)) edges.add(id);
  }
  return { nodes, edges };
}

function domainOf(node: CyNodeData): string | null {
  if (node.label === 'Domain') return node.id;
  return typeof node.parent === 'string' ? node.parent : null;
}

function edgePasses(edge: CyEdgeData, view: ViewState): boolean {
  const { filters } = view;
  if (filters.hiddenTypes.includes(edge.type)) return false;
  const basis = edge.basis;
  if (typeof basis === 'string' && (filters.hiddenBasis as string[]).includes(basis)) return false;
  const weight = edge.weight;
  if (filters.minWeight > 0 && typeof weight === 'number' && weight < filters.minWeight) return false;
  return true;
}

export function visibleSet(store: ElementStore, view: ViewState, extra: readonly string[] = []): VisibleSet {
  const loaded = loadedSet(store, view, extra);
  const { filters } = view;
  const hidden = new Set(view.hidden);
  const nodes = new Set<string>();
  for (const id of loaded.nodes) {
    const node = store.nodes.get(id);
    if (!node || hidden.has(id) || filters.hiddenLabels.includes(node.label)) continue;
    const domain = domainOf(node);
    if (domain !== null && filters.hiddenDomains.includes(domain)) continue;
    nodes.add(id);
  }
  const edgesAmong = (within: Set<string>) => {
    const edges = new Set<string>();
    for (const id of loaded.edges) {
      const edge = store.edges.get(id);
      if (edge && within.has(edge.source) && within.has(edge.target) && edgePasses(edge, view)) edges.add(id);
    }
    return edges;
  };
  let edges = edgesAmong(nodes);
  if (!filters.showIsolated) {
    const touched = new Set<string>();
    for (const id of edges) {
      const edge = store.edges.get(id);
      if (edge) touched.add(edge.source).add(edge.target);
    }
    for (const id of nodes) {
      const node = store.nodes.get(id);
      const boxed = node?.label === 'Domain' || (typeof node?.parent === 'string' && nodes.has(node.parent));
      if (!touched.has(id) && !boxed) nodes.delete(id);
    }
  }
  const folded = view.collapsed.filter((id) => nodes.has(id));
  if (folded.length > 0) {
    for (const id of foldedAway(store, nodes, edges, folded)) nodes.delete(id);
    edges = edgesAmong(nodes);
  }
  return { nodes, edges };
}

/** Children of a folded node, and neighbours whose every drawn edge goes to it. */
function foldedAway(
  store: ElementStore,
  nodes: Set<string>,
  edges: Set<string>,
  folded: string[],
): Set<string> {
  const away = new Set<string>();
  const neighbours = new Map<string, Set<string>>();
  for (const id of edges) {
    const edge = store.edges.get(id);
    if (!edge) continue;
    if (!neighbours.has(edge.source)) neighbours.set(edge.source, new Set());
    if (!neighbours.has(edge.target)) neighbours.set(edge.target, new Set());
    neighbours.get(edge.source)?.add(edge.target);
    neighbours.get(edge.target)?.add(edge.source);
  }
  const isParent = new Set<string>();
  for (const id of nodes) {
    const parent = store.nodes.get(id)?.parent;
    if (typeof parent === 'string') isParent.add(parent);
  }
  for (const f of folded) {
    for (const id of nodes) {
      if (id === f || folded.includes(id)) continue;
      if (store.nodes.get(id)?.parent === f) {
        away.add(id);
        continue;
      }
      const around = neighbours.get(id);
      if (around && around.size === 1 && around.has(f) && !isParent.has(id)) away.add(id);
    }
  }
  return away;
}

export interface Count {
  total: number;
  shown: number;
}

export interface FilterCounts {
  labels: Map<NodeLabel, Count>;
  types: Map<RelType, Count>;
  domains: Map<string, Count>;
  basis: Map<Basis, Count>;
}

function bump<K>(map: Map<K, Count>, key: K, shown: boolean) {
  const count = map.get(key) ?? { total: 0, shown: 0 };
  count.total += 1;
  if (shown) count.shown += 1;
  map.set(key, count);
}

/** Per filter entry: how many loaded elements it covers, and how many of them are drawn. */
export function filterCounts(store: ElementStore, loaded: VisibleSet, visible: VisibleSet): FilterCounts {
  const counts: FilterCounts = { labels: new Map(), types: new Map(), domains: new Map(), basis: new Map() };
  for (const id of loaded.nodes) {
    const node = store.nodes.get(id);
    if (!node) continue;
    const shown = visible.nodes.has(id);
    bump(counts.labels, node.label, shown);
    if (node.label === 'Task' && typeof node.parent === 'string') bump(counts.domains, node.parent, shown);
  }
  for (const id of loaded.edges) {
    const edge = store.edges.get(id);
    if (!edge) continue;
    const shown = visible.edges.has(id);
    bump(counts.types, edge.type, shown);
    const basis = edge.basis;
    if (basis === 'text' || basis === 'curated' || basis === 'inferred') bump(counts.basis, basis, shown);
  }
  return counts;
}

/**
 * Domains the overview draws in full: those the reader opened, and those holding a task that an expansion or
 * a found path (`extra` fragments) brought — what the reader asked to see is never folded into a domain node.
 */
export function domainsToOpen(store: ElementStore, view: ViewState, extra: readonly string[]): Set<string> {
  const open = new Set(view.opened);
  for (const key of [...view.expanded.map(expansionFragment), ...extra]) {
    for (const id of store.fragment(key)?.nodes ?? []) {
      const domain = taskDomain(store.nodes, id);
      if (domain !== null) open.add(domain);
    }
  }
  return open;
}
