// The one services layer the routes call: each method resolves the plan, asks the repository and shapes the
// answer. Routes hand in values their schemas already parsed.
import { AppError } from '../domain/errors.ts';
import type { Basis, NodeLabel } from '../domain/model.ts';
import type {
  AgencyMatrix,
  CyElements,
  CyOverviewElements,
  CypherResponse,
  ExportFormat,
  NeighborhoodResponse,
  NodeDetails,
  PathsResponse,
  PilotTrace,
  PlanStats,
  PlansResponse,
  PlanTextResponse,
  SearchResponse,
} from '../domain/types.ts';
import { agencyMatrix } from './agency-matrix.ts';
import { toCyElements, toCyOverview } from './cy-elements.ts';
import { withEvidenceContexts } from './export/evidence-context.ts';
import { toGraphml } from './export/graphml.ts';
import { neo4jCsvZip } from './export/neo4j-csv.ts';
import { filterGraph, type GraphFilter } from './graph-filter.ts';
import { neighborhood, nodeDetails, requireNode } from './node-service.ts';
import { pilotTrace } from './pilot-trace.ts';
import { PlanIndex } from './plan-index.ts';
import { resolvePlan } from './plan-scope.ts';
import { planStats } from './plan-stats.ts';
import type { GraphRepository, NeighborhoodQuery, PathQuery } from './repository.ts';
import { search } from './search-service.ts';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Uint8Array;
}

export interface CypherLimits {
  rowCap: number;
  timeoutMs: number;
}

export function createGraphServices(repo: GraphRepository, limits: CypherLimits) {
  const planIndex = async (planId: string) => new PlanIndex(await repo.planGraph(planId));
  return {
    async plans(): Promise<PlansResponse> {
      return { plans: await repo.plans() };
    },

    async planText(
      planId: string,
      from: number | undefined,
      to: number | undefined,
    ): Promise<PlanTextResponse> {
      const plan = await resolvePlan(repo, planId);
      const text = (await repo.planText(plan.id)) ?? '';
      const start = from ?? 0;
      const end = Math.min(to ?? text.length, text.length);
      if (start > text.length) {
        throw new AppError(
          'INVALID_REQUEST',
          `from (${start}) is beyond the end of the text (${text.length}).`,
          {
            details: [{ path: ['query', 'from'], message: `at most ${text.length}` }],
          },
        );
      }
      return { plan: plan.id, from: start, to: end, length: text.length, text: text.slice(start, end) };
    },

    /** The overview the explorer draws first: names cut short, no texts, quotes or offsets. */
    async graph(planId: string | undefined, filter: GraphFilter): Promise<CyOverviewElements> {
      const plan = await resolvePlan(repo, planId);
      return toCyOverview(filterGraph(await repo.planGraph(plan.id), filter));
    },

    /** Every property of every element, for views that read texts and offsets of the whole plan. */
    async fullGraph(planId: string | undefined, filter: GraphFilter): Promise<CyElements> {
      const plan = await resolvePlan(repo, planId);
      return toCyElements(filterGraph(await repo.planGraph(plan.id), filter));
    },

    async exportPlan(planId: string | undefined, format: ExportFormat): Promise<ExportFile> {
      const plan = await resolvePlan(repo, planId);
      const graph = withEvidenceContexts(await repo.planGraph(plan.id, { withPlanText: true }));
      switch (format) {
        case 'graphml':
          return {
            filename: `${plan.id}.graphml`,
            contentType: 'application/graphml+xml',
            body: toGraphml(graph, plan.id),
          };
        case 'csv':
          return {
            filename: `${plan.id}-neo4j-import.zip`,
            contentType: 'application/zip',
            body: neo4jCsvZip(graph, plan.id),
          };
        case 'json':
          return {
            filename: `${plan.id}.cyjs.json`,
            contentType: 'application/json',
            body: JSON.stringify({ elements: toCyElements(graph) }),
          };
      }
    },

    node: (id: string): Promise<NodeDetails> => nodeDetails(repo, id),

    neighbors: (id: string, query: NeighborhoodQuery): Promise<NeighborhoodResponse> =>
      neighborhood(repo, id, query),

    async paths(from: string, to: string, query: PathQuery): Promise<PathsResponse> {
      const fromId = await requireNode(repo, from);
      const toId = await requireNode(repo, to);
      const { paths, graph } = await repo.shortestPaths(from, to, query);
      return { from: fromId, to: toId, paths, ...graph };
    },

    search: (request: {
      plan?: string;
      q: string;
      labels: NodeLabel[] | null;
      limit: number;
    }): Promise<SearchResponse> => search(repo, request),

    async matrix(
      planId: string | undefined,
      filter: { basis: Basis[] | null; domains: string[] | null },
    ): Promise<AgencyMatrix> {
      const plan = await resolvePlan(repo, planId);
      return agencyMatrix(await planIndex(plan.id), filter);
    },

    async trace(pilotId: string): Promise<PilotTrace> {
      const found = await repo.node(pilotId);
      const plan = found?.node.properties.plan;
      if (!found || typeof plan !== 'string') {
        throw new AppError('NOT_FOUND', `No pilot with id "${pilotId}".`, { details: { id: pilotId } });
      }
      return pilotTrace(await planIndex(plan), pilotId, (await repo.planText(plan)) ?? '');
    },

    async stats(planId: string | undefined): Promise<PlanStats> {
      const plan = await resolvePlan(repo, planId);
      return planStats(await planIndex(plan.id), plan.id);
    },

    async cypher(query: string, params: Record<string, unknown>): Promise<CypherResponse> {
      const started = performance.now();
      const result = await repo.runReadOnly({ query, params, ...limits });
      return { ...result, elapsedMs: Math.round(performance.now() - started) };
    },
  };
}

export type GraphServices = ReturnType<typeof createGraphServices>;
