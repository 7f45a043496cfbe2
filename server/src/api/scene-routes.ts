// /api/scenes: the presenters' saved views. Reads are open; writes pass the editor guard (free on a loopback
// server, the EDITOR_TOKEN bearer token elsewhere). Scenes live apart from plan data and survive re-imports.
import type { RequestHandler } from 'express';
import type { SceneWriteAccess } from '../domain/types.ts';
import type { SceneService } from '../graph/scene-service.ts';
import type { RouteContext } from './context.ts';
import { isLoopbackHost, requireEditor } from './require-editor.ts';
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
  /** The address the server listens on, and the editor token if one is configured. */
  host: string;
  token: string | undefined;
}

export function writeAccess(host: string, token: string | undefined): SceneWriteAccess {
  if (isLoopbackHost(host)) return 'open';
  return token ? 'token' : 'disabled';
}

const unauthorized = {
  401: {
    description: 'Writing needs the editor token on this server (Authorization: Bearer <EDITOR_TOKEN>).',
  },
};

export function sceneRoutes(options: SceneRouteOptions) {
  const { service } = options;
  const access = writeAccess(options.host, options.token);
  const editor: RequestHandler[] = [requireEditor({ host: options.host, token: options.token })];
  const tags = ['scenes'];

  return ({ router, registry }: RouteContext): void => {
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
      method: 'post',
      path: '/scenes/import',
      summary: 'Imports a scenes file, after the existing scenes or instead of them',
      tags,
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
      tags,
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
      tags,
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

    defineRoute(router, registry, {
      method: 'put',
      path: '/scenes/:id',
      summary: "Changes a scene's name, caption or state",
      tags,
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
      tags,
      before: editor,
      request: { params: sceneParams },
      responses: { 204: { description: 'Deleted' }, ...unauthorized },
      handler: async ({ params }, _req, res) => {
        await service.remove(params.id);
        res.status(204).end();
      },
    });
  };
}
