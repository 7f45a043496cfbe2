// Level of detail: the plan first seen as its domains — one node per domain with how many tasks, agencies and
// pilots it holds, and one aggregated link per pair of domains saying how many dependencies, agencies and pilots
// they share — with the domains the reader opened drawn in full, in place. Computed in the client from the slim
// graph it already holds, so opening a domain costs no request; see docs/explorer.md for why not on the server.
// It imports types only, so the bench can load it in a bare page (scripts/bench/browser-pages.ts).
import type { CyEdgeData, CyNodeData } from '../types.ts';
import type { VisibleSet } from './element-store.ts';

/** The edge type of an aggregated link between two domains (drawn only, never stored or exported). */
export const DOMAIN_LINK = 'DOMAIN_LINK';

/** What a closed domain's node shows: distinct tasks, agencies and pilots reached from its tasks. */
export interface DomainCounts {
  tasks: number;
  agencies: number;
  pilots: number;
}

/**
 * The aggregated link between domains `source` < `target` (undirected): `dependencies` counts edges between a
 * task of one and a task of the other (DEPENDS_ON, either direction); `agencies` and `pilots` count distinct
 * agencies and pilots linked to tasks of both. `total` is their sum (the drawn width).
 */
export interface DomainLink {
  id: string;
  source: string;
  target: string;
  type: typeof DOMAIN_LINK;
  dependencies: number;
  agencies: number;
  pilots: number;
  total: number;
}

export interface LevelInput {
  nodes: ReadonlyMap<string, CyNodeData>;
  edges: ReadonlyMap<string, CyEdgeData>;
  /** What the filters let through, before the level of detail. */
  visible: VisibleSet;
  /** Domains drawn in full; every other domain is one node. */
  open: ReadonlySet<string>;
}

export interface LevelResult {
  /** Nodes to draw; a closed domain's data carries `lod: 'closed'` and its DomainCounts. */
  nodes: CyNodeData[];
  edges: CyEdgeData[];
  /** Links between pairs of domains of which at least one is closed (two open ones show the real edges). */
  links: DomainLink[];
  /** Ids of the drawn nodes and edges (links not included). */
  visible: VisibleSet;
}

/** The domain a task belongs to (its compound parent), or null for any other node. */
export function taskDomain(nodes: ReadonlyMap<string, CyNodeData>, id: string): string | null {
  const node = nodes.get(id);
  if (node?.label !== 'Task' || typeof node.parent !== 'string') return null;
  return nodes.get(node.parent)?.label === 'Domain' ? node.parent : null;
}

/**
 * The domains that hold a node, sorted: a task's own domain, or for an agency or pilot the domains of the tasks
 * it is linked to; empty for a domain or a node linked to no task.
 */
export function domainsHolding(
  nodes: ReadonlyMap<string, CyNodeData>,
  edges: ReadonlyMap<string, CyEdgeData>,
  id: string,
): string[] {
  const domains = new Set<string>();
  const own = taskDomain(nodes, id);
  if (own !== null) domains.add(own);
  else if (nodes.get(id)?.label !== 'Domain') {
    for (const edge of edges.values()) {
      const other = edge.source === id ? edge.target : edge.target === id ? edge.source : null;
      const domain = other === null ? null : taskDomain(nodes, other);
      if (domain !== null) domains.add(domain);
    }
  }
  return [...domains].sort();
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key) ?? new Set<V>();
  set.add(value);
  map.set(key, set);
}

interface Tally {
  tasks: Map<string, number>;
  /** Agency or pilot id → the domains whose tasks it is linked to. */
  reach: Map<string, Set<string>>;
  dependencies: Map<string, number>;
}

function tally(input: LevelInput): Tally {
  const { nodes, edges, visible } = input;
  const tasks = new Map<string, number>();
  for (const id of visible.nodes) {
    const domain = taskDomain(nodes, id);
    if (domain !== null) tasks.set(domain, (tasks.get(domain) ?? 0) + 1);
  }
  const reach = new Map<string, Set<string>>();
  const dependencies = new Map<string, number>();
  for (const id of visible.edges) {
    const edge = edges.get(id);
    if (!edge) continue;
    const from = taskDomain(nodes, edge.source);
    const to = taskDomain(nodes, edge.target);
    if (from !== null && to !== null) {
      if (from !== to && edge.type === 'DEPENDS_ON') {
        const key = pairKey(from, to);
        dependencies.set(key, (dependencies.get(key) ?? 0) + 1);
      }
      continue;
    }
    const [domain, other] = from !== null ? [from, edge.target] : [to, edge.source];
    const label = nodes.get(other)?.label;
    if (domain !== null && (label === 'Agency' || label === 'Pilot')) addTo(reach, other, domain);
  }
  return { tasks, reach, dependencies };
}

