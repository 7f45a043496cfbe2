// A real Neo4j for a test project: NEO4J_TEST_URI when given (its database is wiped by the tests, which is why
// tests never use NEO4J_URI), otherwise an embedded instance on a port and data folder of the project's own.
import path from 'node:path';
import { type EmbeddedHandle, startEmbeddedNeo4j } from '../../server/src/neo4j/embedded.ts';

export interface TestNeo4j {
  uri: string;
  username: string;
  password: string;
  database: string;
  embedded: EmbeddedHandle | null;
}

export async function startTestNeo4j(name: string, port: number): Promise<TestNeo4j> {
  const external = process.env.NEO4J_TEST_URI;
  const credentials = {
    username: process.env.NEO4J_TEST_USERNAME ?? 'neo4j',
    password: process.env.NEO4J_TEST_PASSWORD ?? '',
    database: process.env.NEO4J_TEST_DATABASE ?? 'neo4j',
  };
  if (external) return { uri: external, ...credentials, embedded: null };
  const embedded = await startEmbeddedNeo4j({
    port,
    dataDir: path.resolve(`.data/${name}`),
    timeoutMs: 240_000,
    heap: '1g',
    log: (line) => process.stderr.write(`[${name}] ${line}\n`),
  });
  return { uri: embedded.uri, ...credentials, embedded };
}
