// A plan's stored curation, re-applied whenever the plan is written again (DESIGN.md: overlay = annotation file
// and stored curation). Kept apart from plan-writer.ts, which writes finished graphs and never runs the pipeline:
// re-applying decisions rebuilds the plan through ingest/curation-yaml.ts.
import type { ManagedTransaction } from 'neo4j-driver';
import type { BuildResult } from '../ingest/build-plan-graph.ts';
import { rebuildWithCuration } from '../ingest/curation-yaml.ts';
import { curationWriter, storedDecisions } from './curation-store.ts';
import { ensurePlanSchema } from './plan-schema.ts';
import { type PlanDriver, writePlanGraph } from './plan-writer.ts';

/**
 * The plan as built, with the curation stored for it re-applied: decisions whose target is gone come back
 * orphaned in `summary.curation`. Returns `built` itself when nothing is stored. Throws ImportInputError as the
 * build does.
 */
export async function withStoredCuration<T extends BuildResult>(
  driver: PlanDriver,
  database: string,
  built: T,
): Promise<T> {
  const stored = await storedDecisions(driver, database, built.summary.planId);
  if (stored.length === 0) return built;
  const rebuilt = rebuildWithCuration(
    built,
    stored.map((s) => s.decision),
  );
  if (rebuilt === built) return built;
  // The reader's warnings (file lines) stay those of the first build.
  return { ...built, ...rebuilt, summary: { ...rebuilt.summary, warnings: built.summary.warnings } };
}

/**
 * For the browser import: re-applies the plan's stored curation, then writes the plan (schema first) with its
 * document and decisions in one transaction; `also` (the import's audit event) runs in that transaction too.
 * Returns what was written.
 */
export async function importBuiltPlan<T extends BuildResult>(
  driver: PlanDriver,
  database: string,
  built: T,
  also: (tx: ManagedTransaction, written: T) => Promise<void> = async () => {},
): Promise<T> {
  const curated = await withStoredCuration(driver, database, built);
  await ensurePlanSchema(driver, database);
  const curation = curationWriter(curated);
  await writePlanGraph(driver, database, curated.graph, undefined, undefined, async (tx) => {
    await curation(tx);
    await also(tx, curated);
  });
  return curated;
}
