// The API as the bench drives it, in a process of its own so that the load generator does not share its
// event loop: the real app and routers over the bench's Neo4j, serving the built client too. The search
// rate limit is lifted because all 16 connections come from one address; request logging is at `warn`.
// The read cache is on, as in `npm start`, unless BENCH_READ_CACHE=off.
// Env: BENCH_NEO4J_URI, BENCH_PORT, BENCH_CLIENT_DIR (optional). Prints `BENCH_API_READY <url>`.
import type { Server } from 'node:http';
import { pino } from 'pino';
import { createApp } from '../../server/src/app.ts';
import { createDriver } from '../../server/src/neo4j/driver.ts';
import { dbmsInfoReader } from '../../server/src/neo4j/health-queries.ts';

const uri = process.env.BENCH_NEO4J_URI ?? '';
const port = Number(process.env.BENCH_PORT ?? 0);
const database = 'neo4j';
const driver = createDriver(uri, 'neo4j', '');
const { createApiRouters } = await import('../../server/src/api/routers.ts');
const { neo4jGraphRepository } = await import('../../server/src/neo4j/graph-repository.ts');
const { dataVersionReader } = await import('../../server/src/neo4j/data-version.ts');
const app = createApp({
  logger: pino({ level: process.env.BENCH_LOG_LEVEL ?? 'warn' }),
  clientDir: process.env.BENCH_CLIENT_DIR || null,
  dbmsInfo: dbmsInfoReader(driver, database),
  apiRouters: createApiRouters(neo4jGraphRepository(driver, database), {
    rateLimits: { searchPerMinute: 1_000_000_000, cypherPerMinute: 30 },
    // BENCH_READ_CACHE=off measures every request reaching Neo4j, as on a first visit.
    ...(process.env.BENCH_READ_CACHE === 'off' ? {} : { dataVersion: dataVersionReader(driver, database) }),
  }),
});
const server: Server = app.listen(port, '127.0.0.1', () => {
  process.stdout.write(`BENCH_API_READY http://127.0.0.1:${port}\n`);
});
const stop = () => {
  server.close();
  server.closeAllConnections();
  void driver.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
