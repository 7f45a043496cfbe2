// Reads the DBMS's own description of itself, for GET /api/health.
import type { Driver, EagerResult } from 'neo4j-driver';
import { translateNeo4jError } from './errors.ts';

export interface DbmsInfo {
  version: string;
  edition: string;
}

const DBMS_COMPONENTS = 'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition';

export function dbmsInfoReader(driver: Driver, database: string): () => Promise<DbmsInfo> {
  return async () => {
    try {
      const { records } = await driver.executeQuery<
        EagerResult<{ name: string; versions: string[]; edition: string }>
      >(DBMS_COMPONENTS, {}, { database, routing: 'READ' });
      const kernel =
        records.map((r) => r.toObject()).find((row) => row.name === 'Neo4j Kernel') ?? records[0]?.toObject();
      return { version: kernel?.versions[0] ?? 'unknown', edition: kernel?.edition ?? 'unknown' };
    } catch (error) {
      throw translateNeo4jError(error);
    }
  };
}
