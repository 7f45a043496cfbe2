// Cytoscape.js JSON from a subgraph: tasks carry their domain as compound `parent` when that domain is present.
// Two shapes: the complete one (every property; exports and `detail=full`) and the overview GET /api/graph
// sends by default, which carries only what drawing, filtering and labelling need so a large plan stays
// small on the wire; texts, quotes and offsets are fetched per node when a user opens one.
import { Basis, DependencyKind, NodeLabel, RelType } from '../domain/model.ts';
import type {
  CyEdgeData,
  CyElements,
  CyNodeData,
  CyOverviewEdgeData,
  CyOverviewElements,
  CyOverviewNodeData,
  GraphEdge,
  GraphNode,
  Subgraph,
} from '../domain/types.ts';

/** Measures are named by their whole sentence: the overview keeps the opening clause. */
const PASSAGE_NAMED: ReadonlySet<NodeLabel> = new Set([NodeLabel.Measure]);
const PASSAGE_NAME_MAX = 12;
/** Other names are kept up to what a drawn label can show (the explorer cuts English labels at 48). */
const NAME_MAX = 32;
const NAME_EN_MAX = 48;
/**
 * Domains keep their whole names: a plan has few of them, and the explorer lists them by name (filters, the
 * overview's domain nodes), where two titles cut after the same opening words looked identical.
 */
const WHOLE_NAMED: ReadonlySet<NodeLabel> = new Set([NodeLabel.Domain]);
/** A clause ending this early would leave too little to recognise the sentence by. */
const MIN_CLAUSE = 4;
const CLAUSE_END = /[，；。：！？,;:!?]/u;

/**
 * `name` cut to at most `max` characters, '…' included. A sentence (`atClause`) is cut at its first clause end
 * where one comes early enough; a title keeps as much as fits.
 */
export function shortName(name: string, max: number, atClause = false): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const stop = atClause ? chars.findIndex((char, i) => i >= MIN_CLAUSE && CLAUSE_END.test(char)) : -1;
  const end = stop >= 0 && stop < max ? stop : max - 1;
  return `${chars.slice(0, end).join('')}…`;
}

function mainLabel(node: GraphNode): NodeLabel {
  return node.labels[0] ?? NodeLabel.Plan;
}

function displayName(node: GraphNode): string {
  const name = node.properties.name;
  return typeof name === 'string' ? name : node.id;
}

function englishName(node: GraphNode): string | null {
  const nameEn = node.properties.nameEn;
  return typeof nameEn === 'string' ? nameEn : null;
}

/** The present nodes, the edges between them, and each task's domain where that domain is present. */
function drawable(graph: Subgraph) {
  const present = new Set<string>(graph.nodes.map((node) => node.id));
  const domainOf = new Map<string, string>();
  for (const edge of graph.edges) {
    if (edge.type === RelType.HAS_TASK && present.has(edge.start)) domainOf.set(edge.end, edge.start);
  }
  const parentOf = (node: GraphNode) =>
    mainLabel(node) === NodeLabel.Task ? (domainOf.get(node.id) ?? null) : null;
  const edges = graph.edges.filter((edge) => present.has(edge.start) && present.has(edge.end));
  return { parentOf, edges };
}

export function toCyElements(graph: Subgraph): CyElements {
  const { parentOf, edges } = drawable(graph);
  return {
    nodes: graph.nodes.map((node) => {
      const data: CyNodeData = {
        ...node.properties,
        id: node.id,
        label: mainLabel(node),
        labels: node.labels,
        name: displayName(node),
        nameEn: englishName(node),
        parent: parentOf(node),
      };
      return { data };
    }),
    edges: edges.map((edge) => {
      const data: CyEdgeData = {
        ...edge.properties,
        id: edge.id,
        source: edge.start,
        target: edge.end,
        type: edge.type,
      };
      return { data };
    }),
  };
}

const BASES: ReadonlySet<unknown> = new Set(Object.values(Basis));
const DEPENDENCY_KINDS: ReadonlySet<unknown> = new Set(Object.values(DependencyKind));
const isBasis = (value: unknown): value is Basis => BASES.has(value);
const isDependencyKind = (value: unknown): value is DependencyKind => DEPENDENCY_KINDS.has(value);

function overviewNode(node: GraphNode, parent: string | null): CyOverviewNodeData {
  const label = mainLabel(node);
  const passage = PASSAGE_NAMED.has(label);
  const whole = WHOLE_NAMED.has(label);
  const name = whole
    ? displayName(node)
    : shortName(displayName(node), passage ? PASSAGE_NAME_MAX : NAME_MAX, passage);
  const data: CyOverviewNodeData = { id: node.id, label, name };
  const nameEn = englishName(node);
  if (nameEn !== null) data.nameEn = whole ? nameEn : shortName(nameEn, NAME_EN_MAX);
  if (parent !== null) data.parent = parent;
  return data;
}

function overviewEdge(edge: GraphEdge): CyOverviewEdgeData {
  const data: CyOverviewEdgeData = { source: edge.start, target: edge.end, type: edge.type };
  if (edge.id !== `${edge.start}|${edge.type}|${edge.end}`) data.id = edge.id;
  const { basis, weight, kind } = edge.properties;
  if (isBasis(basis)) data.basis = basis;
  if (typeof weight === 'number') data.weight = weight;
  if (isDependencyKind(kind)) data.kind = kind;
  return data;
}

export function toCyOverview(graph: Subgraph): CyOverviewElements {
  const { parentOf, edges } = drawable(graph);
  return {
    nodes: graph.nodes.map((node) => ({ data: overviewNode(node, parentOf(node)) })),
    // Grouped by type (a stable sort keeps source order within a type): runs of alike edges compress best.
    edges: edges
      .map((edge) => ({ data: overviewEdge(edge) }))
      .sort((a, b) => (a.data.type < b.data.type ? -1 : a.data.type > b.data.type ? 1 : 0)),
  };
}