/** Per domain: its tasks, and the distinct agencies and pilots linked to them. */
export function domainCounts(input: LevelInput): Map<string, DomainCounts> {
  const { tasks, reach } = tally(input);
  const counts = new Map<string, DomainCounts>();
  const of = (domain: string) => {
    const count = counts.get(domain) ?? { tasks: tasks.get(domain) ?? 0, agencies: 0, pilots: 0 };
    counts.set(domain, count);
    return count;
  };
  for (const id of input.visible.nodes) if (input.nodes.get(id)?.label === 'Domain') of(id);
  for (const [id, domains] of reach) {
    const kind = input.nodes.get(id)?.label === 'Agency' ? 'agencies' : 'pilots';
    for (const domain of domains) of(domain)[kind] += 1;
  }
  return counts;
}

/**
 * The aggregated links between every pair of domains that share something. An agency (or pilot) serving k
 * domains counts once in each of the k·(k−1)/2 pairs it joins, and once in each of its domains' counts.
 */
export function domainLinks(input: LevelInput): DomainLink[] {
  const { reach, dependencies } = tally(input);
  const links = new Map<string, DomainLink>();
  const link = (key: string) => {
    const existing = links.get(key);
    if (existing) return existing;
    const [source = '', target = ''] = key.split('|');
    const made: DomainLink = {
      id: `${DOMAIN_LINK}:${key}`,
      source,
      target,
      type: DOMAIN_LINK,
      dependencies: 0,
      agencies: 0,
      pilots: 0,
      total: 0,
    };
    links.set(key, made);
    return made;
  };
  for (const [key, n] of dependencies) link(key).dependencies += n;
  for (const [id, domains] of reach) {
    const kind = input.nodes.get(id)?.label === 'Agency' ? 'agencies' : 'pilots';
    const list = [...domains].sort();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++)
        link(pairKey(list[i] as string, list[j] as string))[kind] += 1;
    }
  }
  for (const item of links.values()) item.total = item.dependencies + item.agencies + item.pilots;
  return [...links.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Applies the level of detail: closed domains become single nodes with their counts; open domains keep their
 * tasks; an agency or pilot is drawn when it is linked to a task of an open domain. Nodes that belong to no
 * domain and touch no open task (e.g. a plan-wide pilot) wait for a domain to open.
 */
export function domainLevel(input: LevelInput): LevelResult {
  const { nodes, edges, visible, open } = input;
  const counts = domainCounts(input);
  const drawn = new Set<string>();
  for (const id of visible.nodes) {
    const node = nodes.get(id);
    if (!node) continue;
    const domain = node.label === 'Task' ? taskDomain(nodes, id) : null;
    if (node.label === 'Domain' || (domain !== null && open.has(domain))) drawn.add(id);
  }
  for (const id of visible.edges) {
    const edge = edges.get(id);
    if (!edge) continue;
    const a = taskDomain(nodes, edge.source);
    const b = taskDomain(nodes, edge.target);
    if (a !== null && open.has(a) && b === null) drawn.add(edge.target);
    if (b !== null && open.has(b) && a === null) drawn.add(edge.source);
  }
  const drawnEdges = new Set<string>();
  for (const id of visible.edges) {
    const edge = edges.get(id);
    if (edge && drawn.has(edge.source) && drawn.has(edge.target)) drawnEdges.add(id);
  }
  const outNodes = [...drawn].flatMap((id) => {
    const node = nodes.get(id);
    if (!node) return [];
    const count = counts.get(id);
    return node.label === 'Domain' && !open.has(id) && count
      ? [{ ...node, lod: 'closed', ...count }]
      : [node];
  });
  return {
    nodes: outNodes,
    edges: [...drawnEdges].flatMap((id) => edges.get(id) ?? []),
    links: domainLinks(input).filter((l) => !(open.has(l.source) && open.has(l.target))),
    visible: { nodes: drawn, edges: drawnEdges },
  };
}
