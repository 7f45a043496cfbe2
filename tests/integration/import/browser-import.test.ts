// The browser's import route (POST /api/plans/import) against the real database: a State Council document in each
// of the four formats previews with the counts the CLI's dry run gives for the same file, writes nothing while
// previewing, commits atomically and is then listed in /api/plans; re-importing shows the diff and needs replace.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportCommitResult, ImportPreview } from '../../../server/src/domain/import-types.ts';
import type { PlansResponse } from '../../../server/src/domain/types.ts';
import { graphFingerprint, testDatabase, testDriver } from '../_db.ts';
import {
  cliCounts,
  documentInFourFormats,
  fingerprintWithoutAudit,
  freshDatabase,
  importApp,
  login,
  type Session,
  upload,
} from './_browser-import.ts';
import { runImportCli } from './_cli.ts';

const DOCUMENT = 'guofa-2019-005';

let app: Express;
let admin: Session;
let editor: Session;
let files: Awaited<ReturnType<typeof documentInFourFormats>>;

beforeAll(async () => {
  await freshDatabase();
  app = importApp();
  admin = await login(app, 'admin');
  editor = await login(app, 'editor');
  files = await documentInFourFormats(DOCUMENT);
}, 120_000);

const FORMATS = [
  ['md', 'markdown'],
  ['txt', 'text'],
  ['html', 'html'],
  ['docx', 'docx'],
] as const;

describe.each(FORMATS)('a corpus document uploaded as .%s', (extension, format) => {
  it('previews with the CLI dry run’s counts and writes nothing; the commit lists the plan', async () => {
    const file = files[extension];
    const name = path.basename(file);
    const cli = await runImportCli([file, '--dry-run', '--format', 'json']);
    expect(cli.code, cli.stderr).toBe(0);
    const expected = cliCounts(cli.stdout);

    const before = await graphFingerprint();
    const preview = await upload(editor, name, readFileSync(file), { dryRun: 'true' });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const body = preview.body as ImportPreview;
    expect(body.format).toBe(format);
    expect(body.counts.labels).toEqual(expected.labels);
    expect(body.counts.relationships).toEqual(expected.relationships);
    expect(body.title).toBe((JSON.parse(cli.stdout) as { plan: { title: string } }).plan.title);
    expect(body.existing).toBeNull();
    // 一、总体要求 … are the document's parts: the outline starts with them.
    expect(body.outline.map((item) => item.title)).toContain('总体要求');
    expect(body.leastConfident.length).toBeLessThanOrEqual(10);
    const confidences = body.leastConfident.map((fact) => fact.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
    expect(await graphFingerprint()).toEqual(before);

    const commit = await upload(admin, name, readFileSync(file));
    expect(commit.status, JSON.stringify(commit.body)).toBe(201);
    const result = commit.body as ImportCommitResult;
    expect(result).toMatchObject({ planId: body.planId, replaced: false });
    const plans = (await request(app).get('/api/plans').expect(200)).body as PlansResponse;
    expect(plans.plans.map((plan) => plan.id)).toContain(body.planId);
    const { records } = await testDriver().executeQuery(
      'MATCH (p:Plan {id: $plan}) OPTIONAL MATCH (n:PlanData {plan: $plan}) RETURN count(DISTINCT p) + count(n) AS stored',
      { plan: body.planId },
      { database: testDatabase() },
    );
    expect(Number(records[0]?.get('stored'))).toBe(body.counts.nodes);
    const audit = await testDriver().executeQuery(
      'MATCH (a:AuditEvent {action: "plan.import", target: $plan}) RETURN a.actor AS actor',
      { plan: body.planId },
      { database: testDatabase() },
    );
    expect(audit.records.map((r) => r.get('actor'))).toEqual(['admin']);
  });
});

describe('a document whose plan already exists', () => {
  it('previews an empty diff for the same file, refuses a commit without replace, and replaces with it', async () => {
    const file = files.md;
    const bytes = readFileSync(file);
    const name = path.basename(file);
    const preview = (await upload(editor, name, bytes, { dryRun: 'true' }).expect(200)).body as ImportPreview;
    expect(preview.existing?.diff.totals).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(preview.existing?.diff.unchanged).toBe(preview.counts.nodes);

    const before = await graphFingerprint();
    const withoutAudit = await fingerprintWithoutAudit();
    const refused = await upload(admin, name, bytes);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CONFLICT');
    expect(refused.body.error.message).toContain('replace=true');
    expect(await graphFingerprint()).toEqual(before);

    const replaced = await upload(admin, name, bytes, { replace: 'true' });
    expect(replaced.status).toBe(201);
    expect(replaced.body.replaced).toBe(true);
    // The same document again: the stored graph is the same, node for node; the audit trail has one event more.
    expect(await fingerprintWithoutAudit()).toEqual(withoutAudit);
    const { records } = await testDriver().executeQuery(
      'MATCH (a:AuditEvent {action: "plan.replace", target: $plan}) RETURN a.actor AS actor',
      { plan: preview.planId },
      { database: testDatabase() },
    );
    expect(records.map((r) => r.get('actor'))).toEqual(['admin']);
  });

  it('lists the nodes whose text changed when two sentences were edited', async () => {
    const original = readFileSync(files.md, 'utf8');
    // The document without its closing sentence of 二、主要目标, and one measure reworded.
    const edited = original
      .replace('强化企业主体责任，实现由政府监管向社会共治的转变，以监管方式创新提升事中事后监管效能。', '')
      .replace(
        '建立双随机抽查结果部门间共享交换和互认互用机制。',
        '建立双随机抽查结果部门间共享和互认机制。',
      );
    expect(edited).not.toBe(original);
    const name = path.basename(files.md);
    const preview = (await upload(editor, name, Buffer.from(edited), { dryRun: 'true' }).expect(200))
      .body as ImportPreview;
    const diff = preview.existing?.diff;
    expect(diff).toBeDefined();
    const changedTexts = diff?.changed.filter((node) => node.properties.includes('text')) ?? [];
    expect(changedTexts.length).toBeGreaterThan(0);
    expect(diff?.totals.changed).toBeGreaterThan(0);
  });
});
