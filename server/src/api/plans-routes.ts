// GET /api/plans and GET /api/plans/:id/text: what is imported, and the normalised text for the reader.
import { z } from 'zod';
import type { RouteContext } from './context.ts';
import { defineRoute } from './route.ts';
import { jsonResponse, planIdSchema, planSummarySchema, planTextSchema } from './schemas.ts';

const offset = z.coerce.number().int().min(0).max(10_000_000);

export function planRoutes({ router, registry, services, cache }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/plans',
    summary: 'The imported plans with node counts per label',
    cache,
    tags: ['plans'],
    request: {},
    responses: jsonResponse('Plans', z.object({ plans: z.array(planSummarySchema) }).meta({ id: 'Plans' })),
    handler: async (_input, _req, res) => {
      res.json(await services.plans());
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/plans/:id/text',
    summary: "A plan's normalised text, or the slice [from, to) of it (offsets in UTF-16 code units)",
    cache,
    tags: ['plans'],
    request: {
      params: z.object({ id: planIdSchema }),
      query: z
        .object({ from: offset.optional(), to: offset.optional() })
        .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
          message: 'from must not be after to',
          path: ['from'],
        }),
    },
    responses: jsonResponse('The text or its slice', planTextSchema),
    handler: async ({ params, query }, _req, res) => {
      res.json(await services.planText(params.id, query.from, query.to));
    },
  });
}
