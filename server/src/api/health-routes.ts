// GET /api/health: read from the real database, so "ok" means queries will work.
import { Router } from 'express';
import type { HealthResponse } from '../domain/types.ts';

export interface HealthDeps {
  dbmsInfo: () => Promise<{ version: string; edition: string }>;
}

export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const neo4j = await deps.dbmsInfo();
    const body: HealthResponse = { status: 'ok', neo4j };
    res.set('Cache-Control', 'no-store').json(body);
  });
  return router;
}
