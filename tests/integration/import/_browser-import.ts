// Shared set-up for the browser import's API tests: the seed plan stored, one account per role, an app with the
// import route and the accounts' routes, and a corpus document written as each of the four formats.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { createPlanImportService } from '../../../server/src/graph/plan-import-service.ts';
import { importPlan } from '../../../server/src/import/plan-import.ts';
import { neo4jPlanImportStore } from '../../../server/src/neo4j/plan-import-store.ts';
import { markdownToDocx, markdownToHtml, markdownToText } from '../../unit/read/_from-markdown.ts';
import { appWithAccounts, createRoleAccounts, login, PASSWORD, type Session } from '../_accounts.ts';
import { resetDatabase, testDatabase, testDriver } from '../_db.ts';

export const SEED = path.resolve(import.meta.dirname, '../../../seeds/harbin-2016-economic-reform.md');
const ROOT = path.resolve(import.meta.dirname, '../../..');
/** The shared corpus beside the checkout (/work/main) or beside the worktrees' folder (/work/wt/<area>). */
export const CORPUS =
  ['../shared', '../../shared']
    .map((up) => path.resolve(ROOT, up, 'corpus/state-council'))
    .find((folder) => existsSync(folder)) ?? path.resolve(ROOT, '../shared/corpus/state-council');
export const IMPORT_URL = '/api/plans/import';

/** Empty database, the seed plan (CLI import with its annotation), and admin, editor and viewer accounts. */
export async function freshDatabase(): Promise<void> {
  await resetDatabase();
  await importPlan(testDriver(), testDatabase(), { markdownPath: SEED });
  await createRoleAccounts();
}

export function importApp(): Express {
  return appWithAccounts(({ driver, database }, sessions) => ({
    imports: { service: createPlanImportService(neo4jPlanImportStore(driver, database)), sessions },
  }));
}

/** POSTs a file's bytes as a browser would; `query` adds dryRun / replace. */
export function upload(
  session: Session,
  name: string,
  bytes: Uint8Array,
  query: Record<string, string> = {},
) {
  const search = new URLSearchParams({ name, ...query });
  return session.agent
    .post(`${IMPORT_URL}?${search}`)
    .set('X-CSRF-Token', session.csrf)
    .set('Content-Type', 'application/octet-stream')
    .send(Buffer.from(bytes));
}

/** The corpus document written as .md (a copy), .txt, .html and .docx in a folder of its own (no annotation). */
export async function documentInFourFormats(
  id: string,
): Promise<Record<'md' | 'txt' | 'html' | 'docx', string>> {
  const folder = mkdtempSync(path.join(tmpdir(), 'browser-import-'));
  const markdown = readFileSync(path.join(CORPUS, `${id}.md`), 'utf8');
  const file = (extension: string) => path.join(folder, `${id}-${extension}.${extension}`);
  copyFileSync(path.join(CORPUS, `${id}.md`), file('md'));
  writeFileSync(file('txt'), markdownToText(markdown));
  writeFileSync(file('html'), markdownToHtml(markdown));
  writeFileSync(file('docx'), await markdownToDocx(markdown));
  return { md: file('md'), txt: file('txt'), html: file('html'), docx: file('docx') };
}

/** Nodes per label and relationships per type of a CLI dry run's JSON (`--dry-run --format json`). */
export function cliCounts(stdout: string) {
  const graph = JSON.parse(stdout) as {
    nodes: Array<{ labels: string[] }>;
    relationships: Array<{ type: string }>;
  };
  const labels: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  for (const node of graph.nodes) labels[node.labels[0] ?? ''] = (labels[node.labels[0] ?? ''] ?? 0) + 1;
  for (const rel of graph.relationships) relationships[rel.type] = (relationships[rel.type] ?? 0) + 1;
  return { labels, relationships };
}

/** Everything stored but the audit trail, as a count and a checksum of labels/types and properties. */
export async function fingerprintWithoutAudit(): Promise<string> {
  const database = testDatabase();
  const nodes = await testDriver().executeQuery(
    'MATCH (n) WHERE NOT n:AuditEvent RETURN labels(n) AS l, properties(n) AS p',
    {},
    { database },
  );
  const rels = await testDriver().executeQuery(
    'MATCH (a)-[r]->(b) WHERE NOT a:AuditEvent AND NOT b:AuditEvent RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p',
    {},
    { database },
  );
  const lines = [
    ...nodes.records.map((r) => JSON.stringify([r.get('l'), Object.entries(r.get('p')).sort()])),
    ...rels.records.map((r) =>
      JSON.stringify([r.get('a'), r.get('t'), r.get('b'), Object.entries(r.get('p')).sort()]),
    ),
  ].sort();
  const digest = createHash('sha256').update(lines.join('\n')).digest('hex');
  return `${nodes.records.length} nodes, ${rels.records.length} relationships, ${digest}`;
}

export { login, PASSWORD, type Session };
