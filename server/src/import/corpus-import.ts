// Imports many built plans at once (a folder, or the demo corpus at `npm start -- --corpus`): plans whose text
// and annotation digests match what is stored are skipped; the others are written in transactions of several
// plans, and when such a transaction fails each of its plans is retried alone, so one bad plan costs only itself.
import type { BuiltPlan } from '../ingest/plan-files.ts';
import { withStoredCuration } from '../neo4j/curated-write.ts';
import { curationWriter } from '../neo4j/curation-store.ts';
import { type PlanDriver, storedPlanDigests, writePlanGraph, writePlanGraphs } from '../neo4j/plan-writer.ts';
import { ensureImportSchema, sameDigest } from './plan-import.ts';

/** Plans per transaction unless told otherwise: large enough to save commits, small enough to retry cheaply. */
export const DEFAULT_BATCH_SIZE = 8;

export interface CorpusDocument {
  /** The document's path, for messages. */
  file: string;
  built: BuiltPlan;
}

export type CorpusStatus = 'imported' | 'unchanged' | 'failed';

export interface CorpusOutcome {
  file: string;
  planId: string;
  status: CorpusStatus;
  /** Write time in milliseconds: the plan's share of its transaction (0 when unchanged). */
  writeMs: number;
  /** Why the write failed (status 'failed'): the database's message for this plan written alone. */
  error: string | null;
}

export interface CorpusImportOptions {
  /** Plans per transaction (≥ 1); DEFAULT_BATCH_SIZE when absent. */
  batchSize?: number;
  /** Rewrite plans even when their digests match the stored ones. */
  force?: boolean;
  /** Called once per document as soon as its outcome is known, with the count of documents done so far. */
  onOutcome?: (outcome: CorpusOutcome, done: number) => void;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Writes the documents' plans, skipping unchanged ones, and returns one outcome per document in input order.
 * Never throws for a plan's own write error (that plan is 'failed'); throws when the database cannot be read at
 * all (the digests' read or the schema). Two documents with the same plan id: the later one wins, as with two
 * imports one after the other.
 */
export async function importCorpus(
  driver: PlanDriver,
  database: string,
  documents: CorpusDocument[],
  options: CorpusImportOptions = {},
): Promise<CorpusOutcome[]> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE));
  const outcomes = new Map<CorpusDocument, CorpusOutcome>();
  const report = (document: CorpusDocument, outcome: Omit<CorpusOutcome, 'file' | 'planId'>) => {
    const full = { file: document.file, planId: document.built.summary.planId, ...outcome };
    outcomes.set(document, full);
    options.onOutcome?.(full, outcomes.size);
  };
  await ensureImportSchema(driver, database);
  const stored = await storedPlanDigests(
    driver,
    database,
    documents.map((d) => d.built.summary.planId),
  );
  const changed: CorpusDocument[] = [];
  for (const document of documents) {
    if (!options.force && sameDigest(stored.get(document.built.summary.planId), document.built)) {
      report(document, { status: 'unchanged', writeMs: 0, error: null });
    } else changed.push(document);
  }
  for (let i = 0; i < changed.length; i += batchSize) {
    const batch = changed.slice(i, i + batchSize);
    const started = performance.now();
    try {
      const curated = await Promise.all(batch.map((d) => withStoredCuration(driver, database, d.built)));
      await writePlanGraphs(
        driver,
        database,
        curated.map((built) => built.graph),
        undefined,
        undefined,
        curated.map((built) => curationWriter(built)),
      );
      const share = (performance.now() - started) / batch.length;
      for (const document of batch) report(document, { status: 'imported', writeMs: share, error: null });
    } catch {
      await retryOneByOne(driver, database, batch, report);
    }
  }
  return documents.map((document) => outcomes.get(document) as CorpusOutcome);
}

/** After a failed transaction of several plans: each plan in its own transaction. */
async function retryOneByOne(
  driver: PlanDriver,
  database: string,
  batch: CorpusDocument[],
  report: (document: CorpusDocument, outcome: Omit<CorpusOutcome, 'file' | 'planId'>) => void,
): Promise<void> {
  for (const document of batch) {
    const started = performance.now();
    try {
      const built = await withStoredCuration(driver, database, document.built);
      await writePlanGraph(driver, database, built.graph, undefined, undefined, curationWriter(built));
      report(document, { status: 'imported', writeMs: performance.now() - started, error: null });
    } catch (error) {
      report(document, { status: 'failed', writeMs: performance.now() - started, error: errorText(error) });
    }
  }
}
