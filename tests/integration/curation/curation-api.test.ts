// Curation through the API on the real database (issue 17): each decision shows in the graph, search and exports
// at once; viewers read but cannot write (403), anonymous users neither (401); every decision is in the audit
// trail; a re-import keeps every decision, a decision whose target left the text is listed as orphaned; the
// exported YAML fed to `npm run import` gives the curated graph exactly, and so does posting it back.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthService } from '../../../server/src/ledger/auth-service.ts';
import { createLedgerStores } from '../../../server/src/neo4j/ledger-stores.ts';
import { resetDatabase, testDatabase, testDriver } from '../_db.ts';
import { runImportCli } from '../import/_cli.ts';
import {
  curationApp,
  DOCUMENT,
  decide,
  freshDatabase,
  id,
  importDocument,
  login,
  nodeProps,
  PLAN,
  planSnapshot,
  relTypes,
  type Session,
} from './_curation.ts';

// From reading the document: 市科技局 leads task 2.1.1 (推进科研项目管理改革); 市财政局 leads 2.2.1 (设立科技创新基金)
// with 市地方金融监管局 (会同); the zones are 江北高新区 and 数字经济创新发展试验区.
const SCIENCE = id('agency', 'jiangbei-municipal-science');
const FINANCE = id('agency', 'jiangbei-municipal-finance');
const REGULATOR = id('agency', 'jiangbei-municipal-financial-office');
const HIGH_TECH_ZONE = id('pilot', 'jiang-bei-gao-xin-qu');
const DIGITAL_ZONE = id('pilot', 'shu-zi-jing-ji-chuang-xin-fa-zhan-shi-yan-qu');
const PROJECTS_TASK = id('task', '2.1.1');
const FUND_TASK = id('task', '2.2.1');

let app: Express;
let editor: Session;
let viewer: Session;
let curated: Awaited<ReturnType<typeof planSnapshot>>;
let exported = '';

beforeAll(async () => {
  await freshDatabase();
  app = curationApp();
  editor = await login(app, 'editor');
  viewer = await login(app, 'viewer');
});

const review = async () => (await request(app).get(`/api/plans/${PLAN}/review`).expect(200)).body;
const search = async (q: string) =>
  JSON.stringify((await request(app).get('/api/search').query({ q, plan: PLAN }).expect(200)).body);
const exportJson = async () =>
  (await request(app).get('/api/export').query({ plan: PLAN, format: 'json' }).expect(200)).text;

describe('the review of an imported plan', () => {
  it('lists every agency, pilot, role and link with quotes, lowest confidence first', async () => {
    const body = await review();
    const kinds = body.facts.map((f: { kind: string }) => f.kind);
    expect(kinds.filter((k: string) => k === 'agency')).toHaveLength(3);
    expect(kinds.filter((k: string) => k === 'pilot')).toHaveLength(2);
    expect(kinds.filter((k: string) => k === 'role')).toHaveLength(3);
    expect(kinds).toContain('link');
    const confidences = body.facts.map((f: { confidence: number | null }) => f.confidence ?? 2);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
    const lead = body.facts.find((f: { id: string }) => f.id === `${PROJECTS_TASK}|LED_BY|${SCIENCE}`);
    expect(lead.quotes.join()).toContain('由市科技局牵头');
  });

  it('is open to a viewer, but a viewer cannot curate (403) nor can an anonymous user (401)', async () => {
    await viewer.agent.get(`/api/plans/${PLAN}/review`).expect(200);
    const body = { action: 'reject', target: DIGITAL_ZONE };
    expect((await decide(viewer, body)).status).toBe(403);
    expect((await request(app).post(`/api/plans/${PLAN}/curation`).send(body)).status).toBe(401);
    const yaml = 'plan: {id: jb, title: x}\n';
    const post = viewer.agent.post(`/api/plans/${PLAN}/curation.yaml`).set('X-CSRF-Token', viewer.csrf);
    expect((await post.type('application/yaml').send(yaml)).status).toBe(403);
    expect(await nodeProps(DIGITAL_ZONE)).not.toBeNull();
  });
});

