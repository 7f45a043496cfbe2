// Integration-test access to the real test database. Each file calls resetDatabase() in beforeAll, and files
// run one at a time, so every file starts from an empty graph.
import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { afterAll, inject } from 'vitest';
import { createDriver } from '../../server/src/neo4j/driver.ts';

let driver: Driver | null = null;

export function testDatabase(): string {
  return inject('neo4jDatabase');
}

export function testDriver(): Driver {
  if (!driver) {
    driver = createDriver(inject('neo4jUri'), inject('neo4jUser'), inject('neo4jPassword'));
    afterAll(async () => {
      await driver?.close();
      driver = null;
    });
  }
  return driver;
}

export async function resetDatabase(): Promise<void> {
  const session = testDriver().session({ database: testDatabase() });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/** Node and relationship counts plus a checksum over every node's and relationship's labels/type and properties. */
export async function graphFingerprint(): Promise<{ nodes: number; rels: number; checksum: string }> {
  const database = testDatabase();
  const nodes = await testDriver().executeQuery(
    'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props',
    {},
    { database },
  );
  const rels = await testDriver().executeQuery(
    'MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props',
    {},
    { database },
  );
  const lines = [
    ...nodes.records.map((r) => JSON.stringify([r.get('labels'), sortKeys(r.get('props'))])),
    ...rels.records.map((r) =>
      JSON.stringify([r.get('a'), r.get('type'), r.get('b'), sortKeys(r.get('props'))]),
    ),
  ].sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line);
  return { nodes: nodes.records.length, rels: rels.records.length, checksum: hash.digest('hex') };
}

function sortKeys(value: Record<string, unknown>): Array<[string, unknown]> {
  return Object.keys(value)
    .sort()
    .map((key) => [key, value[key]]);
}
