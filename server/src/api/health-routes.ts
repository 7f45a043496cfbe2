// GET /api/health: read from the real database, so "ok" means queries will work.
import { Router } from 'express';
import type { ConsoleStatus, HealthResponse } from '../domain/types.ts';

export interface HealthDeps {
  dbmsInfo: () => Promise<{ version: string; edition: string }>;
  /** Where the Cypher console runs (a plan-data replica or the main database), shown as `console`. */
  consoleStatus?: () => ConsoleStatus;
}

export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const neo4j = await deps.dbmsInfo();
    const consoleStatus = deps.consoleStatus?.();
    const body: HealthResponse = {
      status: 'ok',
      neo4j,
      ...(consoleStatus ? { console: { database: consoleStatus.database, state: consoleStatus.state } } : {}),
    };
    res.set('Cache-Control', 'no-store').json(body);
  });
  return router;
}
