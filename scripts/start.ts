// `npm start [-- --corpus <folder>]`: Neo4j (embedded unless NEO4J_URI), the seed plan imported once (and, when
// asked by --corpus or DEMO_CORPUS, every document of a folder as the demo corpus), the client built, and API +
// client served on HOST:PORT. Problems a user can fix are printed as one sentence, exit code 1.
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { buildApiRouters } from '../server/src/api/routers.ts';
import { loadConfig } from '../server/src/config/env.ts';
import { runServer } from '../server/src/index.ts';
import { createLogger } from '../server/src/logger.ts';
import { userFacingMessage } from './cli-errors.ts';
import { importDemoCorpus, importSeedIfNeeded } from './seed.ts';

/** The demo corpus folder, from `--corpus <folder>` or DEMO_CORPUS; null for the seed alone (the default). */
function demoCorpusFolder(): string | null {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { corpus: { type: 'string' } },
  });
  const folder = values.corpus ?? process.env.DEMO_CORPUS ?? null;
  if (folder === null || folder === '') return null;
  const resolved = path.resolve(folder);
  let isFolder = false;
  try {
    isFolder = statSync(resolved).isDirectory();
  } catch {}
  if (!isFolder)
    throw new Error(`Demo corpus: ${resolved} is not a folder of documents (--corpus / DEMO_CORPUS)`);
  return resolved;
}

const ROOT = path.resolve(import.meta.dirname, '..');
const say = (line: string) => process.stderr.write(`${line}\n`);

async function main() {
  const config = loadConfig();
  const corpus = demoCorpusFolder();
  const logger = createLogger(config.LOG_LEVEL);
  const clientDir = path.join(ROOT, 'dist/client');
  const running = await runServer({
    config,
    logger,
    clientDir,
    say,
    beforeListen: async (connection) => {
      await importSeedIfNeeded(connection, path.resolve(ROOT, config.SEED_PLAN), say);
      if (corpus) await importDemoCorpus(connection, corpus, say);
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
