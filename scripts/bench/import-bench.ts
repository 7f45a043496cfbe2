// Import throughput: the real importer (parse → build → one write transaction per plan) against LOAD CSV
// of the same rows into the same Neo4j in the same run, so that machine noise cancels in the ratio.
import path from 'node:path';
import { NodeLabel } from '../../server/src/domain/model.ts';
import { importPlan } from '../../server/src/import/plan-import.ts';
import { buildPlanFromFiles, type PlanSource } from '../../server/src/ingest/plan-files.ts';
import { ensurePlanSchema } from '../../server/src/neo4j/plan-schema.ts';
import { type BenchNeo4j, countGraph, wipe } from './bench-neo4j.ts';
import type { CorpusPlan } from './corpus.ts';
import { CsvSpool, runLoadCsv } from './load-csv.ts';

/** The writer's batch size (plan-writer.ts): node batches come first, so a batch count tells the phase. */
const WRITER_BATCH = 1000;

export interface ImportSizeResult {
  plans: number;
  nodes: number;
  rels: number;
  importerPerSec: number;
  loadCsvPerSec: number;
  ratio: number;
  nodeRatio: number;
  relRatio: number;
  /** All write phases of both (statements and commits), free of any attribution between nodes and rels. */
  writeRatio: number;
  nodeRssMb: number;
  importer: {
    totalMs: number;
    buildMs: number;
    schemaMs: number;
    /** Node statements (with the plan node, the outside-link read and the delete before them). */
    nodeWriteMs: number;
    /** Relationship statements, up to the commit. */
    relWriteMs: number;
    /** Commits: the store's records and the indexes' updates, the full-text index's above all. */
    commitMs: number;
    nodesPerSec: number;
    relsPerSec: number;
  };
  loadCsv: { nodesMs: number; relsMs: number; nodesPerSec: number; relsPerSec: number; csvWriteMs: number };
  storedNodes: number;
  storedRels: number;
}

/** Peak resident set size of this process while `work` runs, sampled every 50 ms. */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakMb: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/** Seed import end to end (read, parse, build, schema, write), first cold and then warm: the median of 3. */
export async function seedImport(
  neo: BenchNeo4j,
  seed: PlanSource,
): Promise<{ coldMs: number; warmMs: number }> {
  const cold = await importPlan(neo.driver, neo.database, seed);
  const warm: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const started = performance.now();
    await importPlan(neo.driver, neo.database, seed);
    warm.push(performance.now() - started);
  }
  warm.sort((a, b) => a - b);
  return { coldMs: cold.timings.totalMs, warmMs: warm[1] ?? warm[0] ?? Number.NaN };
}

function nodeBatches(counts: Record<string, number>): number {
  return Object.entries(counts)
    .filter(([label]) => label !== NodeLabel.Plan)
    .reduce((sum, [, n]) => sum + Math.ceil(n / WRITER_BATCH), 0);
}

