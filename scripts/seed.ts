// Imports the seed plan at `npm start` when the database does not hold it, or holds an older version that
// the seed import itself wrote. A version of the same plan id imported by the user (`npm run import`) is
// left alone, and the log says so, with the command that would bring the seed back. On request, a demo corpus
// (a folder of documents) is imported beside it.
import { type CorpusDocument, importCorpus } from '../server/src/import/corpus-import.ts';
import { writeBuiltPlan } from '../server/src/import/plan-import.ts';
import { ImportInputError } from '../server/src/ingest/errors.ts';
import { buildPlanFromFiles } from '../server/src/ingest/plan-files.ts';
import type { Neo4jConnection } from '../server/src/neo4j/driver.ts';
import { markSeedImport, storedPlanOrigin } from '../server/src/neo4j/seed-marker.ts';
import { folderDocuments } from './import-corpus.ts';

export type SeedAction = 'imported' | 'updated' | 'unchanged' | 'kept-user-import';

export async function importSeedIfNeeded(
  connection: Neo4jConnection,
  seedPath: string,
  say: (line: string) => void,
): Promise<SeedAction> {
  const { driver, database } = connection;
  const built = await buildPlanFromFiles({ markdownPath: seedPath });
  const plan = built.graph.plan;
  const planId = plan.id;
  const stored = await storedPlanOrigin(driver, database, planId);
  const same =
    stored !== null &&
    stored.sha256 === plan.sha256 &&
    stored.annotationSha256 === (plan.annotationSha256 ?? null);
  if (same) {
    // Identical to the seed, whoever imported it: from now on it counts as the seed's own import.
    if (!stored.fromSeed) await markSeedImport(driver, database, planId);
    say(`The seed plan ${planId} is already imported and unchanged.`);
    return 'unchanged';
  }
  if (stored && !stored.fromSeed) {
    say(
      `Plan ${planId} in the database was imported with npm run import (from ${stored.source || 'another file'}), not from the seed ${seedPath}: it is left as it is. To replace it with the seed: npm run import -- ${seedPath}`,
    );
    return 'kept-user-import';
  }
  const outcome = await writeBuiltPlan(driver, database, built);
  await markSeedImport(driver, database, planId);
  const nodes = Object.values(outcome.summary.counts.labels).reduce((a, b) => a + b, 0);
  const ms = Math.round(outcome.timings.totalMs);
  say(
    stored
      ? `The seed file ${seedPath} changed since it was imported: re-imported the seed plan ${planId} (${nodes} nodes) in ${ms} ms.`
      : `Imported the seed plan ${planId} (${nodes} nodes) in ${ms} ms.`,
  );
  return stored ? 'updated' : 'imported';
}

/**
 * The demo corpus of `npm start -- --corpus <folder>` (or DEMO_CORPUS=<folder>): every document of the folder,
 * imported beside the seed. Unchanged plans (same sha256 as stored) are skipped, so a restart costs a read of
 * the files; a refused document is named and the others are imported. Returns how many were written.
 */
export async function importDemoCorpus(
  connection: Neo4jConnection,
  folder: string,
  say: (line: string) => void,
): Promise<number> {
  const documents: CorpusDocument[] = [];
  for (const file of folderDocuments(folder)) {
    try {
      documents.push({ file, built: await buildPlanFromFiles({ markdownPath: file }) });
    } catch (error) {
      if (!(error instanceof ImportInputError)) throw error;
      say(`The demo corpus document ${file} was refused: ${error.message}`);
    }
  }
  const outcomes = await importCorpus(connection.driver, connection.database, documents);
  const written = outcomes.filter((o) => o.status === 'imported').length;
  const unchanged = outcomes.filter((o) => o.status === 'unchanged').length;
  for (const failed of outcomes.filter((o) => o.status === 'failed')) {
    say(`The demo corpus document ${failed.file} could not be written: ${failed.error}`);
  }
  say(`Demo corpus ${folder}: ${written} imported, ${unchanged} unchanged.`);
  return written;
}
