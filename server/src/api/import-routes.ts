// POST /api/plans/import: a document from the browser, previewed (?dryRun=true, editors and admins) or written
// atomically (admins; replacing a stored plan needs replace=true). The body is the file's raw bytes, at most
// 5 MB; anonymous callers get 401, viewers 403, unreadable files 422, and nothing is stored unless it all worked.
import express, { type RequestHandler } from 'express';
import { AppError } from '../domain/errors.ts';
import {
  IMPORT_SIZE_LIMIT,
  type PlanImportService,
  safeFileName,
  tooLarge,
} from '../graph/plan-import-service.ts';
import {
  actorOf,
  currentSession,
  loadSession,
  requireWrite,
  type SessionSources,
} from './auth-middleware.ts';
import type { RouteContext } from './context.ts';
import { errorResponse } from './error-schemas.ts';
import {
  documentBodySchema,
  importCommitSchema,
  importPreviewSchema,
  importQuerySchema,
} from './import-schemas.ts';
import { defineRoute } from './route.ts';

export interface ImportRouteOptions {
  service: PlanImportService;
  /** Loads the caller's session (accounts and roles of docs/security.md). */
  /** Where sessions come from (accounts' cookies, the editor token). */
  sessions: SessionSources;
}

/** Refuses by Content-Length before reading, and reads the body as bytes (any content type) up to the limit. */
function readDocumentBody(): RequestHandler[] {
  const raw = express.raw({ type: () => true, limit: IMPORT_SIZE_LIMIT });
  const declared: RequestHandler = (req, _res, next) => {
    const length = Number(req.get('content-length') ?? 0);
    next(length > IMPORT_SIZE_LIMIT ? tooLarge(length) : undefined);
  };
  const read: RequestHandler = (req, res, next) =>
    raw(req, res, (error?: unknown) => {
      const status = (error as { status?: unknown } | undefined)?.status;
      next(status === 413 ? tooLarge(null) : error);
    });
  return [declared, read];
}

/** Mounts the import route with its OpenAPI description. */
export function importRoutes(options: ImportRouteOptions) {
  return ({ router, registry }: RouteContext): void => {
    defineRoute(router, registry, {
      method: 'post',
      path: '/plans/import',
      summary: 'Import a plan document (.md, .txt, .html, .docx): preview with dryRun=true, else commit',
      description:
        'The request body is the document itself (at most 5 MB; its format is decided by content). With dryRun=true nothing is written and the answer is the preview: counts per label, the outline, warnings, the ten least confident extractions and, when a plan of this id exists, the node-by-node diff. Without it the plan is written in one transaction; an existing plan is replaced only with replace=true (else 409). Preview: editors and admins; commit: admins. Needs a session and its X-CSRF-Token.',
      tags: ['plans'],
      bodyContentType: 'application/octet-stream',
      request: { query: importQuerySchema, body: documentBodySchema },
      responses: {
        200: {
          description: 'The preview (dryRun=true): nothing was written',
          content: { 'application/json': { schema: importPreviewSchema } },
        },
        201: {
          description: 'The plan was written',
          content: { 'application/json': { schema: importCommitSchema } },
        },
        401: errorResponse('No session: log in first.'),
        403: errorResponse('The role does not allow it (viewers cannot import; only admins commit).'),
        409: errorResponse('A plan of this id exists and replace=true was not sent.'),
        413: errorResponse('The document is larger than 5 MB.'),
        422: errorResponse(
          'The file holds no readable document (empty, binary, not a Word file…): `details.reason` says which.',
        ),
      },
      before: [...loadSession(options.sessions), requireWrite('editor'), ...readDocumentBody()],
      handler: async ({ query, body }, req, res) => {
        const upload = { bytes: body, fileName: safeFileName(query.name), planId: query.planId };
        if (query.dryRun === 'true') {
          res.json(await options.service.preview(upload));
          return;
        }
        if (currentSession(res)?.role !== 'admin')
          throw new AppError('FORBIDDEN', 'Only admins import and replace plans; editors may preview.');
        const actor = actorOf(req, res);
        const replace = query.replace === 'true';
        res
          .status(201)
          .json(await options.service.commit(upload, { replace, actor: actor.username, ip: actor.ip }));
      },
    });
  };
}
