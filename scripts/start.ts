// `npm start`: Neo4j (embedded unless NEO4J_URI), the seed plan imported once, the client built, and API +
// client served on HOST:PORT. Problems a user can fix are printed as one sentence, exit code 1.
import path from 'node:path';
import { build } from 'vite';
import { buildApiRouters } from '../server/src/api/routers.ts';
import { loadConfig } from '../server/src/config/env.ts';
import { runServer } from '../server/src/index.ts';
import { createLogger } from '../server/src/logger.ts';
import { userFacingMessage } from './cli-errors.ts';
import { importSeedIfNeeded } from './seed.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const say = (line: string) => process.stderr.write(`${line}\n`);

async function main() {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const clientDir = path.join(ROOT, 'dist/client');
  const running = await runServer({
    config,
    logger,
    clientDir,
    say,
    beforeListen: async (connection) => {
      await importSeedIfNeeded(connection, path.resolve(ROOT, config.SEED_PLAN), say);
      say('Building the client…');
      await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
    },
    apiRouters: (connection) => buildApiRouters(connection, config, logger),
  });
  process.stdout.write(`Reform Graph Explorer is running at ${running.url}\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say('Shutting down…');
      running.shutdown().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

main().catch((error: unknown) => {
  say(userFacingMessage(error));
  process.exit(1);
});
