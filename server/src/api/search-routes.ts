// GET /api/search: ranked search over names, English names, pinyin and texts.
import { z } from 'zod';
import type { RouteContext } from './context.ts';
import { defineRoute } from './route.ts';
import { intParam, jsonResponse, labelsParam, planIdSchema, searchSchema } from './schemas.ts';

export const MAX_QUERY_LENGTH = 200;

export function searchRoutes({ router, registry, services, cache, limiters }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/search',
    summary: 'Ranked search: Chinese substrings, English names (any case), pinyin in full or initials',
    description:
      'Exact names and aliases rank first. The text is matched literally: quotes and query syntax are just characters.',
    cache,
    tags: ['search'],
    before: [limiters.search],
    request: {
      query: z.object({
        q: z.string().trim().min(1).max(MAX_QUERY_LENGTH).meta({ example: '综合保税区' }),
        plan: planIdSchema.optional(),
        labels: labelsParam.optional(),
        limit: intParam(1, 100, 20, 'Most hits'),
      }),
    },
    responses: jsonResponse('Hits, best first', searchSchema),
    handler: async ({ query }, _req, res) => {
      res.json(
        await services.search({
          plan: query.plan,
          q: query.q,
          labels: query.labels ?? null,
          limit: query.limit,
        }),
      );
    },
  });
}
