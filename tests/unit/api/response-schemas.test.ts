// The response schemas the OpenAPI document publishes describe what the services really return: checked by
// type (the DTOs of types.ts fit the schemas) and at run time (service outputs parse).
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  cyElementsSchema,
  cyOverviewElementsSchema,
  cypherResponseSchema,
  matrixSchema,
  neighborhoodSchema,
  nodeDetailsSchema,
  type pathsSchema,
  planSummarySchema,
  planTextSchema,
  searchSchema,
  statsSchema,
  traceSchema,
} from '../../../server/src/api/schemas.ts';
import type {
  AgencyMatrix,
  CyElements,
  CyOverviewElements,
  CypherResponse,
  NeighborhoodResponse,
  NodeDetails,
  PathsResponse,
  PilotTrace,
  PlanStats,
  PlanSummary,
  PlanTextResponse,
  SearchResponse,
} from '../../../server/src/domain/types.ts';
import { createGraphServices } from '../../../server/src/graph/services.ts';
import { fakeGraphRepository } from '../../fixtures/graph-repository.fake.ts';
import { SMALL_PLAN, SMALL_TEXT, smallGraph, smallPlanSummary } from '../../fixtures/small-graph.ts';

const services = createGraphServices(fakeGraphRepository([smallPlanSummary()], smallGraph(), SMALL_TEXT), {
  rowCap: 10,
  timeoutMs: 1000,
});

describe('response schemas and DTOs', () => {
  it('agree in type', () => {
    expectTypeOf<PlanSummary>().toExtend<z.output<typeof planSummarySchema>>();
    expectTypeOf<CyElements>().toExtend<z.output<typeof cyElementsSchema>>();
    expectTypeOf<CyOverviewElements>().toExtend<z.output<typeof cyOverviewElementsSchema>>();
    expectTypeOf<NodeDetails>().toExtend<z.output<typeof nodeDetailsSchema>>();
    expectTypeOf<NeighborhoodResponse>().toExtend<z.output<typeof neighborhoodSchema>>();
    expectTypeOf<PathsResponse>().toExtend<z.output<typeof pathsSchema>>();
    expectTypeOf<SearchResponse>().toExtend<z.output<typeof searchSchema>>();
    expectTypeOf<AgencyMatrix>().toExtend<z.output<typeof matrixSchema>>();
    expectTypeOf<PilotTrace>().toExtend<z.output<typeof traceSchema>>();
    expectTypeOf<PlanStats>().toExtend<z.output<typeof statsSchema>>();
    expectTypeOf<PlanTextResponse>().toExtend<z.output<typeof planTextSchema>>();
    expectTypeOf<CypherResponse>().toExtend<z.output<typeof cypherResponseSchema>>();
  });

  it('parse what the services return', async () => {
    const noFilter = { labels: null, types: null, domains: null, basis: null };
    planSummarySchema.parse(smallPlanSummary());
    cyOverviewElementsSchema.strict().parse(await services.graph(undefined, noFilter));
    cyElementsSchema.parse(await services.fullGraph(undefined, noFilter));
    nodeDetailsSchema.parse(await services.node(`${SMALL_PLAN}:task:1`));
    neighborhoodSchema.parse(
      await services.neighbors(`${SMALL_PLAN}:task:1`, { depth: 1, labels: null, types: null, limit: 10 }),
    );
    searchSchema.parse(await services.search({ q: '新区', labels: null, limit: 5 }));
    matrixSchema.parse(await services.matrix(undefined, { basis: null, domains: null }));
    traceSchema.parse(await services.trace(`${SMALL_PLAN}:pilot:new-area`));
    statsSchema.parse(await services.stats(undefined));
    planTextSchema.parse(await services.planText(SMALL_PLAN, 0, 4));
    cypherResponseSchema.parse(await services.cypher('RETURN 1', {}));
  });
});
