// GET /api/agencies/matrix, GET /api/pilots/:id/trace and GET /api/stats: the analyses planners and
// researchers ask for.
import { z } from 'zod';
import type { RouteContext } from './context.ts';
import { defineRoute } from './route.ts';
import {
  basisParam,
  domainsParam,
  jsonResponse,
  matrixSchema,
  nodeIdSchema,
  planIdSchema,
  statsSchema,
  traceSchema,
} from './schemas.ts';

export function analysisRoutes({ router, registry, services, cache }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/agencies/matrix',
    summary: 'Agency × agency co-involvement: shared tasks per pair',
    description:
      'An agency is involved in a task it leads or joins (LED_BY/INVOLVES, filtered by basis) or that it is named in (MENTIONS from the task or its measures, basis "text").',
    cache,
    tags: ['analysis'],
    request: {
      query: z.object({
        plan: planIdSchema.optional(),
        basis: basisParam.optional(),
        domains: domainsParam.optional(),
      }),
    },
    responses: jsonResponse('The matrix', matrixSchema),
    handler: async ({ query }, _req, res) => {
      res.json(
        await services.matrix(query.plan, { basis: query.basis ?? null, domains: query.domains ?? null }),
      );
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/pilots/:id/trace',
    summary: 'A pilot through the plan: tasks, domains, agencies, targets and passages in document order',
    cache,
    tags: ['analysis'],
    request: { params: z.object({ id: nodeIdSchema }) },
    responses: jsonResponse('The trace', traceSchema),
    handler: async ({ params }, _req, res) => {
      res.json(await services.trace(params.id));
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/stats',
    summary: 'Counts, and task rankings by degree and betweenness centrality',
    cache,
    tags: ['analysis'],
    request: { query: z.object({ plan: planIdSchema.optional() }) },
    responses: jsonResponse('Statistics', statsSchema),
    handler: async ({ query }, _req, res) => {
      res.json(await services.stats(query.plan));
    },
  });
}
