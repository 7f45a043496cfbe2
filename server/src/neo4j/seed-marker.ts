// Remembers which stored plan `npm start` put there from the seed file, so that start-up re-imports the seed
// when the seed file changed, but never over a user's own `npm run import` of the same plan id (that import
// rewrites the Plan node's properties, and with them this mark).
import type { Driver } from 'neo4j-driver';

/** A Plan property: the seed import sets it; any other import clears it by rewriting the node. */
export const SEED_MARK = 'importedBy';
const SEED = 'seed';

export interface StoredPlanOrigin {
  sha256: string;
  annotationSha256: string | null;
  /** The plan's file name as stored (Plan.source). */
  source: string;
  /** True when the stored version was written by the seed import of `npm start`. */
  fromSeed: boolean;
}

/** The stored plan's digest and origin, or null when no plan has this id. */
export async function storedPlanOrigin(
  driver: Driver,
  database: string,
  planId: string,
): Promise<StoredPlanOrigin | null> {
  const { records } = await driver.executeQuery(
    `MATCH (p:Plan {id: $id})
     RETURN p.sha256 AS sha256, p.annotationSha256 AS annotationSha256, p.source AS source, p.${SEED_MARK} AS mark`,
    { id: planId },
    { database },
  );
  const record = records[0];
  if (!record) return null;
  return {
    sha256: String(record.get('sha256') ?? ''),
    annotationSha256: record.get('annotationSha256') ?? null,
    source: String(record.get('source') ?? ''),
    fromSeed: record.get('mark') === SEED,
  };
}

/** Marks the stored plan as the seed's own import. */
export async function markSeedImport(driver: Driver, database: string, planId: string): Promise<void> {
  await driver.executeQuery(
    `MATCH (p:Plan {id: $id}) SET p.${SEED_MARK} = $seed`,
    { id: planId, seed: SEED },
    { database },
  );
}
