// Assembles the API's routers from the connection; the health route is mounted by app.ts itself.
import type { Router } from 'express';
import type { Logger } from 'pino';
import type { EnvConfig } from '../config/env.ts';
import type { Neo4jConnection } from '../neo4j/driver.ts';

export function buildApiRouters(_connection: Neo4jConnection, _config: EnvConfig, _logger: Logger): Router[] {
  return [];
}
