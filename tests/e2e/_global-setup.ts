// The e2e stack, once per run: the built client, its own embedded Neo4j with the seed plan imported through
// the real importer, and the real server on loopback. Test files get the base URL.
import path from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { importSeedIfNeeded } from '../../scripts/seed.ts';
import { buildApiRouters } from '../../server/src/api/routers.ts';
import { loadConfig } from '../../server/src/config/env.ts';
import { runServer } from '../../server/src/index.ts';
import { createLogger } from '../../server/src/logger.ts';
import { freePort, startTestNeo4j } from '../support/_test-neo4j.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The e2e Neo4j, for tests that start a server of their own against the same database. */
    e2eNeo4j: { uri: string; username: string; password: string; database: string };
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject) {
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  const neo4j = await startTestNeo4j('e2e');
  const config = loadConfig({
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    NEO4J_URI: neo4j.uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
    LOG_LEVEL: 'warn',
  });
  const logger = createLogger(config.LOG_LEVEL);
  const running = await runServer({
    config,
    logger,
    clientDir: path.join(ROOT, 'dist/client'),
    say: (line) => process.stderr.write(`[e2e] ${line}\n`),
    beforeListen: (connection) =>
      importSeedIfNeeded(connection, path.resolve(ROOT, config.SEED_PLAN), (line) =>
        process.stderr.write(`[e2e] ${line}\n`),
      ),
    apiRouters: (connection) => buildApiRouters(connection, config, logger),
  });
  project.provide('baseUrl', running.url);
  project.provide('e2eNeo4j', {
    uri: neo4j.uri,
    username: neo4j.username,
    password: neo4j.password,
    database: neo4j.database,
  });
  return async () => {
    await running.shutdown();
    await neo4j.stop();
  };
}
