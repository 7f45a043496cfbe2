// `npx tsx scripts/bench/importer-rss.ts [plans]`: the importer alone in a fresh process, importing the bench
// corpus plan by plan into a throwaway Neo4j, with its resident memory sampled every 50 ms. The main bench
// samples its own process, which has just built every plan for the LOAD CSV files, so its RSS figure is an
// upper bound; this is what `npm run import` of a corpus would hold.
import path from 'node:path';
import { importPlan } from '../../server/src/import/plan-import.ts';
import { startBenchNeo4j } from './bench-neo4j.ts';
import { generateCorpus } from './corpus.ts';

const plans = Number(process.argv[2] ?? 1500);
const corpus = await generateCorpus({
  seedMarkdown: 'seeds/harbin-2016-economic-reform.md',
  seedAnnotation: 'seeds/harbin-2016-economic-reform.yaml',
  plans,
  outDir: path.resolve('bench/corpus'),
});
const neo = await startBenchNeo4j(plans > 200 ? '3g' : '1g', () => {}, plans > 200 ? 3072 : 512);
let peak = process.memoryUsage.rss();
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 50);
const started = performance.now();
try {
  for (const [i, plan] of corpus.entries()) {
    await importPlan(neo.driver, neo.database, plan);
    if ((i + 1) % 250 === 0 || i + 1 === corpus.length) {
      const rssMb = process.memoryUsage.rss() / 2 ** 20;
      process.stderr.write(
        `${i + 1} plans: RSS ${rssMb.toFixed(0)} MB, peak ${(peak / 2 ** 20).toFixed(0)} MB\n`,
      );
    }
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({ plans, peakRssMb: Math.round(peak / 2 ** 20), seconds: Math.round(seconds) })}\n`,
  );
} finally {
  clearInterval(sampler);
  await neo.stop();
}
