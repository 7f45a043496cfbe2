// Shared set-up for the curation tests: a small plan imported without annotation (what a planner's own document
// gives), one account per role, an app with the curation, graph and account routes, and a snapshot of a plan's
// stored graph to compare two imports by.
import path from 'node:path';
import type { Express } from 'express';
import { createCurationService } from '../../../server/src/graph/curation-service.ts';
import { importPlan } from '../../../server/src/import/plan-import.ts';
import { neo4jCurationStore } from '../../../server/src/neo4j/curation-store.ts';
import { appWithAccounts, createRoleAccounts, login, PASSWORD, type Session } from '../_accounts.ts';
import { resetDatabase, testDatabase, testDriver } from '../_db.ts';

/** A two-domain plan of a fictional city: three bureaus, two zones, three roles, two links (read from the file). */
export const DOCUMENT = path.resolve(import.meta.dirname, '../../fixtures/plans/jiangbei-2021-innovation.md');
export const PLAN = 'jb';
export const id = (kind: string, key: string) => `${PLAN}:${kind}:${key}`;

/** Imports DOCUMENT (or `file`) as PLAN without annotation, as the CLI does. */
export async function importDocument(file = DOCUMENT, annotationsPath: string | null = null) {
  return importPlan(testDriver(), testDatabase(), { markdownPath: file, annotationsPath, planId: PLAN });
}

/** Empty database, the plan, and admin, editor and viewer accounts. */
export async function freshDatabase(): Promise<void> {
  await resetDatabase();
  await importDocument();
  await createRoleAccounts();
}

export function curationApp(): Express {
  return appWithAccounts(({ driver, database }, sessions) => ({
    curation: { service: createCurationService(neo4jCurationStore(driver, database)), sessions },
  }));
}

/** POSTs one decision as the logged-in user. */
export function decide(session: Session, body: Record<string, unknown>) {
  return session.agent.post(`/api/plans/${PLAN}/curation`).set('X-CSRF-Token', session.csrf).send(body);
}

/** Every node of the plan (its Plan node included) and every relationship between them, as sorted JSON lines. */
export async function planSnapshot(plan = PLAN): Promise<{ nodes: string[]; relationships: string[] }> {
  const database = testDatabase();
  const sorted = (o: Record<string, unknown>) =>
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]);
  const nodes = await testDriver().executeQuery(
    `MATCH (n) WHERE n.plan = $plan OR (n:Plan AND n.id = $plan)
     RETURN labels(n) AS labels, properties(n) AS props`,
    { plan },
    { database },
  );
  const rels = await testDriver().executeQuery(
    `MATCH (a)-[r]->(b) WHERE a.plan = $plan AND b.plan = $plan OR (a:Plan AND a.id = $plan)
     RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props`,
    { plan },
    { database },
  );
  return {
    nodes: nodes.records
      .map((r) => JSON.stringify([[...r.get('labels')].sort(), sorted(r.get('props'))]))
      .sort(),
    relationships: rels.records
      .map((r) => JSON.stringify([r.get('a'), r.get('type'), r.get('b'), sorted(r.get('props'))]))
      .sort(),
  };
}

/** One node's properties by id, or null. */
export async function nodeProps(nodeId: string): Promise<Record<string, unknown> | null> {
  const result = await testDriver().executeQuery(
    'MATCH (n {id: $id}) RETURN properties(n) AS p',
    { id: nodeId },
    {
      database: testDatabase(),
    },
  );
  return result.records[0]?.get('p') ?? null;
}

/** The types of the relationships from `start` to `end`. */
export async function relTypes(start: string, end: string): Promise<string[]> {
  const result = await testDriver().executeQuery(
    'MATCH ({id: $start})-[r]->({id: $end}) RETURN type(r) AS t, r.basis AS basis ORDER BY t',
    { start, end },
    { database: testDatabase() },
  );
  return result.records.map((r) => `${r.get('t')}:${r.get('basis')}`);
}

export { login, PASSWORD, type Session };
