// Counts and task rankings. Degree and betweenness are computed with graphology on the plan's "working"
// graph: tasks, measures, agencies, pilots, targets and list items with every relationship between them
// except the document outline (plan → chapter → section/domain → task), which would make every task look
// alike through its chapter.
import { UndirectedGraph } from 'graphology';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { NodeLabel, RelType } from '../domain/model.ts';
import type { PlanStats, TaskRanking } from '../domain/types.ts';
import { type PlanIndex, str } from './plan-index.ts';

const OUTLINE_LABELS: readonly NodeLabel[] = [
  NodeLabel.Plan,
  NodeLabel.Chapter,
  NodeLabel.Section,
  NodeLabel.Domain,
];
const OUTLINE_TYPES: readonly RelType[] = [
  RelType.HAS_CHAPTER,
  RelType.HAS_SECTION,
  RelType.HAS_DOMAIN,
  RelType.HAS_TASK,
];
export const RANKING_GRAPH =
  'Undirected graph of tasks, measures, agencies, pilots, targets and list items with all their relationships except the outline (HAS_CHAPTER, HAS_SECTION, HAS_DOMAIN, HAS_TASK); betweenness is normalised.';
const TOP = 20;

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values.sort()) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

export function planStats(index: PlanIndex, plan: string): PlanStats {
  const { nodes, edges } = index.graph;
  const working = new UndirectedGraph();
  for (const node of nodes) {
    if (!node.labels.some((label) => OUTLINE_LABELS.includes(label))) working.addNode(node.id);
  }
  for (const edge of edges) {
    if (OUTLINE_TYPES.includes(edge.type) || edge.start === edge.end) continue;
    if (working.hasNode(edge.start) && working.hasNode(edge.end)) working.mergeEdge(edge.start, edge.end);
  }
  const betweenness = betweennessCentrality(working, { normalized: true });
  const tasks = index.withLabel(NodeLabel.Task);
  const ranking = (value: (id: string) => number): TaskRanking[] =>
    tasks
      .map((task) => ({
        id: task.id,
        name: str(task.properties.name) ?? task.id,
        nameEn: str(task.properties.nameEn),
        domain: index.incoming(task.id, [RelType.HAS_TASK])[0]?.start ?? null,
        value: value(task.id),
      }))
      .sort((a, b) => b.value - a.value || a.id.localeCompare(b.id, 'en', { numeric: true }))
      .slice(0, TOP);
  return {
    plan,
    nodes: countBy(nodes.flatMap((node) => node.labels)),
    relationships: countBy(edges.map((edge) => edge.type)),
    rankingGraph: RANKING_GRAPH,
    byDegree: ranking((id) => (working.hasNode(id) ? working.degree(id) : 0)),
    byBetweenness: ranking((id) => Number((betweenness[id] ?? 0).toFixed(6))),
  };
}
