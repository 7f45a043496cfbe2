// Imports the seed plan when the database does not hold it, or holds an older version of it, so that
// `npm start` shows the current graph at once and a second start costs one digest query.
import type { Neo4jConnection } from '../server/src/neo4j/driver.ts';
import { importPlanIfChanged } from '../server/src/neo4j/plan-writer.ts';

export async function importSeedIfNeeded(
  connection: Neo4jConnection,
  seedPath: string,
  say: (line: string) => void,
) {
  const outcome = await importPlanIfChanged(connection.driver, connection.database, {
    markdownPath: seedPath,
  });
  if (outcome.written) {
    const nodes = Object.values(outcome.summary.counts.labels).reduce((a, b) => a + b, 0);
    say(
      `Imported the seed plan ${outcome.planId} (${nodes} nodes) in ${Math.round(outcome.timings.totalMs)} ms.`,
    );
  } else {
    say(`The seed plan ${outcome.planId} is already imported and unchanged.`);
  }
}
