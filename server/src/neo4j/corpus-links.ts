// Keeps the corpus-level nodes (domain/corpus.ts) in step with the plans: inside a plan's write transaction,
// each Agency or Pilot node with a `corpusId` gets its CorpusAgency / CorpusPilot node (merged, so a second
// plan naming the same body finds the first one's), and corpus nodes no plan names any more are removed.
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { CORPUS_ID, CorpusLabel } from '../domain/corpus.ts';
import { NodeLabel, PLAN_DATA_LABEL } from '../domain/model.ts';

const PAIRS = [
  { plan: NodeLabel.Agency, corpus: CorpusLabel.agency },
  { plan: NodeLabel.Pilot, corpus: CorpusLabel.pilot },
] as const;

/**
 * Merges the corpus nodes the plan's agencies and pilots name, and deletes the corpus nodes left without any
 * plan node (a re-import that no longer names a body). The corpus node takes the name and English name of
 * the first plan node that created it; `lexiconId` (agencies) and `kind` (pilots) as well.
 */
export async function linkCorpusIdentities(tx: ManagedTransaction, planId: string): Promise<void> {
  for (const { plan, corpus } of PAIRS) {
    await tx.run(
      `MATCH (n:${plan}:${PLAN_DATA_LABEL} {plan: $plan}) WHERE n.${CORPUS_ID} IS NOT NULL
       WITH n.${CORPUS_ID} AS id, collect(n)[0] AS first
       MERGE (c:${corpus} {id: id})
       ON CREATE SET c.name = first.name, c.nameEn = first.nameEn, c.lexiconId = first.lexiconId,
         c.kind = first.kind`,
      { plan: planId },
    );
    await tx.run(
      `MATCH (c:${corpus}) WHERE NOT EXISTS { MATCH (n:${plan} {${CORPUS_ID}: c.id}) } DELETE c`,
      {},
    );
  }
}

/** Constraints and indexes for the corpus level; idempotent, run before an import's data transaction. */
export async function ensureCorpusSchema(driver: Driver, database: string): Promise<void> {
  const statements = [
    ...PAIRS.map(
      ({ corpus }) =>
        `CREATE CONSTRAINT ${corpus.toLowerCase()}_id_unique IF NOT EXISTS FOR (c:${corpus}) REQUIRE c.id IS UNIQUE`,
    ),
    ...PAIRS.map(
      ({ plan }) =>
        `CREATE INDEX ${plan.toLowerCase()}_corpus_id IF NOT EXISTS FOR (n:${plan}) ON (n.${CORPUS_ID})`,
    ),
  ];
  for (const statement of statements) await driver.executeQuery(statement, {}, { database });
}