export async function importSize(
  neo: BenchNeo4j,
  plans: CorpusPlan[],
  log: (line: string) => void,
): Promise<ImportSizeResult> {
  await wipe(neo);
  await ensurePlanSchema(neo.driver, neo.database);

  // LOAD CSV first, into the empty database; the CSV files are written before its clock starts.
  const csvStarted = performance.now();
  const spool = new CsvSpool(path.join(neo.importDir, 'spool'));
  const batchesOf = new Map<string, number>();
  for (const plan of plans) {
    const built = await buildPlanFromFiles(plan);
    spool.add(built.graph);
    batchesOf.set(plan.id, nodeBatches(built.summary.counts.labels));
  }
  const statements = await spool.finish(neo.importDir);
  const csvWriteMs = performance.now() - csvStarted;
  const nodes = spool.nodeCount;
  const rels = spool.relCount;
  log(`  ${plans.length} plans: ${nodes} nodes, ${rels} relationships; LOAD CSV…`);
  const csv = await runLoadCsv(neo, statements);
  const afterCsv = await countGraph(neo);
  if (afterCsv.nodes !== nodes || afterCsv.rels !== rels)
    log(
      `  warning: LOAD CSV stored ${afterCsv.nodes} nodes / ${afterCsv.rels} rels, expected ${nodes} / ${rels}`,
    );

  await wipe(neo);
  log('  importer…');
  const totals = { buildMs: 0, schemaMs: 0, nodeWriteMs: 0, relWriteMs: 0, commitMs: 0 };
  const { result: totalMs, peakMb } = await withPeakRss(async () => {
    const started = performance.now();
    for (const plan of plans) {
      const wantedNodeBatches = batchesOf.get(plan.id) ?? 0;
      let writeStart = 0;
      let nodesDone = 0;
      let commitStart = 0;
      const outcome = await importPlan(neo.driver, neo.database, plan, (stage, done) => {
        const now = performance.now();
        if (stage === 'write' && done === 0) writeStart = now;
        if (stage === 'write' && done === wantedNodeBatches && nodesDone === 0) nodesDone = now;
        if (stage === 'commit') commitStart = now;
      });
      commitStart ||= performance.now();
      totals.buildMs += outcome.timings.buildMs;
      totals.schemaMs += outcome.timings.schemaMs;
      totals.nodeWriteMs += (nodesDone || commitStart) - writeStart;
      totals.relWriteMs += commitStart - (nodesDone || commitStart);
      totals.commitMs += outcome.timings.commitMs;
    }
    return performance.now() - started;
  });
  const stored = await countGraph(neo);
  const loadCsvMs = csv.nodesMs + csv.relsMs;
  const importerPerSec = (nodes + rels) / (totalMs / 1000);
  const loadCsvPerSec = (nodes + rels) / (loadCsvMs / 1000);
  // One transaction per plan commits nodes and relationships together. The commit is counted with the nodes:
  // most of it is index updates, which only nodes have (without the full-text index it shrank 4-5x), and
  // LOAD CSV's node phase likewise includes its commits.
  const nodeMs = totals.nodeWriteMs + totals.commitMs;
  const importerNodesPerSec = nodes / (nodeMs / 1000);
  const importerRelsPerSec = rels / (totals.relWriteMs / 1000);
  const csvNodesPerSec = nodes / (csv.nodesMs / 1000);
  const csvRelsPerSec = rels / (csv.relsMs / 1000);
  return {
    plans: plans.length,
    nodes,
    rels,
    importerPerSec,
    loadCsvPerSec,
    ratio: importerPerSec / loadCsvPerSec,
    nodeRatio: importerNodesPerSec / csvNodesPerSec,
    relRatio: importerRelsPerSec / csvRelsPerSec,
    writeRatio: loadCsvMs / (nodeMs + totals.relWriteMs),
    nodeRssMb: peakMb,
    importer: {
      totalMs,
      ...totals,
      nodesPerSec: importerNodesPerSec,
      relsPerSec: importerRelsPerSec,
    },
    loadCsv: {
      nodesMs: csv.nodesMs,
      relsMs: csv.relsMs,
      nodesPerSec: csvNodesPerSec,
      relsPerSec: csvRelsPerSec,
      csvWriteMs,
    },
    storedNodes: stored.nodes,
    storedRels: stored.rels,
  };
}

/**
 * Runs LOAD CSV once on the seed's rows and deletes them, so that LOAD CSV meets a JVM as warm as the one the
 * importer meets after the seed imports: otherwise the ratio would credit the importer with JIT warm-up.
 */
export async function warmLoadCsv(neo: BenchNeo4j, seed: PlanSource): Promise<void> {
  await wipe(neo);
  const spool = new CsvSpool(path.join(neo.importDir, 'spool'));
  spool.add((await buildPlanFromFiles(seed)).graph);
  await runLoadCsv(neo, await spool.finish(neo.importDir));
  await wipe(neo);
}
