// What the views read from the API, fetched once per page load and shared: the plan, its whole graph (as the
// explorer's Cytoscape JSON, indexed here), its text, the agency matrix, pilot traces and statistics.

import type {
  AgencyMatrix,
  PilotTrace,
  PlanStats,
  PlanTextResponse,
} from '../../../server/src/domain/types.ts';
import { activePlan } from '../api/active-plan.ts';
import { fetchPlans } from '../api/graph-api.ts';
import { getJson, query } from '../api/http.ts';
import type { CyEdgeData, CyElements, CyNodeData, PlanSummary } from '../types.ts';

export type MatrixBasis = 'text' | 'all';

export class PlanGraphIndex {
  readonly nodes = new Map<string, CyNodeData>();
  private readonly out = new Map<string, CyEdgeData[]>();
  private readonly in = new Map<string, CyEdgeData[]>();

  constructor(elements: CyElements) {
    for (const { data } of elements.nodes) this.nodes.set(data.id, data);
    for (const { data } of elements.edges) {
      this.push(this.out, data.source, data);
      this.push(this.in, data.target, data);
    }
  }

  private push(map: Map<string, CyEdgeData[]>, key: string, edge: CyEdgeData) {
    const list = map.get(key);
    if (list) list.push(edge);
    else map.set(key, [edge]);
  }

  outgoing(id: string, type?: string): CyEdgeData[] {
    return (this.out.get(id) ?? []).filter((edge) => !type || edge.type === type);
  }

  incoming(id: string, type?: string): CyEdgeData[] {
    return (this.in.get(id) ?? []).filter((edge) => !type || edge.type === type);
  }

  withLabel(label: string): CyNodeData[] {
    return [...this.nodes.values()].filter((node) => node.label === label).sort(byStart);
  }

  /** The domain a task belongs to. */
  domainOf(taskId: string): CyNodeData | undefined {
    const edge = this.incoming(taskId, 'HAS_TASK')[0];
    return edge ? this.nodes.get(edge.source) : undefined;
  }
}

export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
export const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** Where a node starts in the plan text: its own text, else its title. */
export function startOf(node: CyNodeData): number {
  return num(node.start) ?? num(node.titleStart) ?? Number.MAX_SAFE_INTEGER;
}

export const byStart = (a: CyNodeData, b: CyNodeData) => startOf(a) - startOf(b) || a.id.localeCompare(b.id);

export interface PlanData {
  plan: PlanSummary;
  graph: PlanGraphIndex;
  text: string;
}

export interface DataCache {
  plan(): Promise<PlanData>;
  matrix(basis: MatrixBasis, domains: readonly string[]): Promise<AgencyMatrix>;
  trace(pilotId: string): Promise<PilotTrace>;
  stats(): Promise<PlanStats>;
}

export function matrixUrl(basis: MatrixBasis, domains: readonly string[]): string {
  return `/api/agencies/matrix${query({ basis: basis === 'text' ? ['text'] : ['text', 'curated'], domains })}`;
}

export function createDataCache(): DataCache {
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    let value = memo.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      memo.set(key, value);
      // A failed load is retried on the next call rather than remembered.
      value.catch(() => memo.delete(key));
    }
    return value;
  };
  const plan = () =>
    once('plan', async () => {
      const plans = await fetchPlans();
      const first = plans.find((p) => p.id === activePlan()) ?? plans[0];
      if (!first) throw new Error('No plan has been imported yet.');
      const [elements, text] = await Promise.all([
        // The views read texts and offsets of every part of the plan, so they ask for every property.
        getJson<CyElements>(`/api/graph${query({ plan: first.id, detail: 'full' })}`),
        getJson<PlanTextResponse>(`/api/plans/${encodeURIComponent(first.id)}/text`),
      ]);
      return { plan: first, graph: new PlanGraphIndex(elements), text: text.text };
    });
  return {
    plan,
    matrix: (basis, domains) =>
      once(`matrix|${basis}|${domains.join(',')}`, () => getJson<AgencyMatrix>(matrixUrl(basis, domains))),
    trace: (pilotId) =>
      once(`trace|${pilotId}`, () => getJson<PilotTrace>(`/api/pilots/${encodeURIComponent(pilotId)}/trace`)),
    stats: () => once('stats', () => getJson<PlanStats>('/api/stats')),
  };
}
