// GET /api/nodes/:id, GET /api/nodes/:id/neighbors and GET /api/paths.
import { z } from 'zod';
import { MAX_PATH_LENGTH, MAX_PATHS } from '../graph/repository.ts';
import type { RouteContext } from './context.ts';
import { defineRoute } from './route.ts';
import {
  intParam,
  jsonResponse,
  labelsParam,
  neighborhoodSchema,
  nodeDetailsSchema,
  nodeIdSchema,
  pathsSchema,
  typesParam,
} from './schemas.ts';

const idParams = z.object({ id: nodeIdSchema });

export function nodeRoutes({ router, registry, services, cache }: RouteContext): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/nodes/:id',
    summary: 'One node: labels, properties, degree per relationship type, provenance and neighbours',
    cache,
    tags: ['nodes'],
    request: { params: idParams },
    responses: jsonResponse('The node', nodeDetailsSchema),
    handler: async ({ params }, _req, res) => {
      res.json(await services.node(params.id));
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/nodes/:id/neighbors',
    summary: 'The sub-graph around a node, breadth-first up to a depth and a node limit',
    cache,
    tags: ['nodes'],
    request: {
      params: idParams,
      query: z.object({
        depth: intParam(1, 3, 1, 'Hops from the node'),
        labels: labelsParam.optional(),
        types: typesParam.optional(),
        limit: intParam(1, 1000, 200, 'Most nodes returned, the node included'),
      }),
    },
    responses: jsonResponse('The neighbourhood', neighborhoodSchema),
    handler: async ({ params, query }, _req, res) => {
      res.json(
        await services.neighbors(params.id, {
          depth: query.depth,
          labels: query.labels ?? null,
          types: query.types ?? null,
          limit: query.limit,
        }),
      );
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/paths',
    summary: 'Up to k shortest paths between two nodes, in either direction, no longer than maxLength',
    cache,
    tags: ['nodes'],
    request: {
      query: z.object({
        from: nodeIdSchema,
        to: nodeIdSchema,
        maxLength: intParam(1, MAX_PATH_LENGTH, 4, 'Most relationships per path'),
        k: intParam(1, MAX_PATHS, 3, 'Most paths'),
        types: typesParam.optional(),
      }),
    },
    responses: jsonResponse('The paths and the nodes and edges on them', pathsSchema),
    handler: async ({ query }, _req, res) => {
      res.json(
        await services.paths(query.from, query.to, {
          maxLength: query.maxLength,
          k: query.k,
          types: query.types ?? null,
        }),
      );
    },
  });
}
