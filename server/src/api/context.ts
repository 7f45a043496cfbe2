// What every route module gets: a router to mount on, the OpenAPI registry to describe itself in, the services.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { RequestHandler, Router } from 'express';
import type { GraphServices } from '../graph/services.ts';

export interface RouteContext {
  router: Router;
  registry: OpenAPIRegistry;
  services: GraphServices;
  limiters: { search: RequestHandler; cypher: RequestHandler };
}
