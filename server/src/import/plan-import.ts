// An import end to end: the document is read and built once by the ingest pipeline, and the finished graph is
// handed to the writer (server/src/neo4j/plan-writer.ts), which never calls back into the pipeline (DESIGN:
// "a plan flows down this list once"). Used by the import CLI, `npm start`'s seed, the bench and the tests.
import type { ImportSummary } from '../ingest/build-plan-graph.ts';
import { type BuiltPlan, buildPlanFromFiles, type PlanSource } from '../ingest/plan-files.ts';
import { ensureCorpusSchema } from '../neo4j/corpus-links.ts';
import { withStoredCuration } from '../neo4j/curated-write.ts';
import { curationWriter } from '../neo4j/curation-store.ts';
import { ensurePlanSchema } from '../neo4j/plan-schema.ts';
import { batchCount, type PlanDriver, storedPlanDigest, writePlanGraph } from '../neo4j/plan-writer.ts';

export interface ImportTimings {
  buildMs: number;
  schemaMs: number;
  /** From the first statement to the end of the commit. */
  writeMs: number;
  /** The commit alone (part of writeMs): where the store and the indexes' updates are written. */
  commitMs: number;
  totalMs: number;
}

export interface ImportOutcome {
  planId: string;
  summary: ImportSummary;
  timings: ImportTimings;
  /** False when importPlanIfChanged found the same plan and annotation already stored. */
  written: boolean;
}

export type ImportProgress = (
  stage: 'build' | 'schema' | 'write' | 'commit' | 'done',
  done: number,
  total: number,
) => void;

/** Creates the constraints and indexes plans and the corpus level rely on (idempotent). */
export async function ensureImportSchema(driver: PlanDriver, database: string): Promise<void> {
  await ensurePlanSchema(driver, database);
  await ensureCorpusSchema(driver, database);
}

/** True when the database holds this built plan with the same text and annotation digests. */
export async function isStoredUnchanged(driver: PlanDriver, database: string, built: BuiltPlan) {
  const stored = await storedPlanDigest(driver, database, built.summary.planId);
  return sameDigest(stored, built);
}

/** Whether a stored digest (or null) is the built plan's: Plan.sha256 and Plan.annotationSha256 both equal. */
export function sameDigest(
  stored: { sha256: string; annotationSha256: string | null } | null | undefined,
  built: BuiltPlan,
): boolean {
  const plan = built.graph.plan;
  return (
    !!stored &&
    stored.sha256 === plan.sha256 &&
    (stored.annotationSha256 ?? null) === (plan.annotationSha256 ?? null)
  );
}

/**
 * Writes a plan that is already built (its stored curation re-applied, see curated-write.ts), in one transaction
 * with its document and decisions (schema first); the timings let a bench report each stage. Throws the
 * driver's error when the write fails; the stored graph is then unchanged.
 */
export async function writeBuiltPlan(
  driver: PlanDriver,
  database: string,
  built: BuiltPlan,
  progress: ImportProgress = () => {},
): Promise<ImportOutcome> {
  const started = performance.now();
  progress('schema', 0, 1);
  await ensureImportSchema(driver, database);
  built = await withStoredCuration(driver, database, built);
  const writeStart = performance.now();
  const total = batchCount(built.graph);
  let done = 0;
  let commitStart = 0;
  progress('write', done, total);
  await writePlanGraph(
    driver,
    database,
    built.graph,
    () => {
      done += 1;
      progress('write', Math.min(done, total), total);
    },
    () => {
      commitStart = performance.now();
      progress('commit', total, total);
    },
    curationWriter(built),
  );
  const end = performance.now();
  progress('done', total, total);
  return {
    planId: built.summary.planId,
    summary: built.summary,
    written: true,
    timings: {
      buildMs: built.buildMs,
      schemaMs: writeStart - started,
      writeMs: end - writeStart,
      commitMs: end - (commitStart || end),
      totalMs: built.buildMs + (end - started),
    },
  };
}

/** Builds the plan from its files (once) and writes it. Throws ImportInputError for a refused document. */
export async function importPlan(
  driver: PlanDriver,
  database: string,
  source: PlanSource,
  progress: ImportProgress = () => {},
): Promise<ImportOutcome> {
  progress('build', 0, 1);
  const built = await buildPlanFromFiles(source);
  return writeBuiltPlan(driver, database, built, progress);
}

/** Imports the plan when it is missing or its text or annotation changed since (by their sha256 digests). */
export async function importPlanIfChanged(
  driver: PlanDriver,
  database: string,
  source: PlanSource,
  progress?: ImportProgress,
): Promise<ImportOutcome> {
  const built = await buildPlanFromFiles(source);
  if (await isStoredUnchanged(driver, database, built)) {
    const timings = { buildMs: built.buildMs, schemaMs: 0, writeMs: 0, commitMs: 0, totalMs: built.buildMs };
    return { planId: built.summary.planId, summary: built.summary, written: false, timings };
  }
  return writeBuiltPlan(driver, database, built, progress);
}
