// `npm run bench [-- --full] [--plans 10,100] [--api-seconds 8] [--skip-api] [--skip-browser] [--report-only]`
// Quick by default (10 and 100 synthetic plans, under 10 minutes on 2 cores); --full adds the 1,500-plan,
// million-node corpus. Uses a throwaway embedded Neo4j of its own, never the user's database, and writes
// bench/results/latest.json and docs/performance.md after every phase, so a partial run still reports.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { apiBench, startApiServer } from './bench/api-bench.ts';
import { startBenchNeo4j } from './bench/bench-neo4j.ts';
import { appBench, browserBench, webglRenderer } from './bench/browser-bench.ts';
import { buildClient, bundleSize, graphPayload } from './bench/bundle.ts';
import { generateCorpus } from './bench/corpus.ts';
import { importSize, seedImport, warmLoadCsv } from './bench/import-bench.ts';
import { type BenchResults, writeReport } from './bench/report.ts';

const { values } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    plans: { type: 'string' },
    'api-seconds': { type: 'string' },
    'skip-api': { type: 'boolean', default: false },
    'skip-browser': { type: 'boolean', default: false },
    seed: { type: 'string', default: 'seeds/harbin-2016-economic-reform.md' },
    'report-only': { type: 'boolean', default: false },
  },
});

const log = (line: string) => process.stderr.write(`${line}\n`);
const reason = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
const root = process.cwd();
const sizes = (values.plans ?? (values.full ? '10,100,1500' : '10,100'))
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const apiSeconds = Number(values['api-seconds'] ?? (values.full ? 20 : 8));
const seedMarkdown = values.seed;
const seedAnnotation = seedMarkdown.replace(/\.md$/, '.yaml');
const browserSizes = [1000, 10_000, 50_000];
const peerSizes = [1000, 10_000];
const started = performance.now();

const results: BenchResults = {
  generatedAt: new Date().toISOString(),
  mode: values.full ? 'full' : 'quick',
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    neo4j: 'not started',
    loadAvg: os.loadavg(),
  },
  corpus: { seed: seedMarkdown, plans: Math.max(...sizes), generator: 'scripts/bench/corpus.ts, seed 1' },
  import: { seedMs: null, seedColdMs: null, sizes: [] },
  api: [],
  browser: [],
  app: null,
  bundleGzipKb: null,
  bundleAllJsGzipKb: null,
  graphBytesPerElementBrotli: null,
  durationMs: 0,
};
const save = () => {
  results.durationMs = performance.now() - started;
  writeReport(results, root);
};

async function main(): Promise<void> {
  const clientDir = path.join(root, 'bench/.build/client');
  log('Building the client…');
  try {
    buildClient(clientDir);
    const size = bundleSize(clientDir);
    results.bundleGzipKb = size.firstLoadGzipKb;
    results.bundleAllJsGzipKb = size.allJsGzipKb;
  } catch (error) {
    results.bundleReason = reason(error);
  }

  log(`Generating ${Math.max(...sizes)} synthetic plans…`);
  const corpus = await generateCorpus({
    seedMarkdown,
    seedAnnotation,
    plans: Math.max(...sizes),
    outDir: path.join(root, 'bench/corpus'),
  });

  // The full corpus's store is a few GB: a page cache that holds most of it, as a production server would have.
  const neo = await startBenchNeo4j(values.full ? '3g' : '1g', log, values.full ? 3072 : 512);
  results.machine.neo4j = neo.version;
  try {
    log('Seed import…');
    try {
      const seed = await seedImport(neo, { markdownPath: seedMarkdown, annotationsPath: seedAnnotation });
      results.import.seedMs = seed.warmMs;
      results.import.seedColdMs = seed.coldMs;
      await warmLoadCsv(neo, { markdownPath: seedMarkdown, annotationsPath: seedAnnotation });
    } catch (error) {
      results.import.reason = `seed import failed: ${reason(error)}`;
    }
    save();

    let pendingBrowser = [...browserSizes];
    for (const plans of sizes) {
      log(`Import of ${plans} plans…`);
      const size = await importSize(neo, corpus.slice(0, plans), log);
      results.import.sizes.push(size);
      save();
      // Each browser size runs at the first corpus size that holds that many elements (or the last one), so
      // the small sizes report early and the 50k one waits for a big enough graph.
      const last = plans === Math.max(...sizes);
      const browserNow = values['skip-browser']
        ? []
        : pendingBrowser.filter((n) => n <= size.nodes + size.rels || last);
      const browserHere = browserNow.length > 0;
      if (values['skip-api'] && !browserHere) continue;
      let server: Awaited<ReturnType<typeof startApiServer>> | null = null;
      try {
        server = await startApiServer(neo, results.bundleGzipKb === null ? null : clientDir);
      } catch (error) {
        results.apiReason = `the API server did not start: ${reason(error)}`;
        save();
        continue;
      }
      try {
        if (!values['skip-api']) {
          log(`API under load at ${size.storedNodes} nodes…`);
          try {
            results.api.push(...(await apiBench(neo, server, size.storedNodes, apiSeconds, log)));
            // The same routes with every request reaching Neo4j: what a first visit to each node costs.
            const cold = await startApiServer(neo, null, 'off');
            try {
              const seconds = Math.max(4, Math.round(apiSeconds / 2));
              results.api.push(...(await apiBench(neo, cold, size.storedNodes, seconds, log)));
            } finally {
              await cold.stop();
            }
          } catch (error) {
            results.apiReason = reason(error);
          }
          save();
        }
        if (browserHere) {
          const planIds = corpus.slice(0, plans).map((p) => p.id);
          const firstVisit = results.browser.length === 0;
          try {
            if (firstVisit) {
              const payload = await graphPayload(server.url, planIds.slice(0, 5));
              results.graphBytesPerElementBrotli = payload.bytesPerElement;
              if (payload.encoding !== 'br')
                results.graphPayloadReason = `the API answered with “${payload.encoding || 'identity'}”, not brotli`;
            }
          } catch (error) {
            results.graphPayloadReason = reason(error);
          }
          log('Browser…');
          try {
            results.webgl ??= await webglRenderer();
            const rows = await browserBench({
              apiUrl: server.url,
              boltUrl: neo.uri,
              planIds,
              sizes: browserNow,
              peerSizes,
              log,
            });
            results.browser.push(...rows);
            pendingBrowser = pendingBrowser.filter((n) => !browserNow.includes(n));
          } catch (error) {
            results.browserReason = reason(error);
          }
          save();
          if (results.bundleGzipKb !== null && results.app === null) {
            try {
              results.app = await appBench(server.url, log);
            } catch (error) {
              results.app = {
                elements: null,
                renderer: null,
                firstGraphMs: null,
                fps: null,
                longestTaskMs: null,
                note: `the explorer showed no graph: ${reason(error)}`,
              };
            }
          }
          save();
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    await neo.stop();
  }
  save();
  log(
    `Done in ${((performance.now() - started) / 60000).toFixed(1)} min: bench/results/latest.json, docs/performance.md`,
  );
}

if (values['report-only']) {
  // Re-renders docs/performance.md from the last results, e.g. after editing bench/analysis.md.
  writeReport(
    JSON.parse(readFileSync(path.join(root, 'bench/results/latest.json'), 'utf8')) as BenchResults,
    root,
  );
  process.exit(0);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    save();
    process.exit(1);
  },
);
