// A token for "the stored data as of now": the bookmark of the database's last committed transaction, which
// Neo4j returns even after a read. Any write, by any client, changes it; the read cache compares tokens.
import neo4j, { type Driver } from 'neo4j-driver';
import { translateNeo4jError } from './errors.ts';

export function dataVersionReader(driver: Driver, database: string): () => Promise<string> {
  return async () => {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.executeRead((tx) => tx.run('RETURN 1'), { timeout: 5_000 });
      return session.lastBookmarks().join(',');
    } catch (error) {
      throw translateNeo4jError(error);
    } finally {
      await session.close();
    }
  };
}
