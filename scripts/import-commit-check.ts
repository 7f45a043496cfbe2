// When the connection to Neo4j dies while an import is committing, the commit may have been applied: the
// server received it, the answer never came back. Rather than report a plain database error, the import CLI
// reads the plan's digest back and says what the database actually holds.
import type { Driver } from 'neo4j-driver';
import { storedPlanDigest } from '../server/src/neo4j/plan-writer.ts';

export interface PlanDigest {
  planId: string;
  sha256: string;
  annotationSha256: string | null;
}

export type CommitOutcome = 'committed' | 'not-committed' | 'unknown';

/**
 * Reads the stored Plan node's sha256 and annotationSha256 back, retrying every `intervalMs` for up to
 * `withinMs` while Neo4j is unreachable. 'committed' when they equal the import's digest, 'not-committed'
 * when the database answers with another digest or no plan, 'unknown' when it never answers.
 */
export async function committedDigest(
  driver: Driver,
  database: string,
  expected: PlanDigest,
  withinMs = 20_000,
  intervalMs = 1_000,
): Promise<CommitOutcome> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      const stored = await storedPlanDigest(driver, database, expected.planId);
      return stored?.sha256 === expected.sha256 &&
        (stored.annotationSha256 ?? null) === expected.annotationSha256
        ? 'committed'
        : 'not-committed';
    } catch {
      if (Date.now() + intervalMs > deadline) return 'unknown';
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

/** The query a user runs (Neo4j Browser, cypher-shell) to see which version of the plan is stored. */
export function digestQuery(planId: string): string {
  return `MATCH (p:Plan {id: ${JSON.stringify(planId)}}) RETURN p.sha256`;
}
