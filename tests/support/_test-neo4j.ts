// A real Neo4j for a test project: NEO4J_TEST_URI when given (its database is wiped by the tests, which is why
// tests never use NEO4J_URI), otherwise a fresh embedded instance on a free port with a data folder of its
// own, so that concurrent test runs on one machine never share (and wipe) each other's graph.
import { rmSync } from 'node:fs';
import path from 'node:path';
import {
  type EmbeddedHandle,
  freeLoopbackPort,
  startEmbeddedNeo4j,
} from '../../server/src/neo4j/embedded.ts';

export interface TestNeo4j {
  uri: string;
  username: string;
  password: string;
  database: string;
  embedded: EmbeddedHandle | null;
  stop(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 right now (the server's own helper). */
export const freePort = freeLoopbackPort;

export async function startTestNeo4j(name: string): Promise<TestNeo4j> {
  const external = process.env.NEO4J_TEST_URI;
  const credentials = {
    username: process.env.NEO4J_TEST_USERNAME ?? 'neo4j',
    password: process.env.NEO4J_TEST_PASSWORD ?? '',
    database: process.env.NEO4J_TEST_DATABASE ?? 'neo4j',
  };
  if (external) return { uri: external, ...credentials, embedded: null, stop: async () => {} };
  const port = await freePort();
  const dataDir = path.resolve(`.data/test-runs/${name}-${process.pid}-${port}`);
  const embedded = await startEmbeddedNeo4j({
    port,
    dataDir,
    timeoutMs: 240_000,
    heap: '1g',
    log: (line) => process.stderr.write(`[${name}] ${line}\n`),
  });
  return {
    uri: embedded.uri,
    ...credentials,
    embedded,
    async stop() {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
