// POST /api/cypher: the read-only console for power users.
import { z } from 'zod';
import type { RouteContext } from './context.ts';
import { errorResponse } from './error-schemas.ts';
import { defineRoute } from './route.ts';
import { cypherResponseSchema, jsonResponse } from './schemas.ts';

export function cypherRoutes({ router, registry, services, limiters }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'post',
    path: '/cypher',
    summary: 'Run a read-only Cypher query over plan data (5 s limit, capped rows)',
    description:
      'Runs in a READ transaction, and only if the plan Neo4j reports for it (EXPLAIN) reaches plan data alone: nodes by plan labels (Plan, PlanData, Task, Agency, …), relationships by plan relationship types, and the procedures db.labels, db.relationshipTypes and db.propertyKeys. Anything else (whole-store scans, untyped expansions, id lookups, other procedures, SHOW and administration commands, LOAD CSV, writes) is refused with 403 QUERY_REFUSED before it runs, the reasons in `details.refusals`. The console runs in a replica that holds plan data only, when the server has one (GET /api/health says where). See docs/security.md.',
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
    responses: {
      ...jsonResponse('Columns, rows and the graph in them', cypherResponseSchema),
      403: errorResponse(
        'QUERY_REFUSED: the query would write, or reach beyond plan data; `details.refusals` says what.',
      ),
      503: errorResponse(
        "DB_UNAVAILABLE: the console's database (a replica holding plan data only) is starting or restarting after a query that would not stop; `Retry-After` says when to try again.",
      ),
      504: errorResponse(
        'QUERY_TIMEOUT: the query ran past its time limit; answered at the limit + 1 s at the latest, and the transaction is terminated.',
      ),
    },
    handler: async ({ body }, _req, res) => {
      res.set('Cache-Control', 'no-store').json(await services.cypher(body.query, body.params));
    },
  });
}
