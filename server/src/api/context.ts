// What every route module gets: a router to mount on, the OpenAPI registry to describe itself in, the services.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { RequestHandler, Router } from 'express';
import type { GraphServices } from '../graph/services.ts';
import type { ReadCache } from './read-cache.ts';

export interface RouteContext {
  router: Router;
  registry: OpenAPIRegistry;
  services: GraphServices;
  limiters: { search: RequestHandler; cypher: RequestHandler };
  /** Null when reads are not cached (tests that count repository calls). */
  cache: ReadCache | null;
}

/** What a route module needs to describe and mount its routes: the ledger wing takes no graph services. */
export type RouteMount = Pick<RouteContext, 'router' | 'registry'>;
