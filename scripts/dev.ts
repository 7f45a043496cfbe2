// `npm run dev`: the API (with Neo4j and the seed, as `npm start`) plus Vite's dev server with hot reload,
// which proxies /api to it.
import path from 'node:path';
import { createServer } from 'vite';
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
  const api = await runServer({
    config,
    logger,
    clientDir: null,
    say,
    beforeListen: (connection) => importSeedIfNeeded(connection, path.resolve(ROOT, config.SEED_PLAN), say),
    apiRouters: (connection) => buildApiRouters(connection, config, logger),
  });
  const vite = await createServer({ configFile: path.join(ROOT, 'vite.config.ts') });
  await vite.listen();
  process.stdout.write(
    `API at ${api.url}api/ — explorer with hot reload at ${vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/'}\n`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      Promise.all([vite.close(), api.shutdown()]).then(
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