describe('each decision shows in the graph, search and exports at once', () => {
  it('rename: the 会同 bureau the extractor named 金融工作办公室 is the local financial regulator', async () => {
    const res = await decide(editor, {
      action: 'rename',
      target: REGULATOR,
      name: '江北市地方金融监督管理局',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await nodeProps(REGULATOR))?.name).toBe('江北市地方金融监督管理局');
    expect(await search('地方金融监督管理局')).toContain(REGULATOR);
    expect(await exportJson()).toContain('江北市地方金融监督管理局');
  });

  it('set English name', async () => {
    const nameEn = 'Jiangbei High-Tech Industrial Development Zone';
    expect((await decide(editor, { action: 'setNameEn', target: HIGH_TECH_ZONE, nameEn })).status).toBe(200);
    expect((await nodeProps(HIGH_TECH_ZONE))?.nameEn).toBe(nameEn);
    expect(await exportJson()).toContain(nameEn);
  });

  it('reject: the zone leaves graph, search and export, and stays listed as rejected', async () => {
    expect((await decide(editor, { action: 'reject', target: DIGITAL_ZONE })).status).toBe(200);
    expect(await nodeProps(DIGITAL_ZONE)).toBeNull();
    expect(await search('数字经济创新发展试验区')).not.toContain(DIGITAL_ZONE);
    expect(await exportJson()).not.toContain(DIGITAL_ZONE);
    const row = (await review()).facts.find((f: { id: string }) => f.id === DIGITAL_ZONE);
    expect(row).toMatchObject({ status: 'rejected', name: '数字经济创新发展试验区' });
  });

  it('set involved: the finance bureau joins the project reform as curated', async () => {
    const body = { action: 'setRole', task: PROJECTS_TASK, agency: FINANCE, role: 'involved' };
    expect((await decide(editor, body)).status).toBe(200);
    expect(await relTypes(PROJECTS_TASK, FINANCE)).toEqual(['INVOLVES:curated']);
  });

  it('accept: the lead the text states is confirmed', async () => {
    const target = `${PROJECTS_TASK}|LED_BY|${SCIENCE}`;
    expect((await decide(editor, { action: 'accept', target })).status).toBe(200);
    const row = (await review()).facts.find((f: { id: string }) => f.id === target);
    expect(row).toMatchObject({ status: 'accepted', confidence: 1 });
  });

  it('merge: the finance bureau into the regulator — aliases combined, its lead and curated role moved', async () => {
    expect((await decide(editor, { action: 'merge', target: FINANCE, into: REGULATOR })).status).toBe(200);
    expect(await nodeProps(FINANCE)).toBeNull();
    expect((await nodeProps(REGULATOR))?.aliases).toEqual(
      expect.arrayContaining(['江北市财政局', '市财政局']),
    );
    expect(await relTypes(FUND_TASK, REGULATOR)).toEqual(['LED_BY:text']);
    expect(await relTypes(PROJECTS_TASK, REGULATOR)).toEqual(['INVOLVES:curated']);
    expect(await search('市财政局')).toContain(REGULATOR);
  });

  it('add: a body the extractor missed, with its quote', async () => {
    const body = {
      action: 'add',
      entity: 'agency',
      key: 'reform-leading-group',
      name: '改革领导小组',
      nameEn: 'Reform Leading Group',
      kind: 'other',
      quote: '成立由市政府主要负责同志任组长的改革领导小组',
    };
    expect((await decide(editor, body)).status).toBe(200);
    expect(await nodeProps(id('agency', 'reform-leading-group'))).toMatchObject({ name: '改革领导小组' });
    expect(await search('改革领导小组')).toContain(id('agency', 'reform-leading-group'));
  });

  it('refuses a decision that cannot apply, and stores nothing', async () => {
    const res = await decide(editor, { action: 'rename', target: id('agency', 'no-such'), name: 'x' });
    expect(res.status).toBe(400);
    expect((await review()).decisions).toHaveLength(7);
  });

  it('records who decided what in the audit trail', async () => {
    const stores = createLedgerStores({ driver: testDriver(), database: testDatabase() });
    const events = await new AuthService(stores).auditTrail({ action: 'curation.', limit: 50 });
    expect(events).toHaveLength(7);
    expect(new Set(events.map((e) => e.actor))).toEqual(new Set(['editor']));
    expect(events.map((e) => e.action)).toContain('curation.merge');
  });
});

describe('re-import and the YAML round trip', () => {
  it('a re-import of the same document keeps every decision', async () => {
    curated = await planSnapshot();
    expect(curated.nodes.length).toBeGreaterThan(20);
    await importDocument();
    expect(await planSnapshot()).toEqual(curated);
    const states = (await review()).decisions.map((d: { state: string }) => d.state);
    expect(states).toEqual(Array(7).fill('applied'));
  });

  it('a decision whose target left the document is listed as orphaned, and comes back with it', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'curation-'));
    const changed = path.join(folder, 'jiangbei-2021-innovation.md');
    writeFileSync(changed, readFileSync(DOCUMENT, 'utf8').replaceAll('江北高新区', '江北科学城'));
    await importDocument(changed);
    const decisions = (await review()).decisions;
    const orphaned = decisions.filter((d: { state: string }) => d.state === 'orphaned');
    expect(orphaned.map((d: { decision: { action: string } }) => d.decision.action)).toEqual(['setNameEn']);
    expect(orphaned[0].reason).toContain(HIGH_TECH_ZONE);
    expect(decisions).toHaveLength(7);
    await importDocument();
    expect(await planSnapshot()).toEqual(curated);
  });

  it('the exported YAML, fed to npm run import on an empty database, reproduces the curated graph', async () => {
    const res = await request(app).get(`/api/plans/${PLAN}/curation.yaml`).expect(200);
    expect(res.headers['content-type']).toContain('application/yaml');
    exported = res.text;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'curation-')), 'jb.curation.yaml');
    writeFileSync(file, exported);
    await resetDatabase();
    const run = await runImportCli([DOCUMENT, '--annotations', file, '--plan-id', PLAN]);
    expect(run.code, run.stderr).toBe(0);
    expect(await planSnapshot()).toEqual(curated);
  });

  it('posting the exported YAML to a plainly imported plan gives the curated graph and lists the decisions', async () => {
    await freshDatabase();
    editor = await login(app, 'editor');
    expect(await planSnapshot()).not.toEqual(curated);
    const res = await editor.agent
      .post(`/api/plans/${PLAN}/curation.yaml`)
      .set('X-CSRF-Token', editor.csrf)
      .type('application/yaml')
      .send(exported);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ decisions: 7, orphaned: 0 });
    expect(await planSnapshot()).toEqual(curated);
    expect((await review()).decisions).toHaveLength(7);
  });
});
