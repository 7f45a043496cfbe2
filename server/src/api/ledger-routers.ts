// Wires the ledger, auth and admin routers for buildApiRouters: one session loader in front of them and the
// ledger's schema ensured before the first request is served.
import { type RequestHandler, Router } from 'express';
import type { Driver } from 'neo4j-driver';
import { AuthService } from '../ledger/auth-service.ts';
import { type Clock, LedgerService } from '../ledger/ledger-service.ts';
import { ensureLedgerSchema } from '../neo4j/ledger-schema.ts';
import type { LedgerDb } from '../neo4j/ledger-tx.ts';
import { adminRoutes } from './auth-admin-routes.ts';
import { loadSession } from './auth-middleware.ts';
import { authRoutes } from './auth-routes.ts';
import { ledgerRoutes } from './ledger-routes.ts';

export interface LedgerRouterDeps {
  driver: Driver;
  database: string;
  clock?: Clock;
}

const OWN_PATHS = ['/ledger', '/auth', '/admin', '/checks'];

/** Creates constraints once; a failure (database down) is retried on the next request. */
function schemaReady(db: LedgerDb): RequestHandler {
  let ready: Promise<void> | null = null;
  return async (_req, _res, next) => {
    ready ??= ensureLedgerSchema(db.driver, db.database).then(
      () => undefined,
      (error: unknown) => {
        ready = null;
        throw error;
      },
    );
    await ready;
    next();
  };
}

export function ledgerApiRouters(deps: LedgerRouterDeps): Router[] {
  const db: LedgerDb = { driver: deps.driver, database: deps.database };
  const clock = deps.clock ?? (() => new Date());
  const ledger = new LedgerService(db, clock);
  const auth = new AuthService(db, clock);
  const router = Router();
  // Only this router's own paths pay for the session lookup.
  router.use(OWN_PATHS, schemaReady(db), ...loadSession(auth));
  router.use(authRoutes(auth));
  router.use(adminRoutes(db, auth));
  router.use(ledgerRoutes(db, ledger, clock));
  return [router];
}
