// POST /api/cypher: the read-only console for power users.
import { z } from 'zod';
import type { RouteContext } from './context.ts';
import { defineRoute } from './route.ts';
import { cypherResponseSchema, jsonResponse } from './schemas.ts';

export function cypherRoutes({ router, registry, services, limiters }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'post',
    path: '/cypher',
    summary: 'Run a read-only Cypher query (5 s limit, capped rows)',
    description:
      'Runs in a READ transaction. Queries the database plans as writes, schema changes or file/URL loads are refused with 403 QUERY_REFUSED before they run.',
    tags: ['cypher'],
    before: [limiters.cypher],
    request: {
      body: z
        .object({
          query: z
            .string()
            .trim()
            .min(1)
            .max(10_000)
            .meta({ example: 'MATCH (t:Task) RETURN t.name LIMIT 5' }),
          params: z.record(z.string(), z.unknown()).default({}),
        })
        .meta({ id: 'CypherRequest' }),
    },
    responses: jsonResponse('Columns, rows and the graph in them', cypherResponseSchema),
    handler: async ({ body }, _req, res) => {
      res.set('Cache-Control', 'no-store').json(await services.cypher(body.query, body.params));
    },
  });
}
