// The corpus routes (issue 18): GET /api/corpus/agencies[/:id], GET /api/corpus/pilots[/:id/trace] and
// GET /api/compare?a=…&b=…: a national body or a pilot across every imported plan, and two plans side by side.
import { z } from 'zod';
import type { CorpusService } from '../graph/corpus-service.ts';
import type { RouteContext } from './context.ts';
import {
  agencyProfileSchema,
  comparisonSchema,
  corpusEntitiesSchema,
  corpusIdSchema,
  zoneTraceSchema,
} from './corpus-schemas.ts';
import { defineRoute } from './route.ts';
import { jsonResponse, planIdSchema } from './schemas.ts';

const limitParam = z.coerce.number().int().min(1).max(1000).default(200);

/** Mounts the corpus routes over a corpus service (routers.ts wires it to Neo4j). */
export function corpusRoutes(service: CorpusService) {
  const tags = ['corpus'];
  return ({ router, registry, cache }: RouteContext): void => {
    for (const kind of ['agency', 'pilot'] as const) {
      defineRoute(router, registry, {
        method: 'get',
        path: kind === 'agency' ? '/corpus/agencies' : '/corpus/pilots',
        summary:
          kind === 'agency'
            ? 'National bodies named across the imported plans, most plans first'
            : 'Named pilots across the imported plans, most plans first',
        cache,
        tags,
        request: { query: z.object({ limit: limitParam }) },
        responses: jsonResponse('The corpus nodes', corpusEntitiesSchema),
        handler: async ({ query }, _req, res) => {
          res.json({ entities: await service.entities(kind, query.limit) });
        },
      });
    }

    defineRoute(router, registry, {
      method: 'get',
      path: '/corpus/agencies/:id',
      summary: 'A national body across plans: what it leads and joins in each document, by date, with quotes',
      cache,
      tags,
      request: { params: z.object({ id: corpusIdSchema }) },
      responses: jsonResponse('The profile', agencyProfileSchema),
      handler: async ({ params }, _req, res) => {
        res.json(await service.agencyProfile(params.id));
      },
    });

    defineRoute(router, registry, {
      method: 'get',
      path: '/corpus/pilots/:id/trace',
      summary: 'A pilot zone across plans: every document and sentence naming it, in date order',
      cache,
      tags,
      request: { params: z.object({ id: corpusIdSchema }) },
      responses: jsonResponse('The trace', zoneTraceSchema),
      handler: async ({ params }, _req, res) => {
        res.json(await service.zoneTrace(params.id));
      },
    });

    defineRoute(router, registry, {
      method: 'get',
      path: '/compare',
      summary:
        'Two plans side by side: shared and unique agencies and pilots, most similar tasks with quotes',
      description:
        'Agencies and pilots are matched by their corpus id (national bodies of the lexicon, pilots by full name), others by identical name. Tasks are matched by the cosine of character-bigram TF-IDF vectors of title and text, each task in one pair at most.',
      cache,
      tags,
      request: {
        query: z.object({
          a: planIdSchema,
          b: planIdSchema,
          limit: z.coerce.number().int().min(1).max(100).default(10),
        }),
      },
      responses: jsonResponse('The comparison', comparisonSchema),
      handler: async ({ query }, _req, res) => {
        res.json(await service.compare(query.a, query.b, query.limit));
      },
    });
  };
}
