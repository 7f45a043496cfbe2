// /api/scenes: the presenters' saved views. Reads are open; writes need an editor's session like every other
// write (auth-middleware.ts: a login, or the editor token for scripts), except on a server that listens on
// loopback only, where the machine's own user edits its presentation without an account. Scenes live apart
// from plan data and survive re-imports.
import type { RequestHandler } from 'express';
import type { SceneWriteAccess } from '../domain/types.ts';
import type { SceneService } from '../graph/scene-service.ts';
import { requireWrite } from './auth-middleware.ts';
import {
  forbidden,
  unauthorized as unauthorizedResponse,
  WRITE_NOTE,
  WRITE_SECURITY,
} from './auth-schemas.ts';
import type { RouteContext, RouteMount } from './context.ts';
import { isLoopbackHost } from './host-guard.ts';
import { defineRoute } from './route.ts';
import {
  importQuery,
  reorderSchema,
  sceneChangesSchema,
  sceneInputSchema,
  sceneParams,
  sceneSchema,
  scenesFileSchema,
  scenesResponseSchema,
} from './scene-schemas.ts';
import { jsonResponse } from './schemas.ts';

export interface SceneRouteOptions {
  service: SceneService;
  /** The address the server listens on, and whether an editor token is configured (for `writeAccess`). */
  host: string;
  token: string | undefined;
}

export function writeAccess(host: string, token: string | undefined): SceneWriteAccess {
  if (isLoopbackHost(host)) return 'open';
  return token ? 'token' : 'disabled';
}

const unauthorized = { ...unauthorizedResponse, ...forbidden };
const SCENE_WRITE_NOTE = `${WRITE_NOTE} Needs none on a server that listens on loopback only.`;

/** Scene writes: open on a loopback-only server, an editor's session anywhere else. */
export function sceneWriteGuard(host: string): RequestHandler[] {
  return isLoopbackHost(host) ? [] : [requireWrite('editor')];
}

const tags = ['scenes'];

/** Reads: open to everyone; the list says whether this server accepts writes (`access`). */
function readRoutes({ router, registry }: RouteMount, service: SceneService, access: SceneWriteAccess): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/scenes',
    summary: 'The presentation scenes in order, and whether this server accepts writes',
    tags,
    request: {},
    responses: jsonResponse('Scenes', scenesResponseSchema),
    handler: async (_input, _req, res) => {
      res.json({ scenes: await service.list(), writeAccess: access });
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/scenes/export',
    summary: 'All scenes as a JSON file that imports into any server',
    tags,
    request: {},
    responses: jsonResponse('The scenes file', scenesFileSchema),
    handler: async (_input, _req, res) => {
      res.attachment('reform-graph-scenes.json').json(await service.exportFile());
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/scenes/:id',
    summary: 'One scene',
    tags,
    request: { params: sceneParams },
    responses: jsonResponse('The scene', sceneSchema),
    handler: async ({ params }, _req, res) => {
      res.json(await service.get(params.id));
    },
  });
}

/** Writes: behind `editor` (sceneWriteGuard). */
function writeRoutes(
  { router, registry }: RouteMount,
  service: SceneService,
  access: SceneWriteAccess,
  editor: RequestHandler[],
): void {
  defineRoute(router, registry, {
    method: 'post',
    path: '/scenes/import',
    summary: 'Imports a scenes file, after the existing scenes or instead of them',
    description: SCENE_WRITE_NOTE,
    tags,
    security: WRITE_SECURITY,
    before: editor,
    request: { query: importQuery, body: scenesFileSchema },
    responses: { ...jsonResponse('The scenes now stored', scenesResponseSchema), ...unauthorized },
    handler: async ({ query, body }, _req, res) => {
      await service.importFile(body, query.mode);
      res.json({ scenes: await service.list(), writeAccess: access });
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/scenes/order',
    summary: 'Puts the scenes in a new order (every scene id exactly once)',
    description: SCENE_WRITE_NOTE,
    tags,
    security: WRITE_SECURITY,
    before: editor,
    request: { body: reorderSchema },
    responses: { ...jsonResponse('The scenes in their new order', scenesResponseSchema), ...unauthorized },
    handler: async ({ body }, _req, res) => {
      res.json({ scenes: await service.reorder(body.ids), writeAccess: access });
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/scenes',
    summary: 'Adds a scene at the end of the presentation',
    description: SCENE_WRITE_NOTE,
    tags,
    security: WRITE_SECURITY,
    before: editor,
    request: { body: sceneInputSchema },
    responses: {
      201: { description: 'The stored scene', content: { 'application/json': { schema: sceneSchema } } },
      ...unauthorized,
    },
    handler: async ({ body }, _req, res) => {
      res.status(201).json(await service.create(body));
    },
  });

  defineRoute(router, registry, {
    method: 'put',
    path: '/scenes/:id',
    summary: "Changes a scene's name, caption or state",
    description: SCENE_WRITE_NOTE,
    tags,
    security: WRITE_SECURITY,
    before: editor,
    request: { params: sceneParams, body: sceneChangesSchema },
    responses: { ...jsonResponse('The changed scene', sceneSchema), ...unauthorized },
    handler: async ({ params, body }, _req, res) => {
      res.json(await service.update(params.id, body));
    },
  });

  defineRoute(router, registry, {
    method: 'delete',
    path: '/scenes/:id',
    summary: 'Deletes a scene',
    description: SCENE_WRITE_NOTE,
    tags,
    security: WRITE_SECURITY,
    before: editor,
    request: { params: sceneParams },
    responses: { 204: { description: 'Deleted' }, ...unauthorized },
    handler: async ({ params }, _req, res) => {
      await service.remove(params.id);
      res.status(204).end();
    },
  });
}

export function sceneRoutes(options: SceneRouteOptions) {
  const access = writeAccess(options.host, options.token);
  const editor = sceneWriteGuard(options.host);
  return (context: RouteContext): void => {
    readRoutes(context, options.service, access);
    writeRoutes(context, options.service, access, editor);
  };
}
