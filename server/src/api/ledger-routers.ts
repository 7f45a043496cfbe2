// The accounts wing of the API: the ledger, auth and admin routes over the ledger's stores, the session loader
// in front of every path that reads or writes with a session (scenes included), and the ledger's schema
// ensured before the first such request is served.
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { type RequestHandler, Router } from 'express';
import { AuthService } from '../ledger/auth-service.ts';
import { type Clock, LedgerService } from '../ledger/ledger-service.ts';
import type { LedgerStores } from '../ledger/stores.ts';
import { adminRoutes } from './auth-admin-routes.ts';
import { loadSession } from './auth-middleware.ts';
import { authRoutes } from './auth-routes.ts';
import type { RouteMount } from './context.ts';
import { ledgerRoutes } from './ledger-routes.ts';

export interface LedgerRouterDeps {
  stores: LedgerStores;
  clock?: Clock;
  /** EDITOR_TOKEN: scripts send it as a bearer token to act as the built-in editor (auth-middleware.ts). */
  editorToken?: string;
}

/** The paths whose requests may act in a session: the wing's own, and the scenes' writes. */
export const SESSION_PATHS = ['/ledger', '/auth', '/admin', '/checks', '/scenes'];

/** Creates constraints once; a failure (database down) is retried on the next request. */
function schemaReady(stores: LedgerStores): RequestHandler {
  let ready: Promise<unknown> | null = null;
  return async (_req, _res, next) => {
    ready ??= stores.ensureSchema().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    await ready;
    next();
  };
}

export interface LedgerWing {
  /** Mount on SESSION_PATHS before any route there: ensures the schema and loads the session. */
  sessions: RequestHandler[];
  /** Describes and mounts the ledger, auth and admin routes. */
  mount: (context: RouteMount) => void;
}

export function ledgerWing(deps: LedgerRouterDeps): LedgerWing {
  const clock = deps.clock ?? (() => new Date());
  const ledger = new LedgerService(deps.stores, clock);
  const auth = new AuthService(deps.stores, clock);
  return {
    sessions: [schemaReady(deps.stores), ...loadSession({ auth, editorToken: deps.editorToken })],
    mount: (context) => {
      authRoutes(auth)(context);
      adminRoutes(auth)(context);
      ledgerRoutes(ledger)(context);
    },
  };
}

/**
 * The wing alone on a router of its own (tests that need no graph routes). `registry` receives the routes'
 * OpenAPI description; the app's document comes from createApiRouters, which mounts the same wing.
 */
export function ledgerApiRouters(
  deps: LedgerRouterDeps,
  registry: OpenAPIRegistry = new OpenAPIRegistry(),
): Router[] {
  const wing = ledgerWing(deps);
  const router = Router();
  // Only these paths pay for the session lookup.
  router.use(SESSION_PATHS, ...wing.sessions);
  wing.mount({ router, registry });
  return [router];
}
