// GET /api/graph (Cytoscape.js elements for the main view) and GET /api/export (downloads).
import { z } from 'zod';
import type { RouteContext } from './context.ts';
import { defineRoute } from './route.ts';
import {
  basisParam,
  cyElementsSchema,
  cyOverviewElementsSchema,
  domainsParam,
  graphDetailParam,
  jsonResponse,
  labelsParam,
  planIdSchema,
  typesParam,
} from './schemas.ts';

export function graphRoutes({ router, registry, services, cache }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/graph',
    cache,
    summary: "A plan's graph as Cytoscape.js elements, optionally narrowed",
    description:
      'By default a slim overview (names cut short, no texts or evidence: GET /api/nodes/{id} has them); ' +
      '`detail=full` sends every property. Answers with an ETag (send If-None-Match to get 304) and ' +
      'compresses with gzip or brotli.',
    tags: ['graph'],
    request: {
      query: z.object({
        plan: planIdSchema.optional(),
        labels: labelsParam.optional(),
        types: typesParam.optional(),
        domains: domainsParam.optional(),
        basis: basisParam.optional(),
        detail: graphDetailParam.optional(),
      }),
    },
    responses: jsonResponse(
      'Elements: the overview, or with `detail=full` the complete elements',
      z.union([cyOverviewElementsSchema, cyElementsSchema]),
    ),
    handler: async ({ query }, _req, res) => {
      const filter = {
        labels: query.labels ?? null,
        types: query.types ?? null,
        domains: query.domains ?? null,
        basis: query.basis ?? null,
      };
      const elements =
        query.detail === 'full'
          ? await services.fullGraph(query.plan, filter)
          : await services.graph(query.plan, filter);
      // Revalidate every time: the ETag makes an unchanged graph cost a 304.
      res.set('Cache-Control', 'no-cache').json(elements);
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/export',
    summary: 'Download a plan as GraphML, neo4j-admin import CSV (zip) or Cytoscape.js JSON',
    tags: ['graph'],
    request: {
      query: z.object({ plan: planIdSchema.optional(), format: z.enum(['graphml', 'csv', 'json']) }),
    },
    responses: {
      200: {
        description: 'The file, as an attachment',
        content: {
          'application/graphml+xml': { schema: z.string() },
          'application/zip': { schema: z.string().meta({ format: 'binary' }) },
          'application/json': { schema: z.object({ elements: cyElementsSchema }) },
        },
      },
    },
    handler: async ({ query }, _req, res) => {
      const file = await services.exportPlan(query.plan, query.format);
      res.attachment(file.filename).type(file.contentType);
      res.send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
    },
  });
}
