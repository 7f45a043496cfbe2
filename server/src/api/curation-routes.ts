// /api/plans/:plan/review and /api/plans/:plan/curation…: the review page's data (open to every reader), and the
// curation decisions, their undo and the YAML round trip (editors: a session with its CSRF token, else 401/403).
import express, { type RequestHandler } from 'express';
import { z } from 'zod';
import { decisionInputSchema, reviewSchema, storedDecisionSchema } from '../domain/curation.ts';
import type { CurationService } from '../graph/curation-service.ts';
import { actorOf, loadSession, requireWrite, type SessionSources } from './auth-middleware.ts';
import type { RouteContext } from './context.ts';
import { defineRoute } from './route.ts';
import { jsonResponse, planIdSchema } from './schemas.ts';

export interface CurationRouteOptions {
  service: CurationService;
  /** Where sessions come from (accounts' cookies, the editor token). */
  sessions: SessionSources;
}

const planParams = z.object({ plan: planIdSchema });
const decisionParams = z.object({
  plan: planIdSchema,
  id: z
    .string()
    .regex(/^c-[0-9a-z-]+$/)
    .max(60),
});
const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'];
const denied = {
  401: { description: 'Not logged in.' },
  403: { description: 'Not an editor, or the X-CSRF-Token header is missing.' },
};

/** Mounts the curation routes; `options.sessions` loads the session that decides who may write. */
export function curationRoutes(options: CurationRouteOptions) {
  const { service } = options;
  const editor: RequestHandler[] = [...loadSession(options.sessions), requireWrite('editor')];
  const tags = ['curation'];
  return ({ router, registry }: RouteContext): void => {
    defineRoute(router, registry, {
      method: 'get',
      path: '/plans/:plan/review',
      summary:
        "A plan's extracted agencies, pilots, roles and links with quotes and confidence, and its decisions",
      description:
        'Lowest confidence first; rejected facts stay listed (status rejected); orphaned decisions too.',
      tags,
      request: { params: planParams },
      responses: jsonResponse('The review', reviewSchema.meta({ id: 'Review' })),
      handler: async ({ params }, _req, res) => {
        res.json(await service.review(params.plan));
      },
    });

    defineRoute(router, registry, {
      method: 'post',
      path: '/plans/:plan/curation',
      summary: 'Records a curation decision and applies it to the graph now (editors)',
      description:
        'accept, reject, rename, merge, setNameEn, setRole or add; 400 when it cannot apply (nothing is stored).',
      tags,
      before: editor,
      request: { params: planParams, body: decisionInputSchema },
      responses: { ...jsonResponse('The decision as stored', storedDecisionSchema), ...denied },
      handler: async ({ params, body }, req, res) => {
        res.json(await service.decide(params.plan, body, actorOf(req, res)));
      },
    });

    defineRoute(router, registry, {
      method: 'delete',
      path: '/plans/:plan/curation/:id',
      summary: 'Takes a decision back and rebuilds the plan without it (editors)',
      tags,
      before: editor,
      request: { params: decisionParams },
      responses: { ...jsonResponse('Done', z.object({ ok: z.literal(true) })), ...denied },
      handler: async ({ params }, req, res) => {
        await service.undo(params.plan, params.id, actorOf(req, res));
        res.json({ ok: true });
      },
    });

    defineRoute(router, registry, {
      method: 'get',
      path: '/plans/:plan/curation.yaml',
      summary: "The plan's annotation with its curation, as the YAML `npm run import -- --annotations` reads",
      tags,
      request: { params: planParams },
      responses: {
        200: { description: 'The annotation YAML', content: { 'application/yaml': { schema: z.string() } } },
      },
      handler: async ({ params }, _req, res) => {
        const { file, yaml } = await service.exportYaml(params.plan);
        res.attachment(file).type('application/yaml').send(yaml);
      },
    });

    defineRoute(router, registry, {
      method: 'post',
      path: '/plans/:plan/curation.yaml',
      summary:
        "Makes an annotation YAML (as exported) the plan's annotation and curation, and rebuilds (editors)",
      description:
        'Its curation list replaces the stored decisions; 400 (file:line) when it does not fit the plan.',
      tags,
      before: [express.text({ type: YAML_TYPES, limit: '5mb' }), ...editor],
      bodyContentType: 'application/yaml',
      request: { params: planParams, body: z.string().min(1) },
      responses: {
        ...jsonResponse('Imported', z.object({ decisions: z.number().int(), orphaned: z.number().int() })),
        ...denied,
      },
      handler: async ({ params, body }, req, res) => {
        res.json(await service.importYaml(params.plan, body, actorOf(req, res)));
      },
    });
  };
}
