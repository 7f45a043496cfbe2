// Starts the integration tests' Neo4j once per run and hands its address to the test files.
import type { TestProject } from 'vitest/node';
import { startTestNeo4j } from '../support/_test-neo4j.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    neo4jDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const neo4j = await startTestNeo4j('integration');
  project.provide('neo4jUri', neo4j.uri);
  project.provide('neo4jUser', neo4j.username);
  project.provide('neo4jPassword', neo4j.password);
  project.provide('neo4jDatabase', neo4j.database);
  return async () => {
    await neo4j.stop();
  };
}
