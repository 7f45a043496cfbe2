// The corpus views over the real corpus (52 State Council documents), the seed and a small document of our own
// (tests/fixtures/corpus/zone-followup-2018.md): one national body across plans with every task it leads or
// joins, a zone traced across the seed and our document in date order, and the seed compared with a corpus
// document. Expected values come from reading the documents (grep), never from the API's own output.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiRouters } from '../../../server/src/api/routers.ts';
import { createApp } from '../../../server/src/app.ts';
import type { AgencyProfile, PlanComparison, ZoneTrace } from '../../../server/src/domain/corpus.ts';
import { createCorpusService } from '../../../server/src/graph/corpus-service.ts';
import { importCorpus } from '../../../server/src/import/corpus-import.ts';
import { buildPlanFromFiles } from '../../../server/src/ingest/plan-files.ts';
import { neo4jCorpusRepository } from '../../../server/src/neo4j/corpus-queries.ts';
import { neo4jGraphRepository } from '../../../server/src/neo4j/graph-repository.ts';
import { dbmsInfoReader } from '../../../server/src/neo4j/health-queries.ts';
import { CORPUS, corpusFiles } from '../../unit/ingest/_shared.ts';
import { resetDatabase, testDatabase, testDriver } from '../_db.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SEED = path.join(ROOT, 'seeds/harbin-2016-economic-reform.md');
const OURS = path.join(ROOT, 'tests/fixtures/corpus/zone-followup-2018.md');
const read = (file: string) => readFileSync(file, 'utf8');
const corpusPaths = () => corpusFiles().map((file) => path.join(CORPUS, path.basename(file)));

/** The names of the body a document may use: the lexicon's full name and short forms. */
const NDRC = /（[^（）]*(国家发展改革委|发展改革委|国家发改委)[^（）]*负责[^（）]*）/g;

/**
 * The responsibility notes naming the body in the action parts of a document, as grep reads them: notes after
 * a 保障措施 / 组织实施 heading belong to the safeguards (Section nodes), not to tasks.
 */
function notesIn(text: string): string[] {
  const lines = text.split('\n');
  const end = lines.findIndex((line) => /^(\*\*|#+ ).*(保障措施|组织实施)/.test(line));
  return lines.slice(0, end < 0 ? lines.length : end).flatMap((line) => line.match(NDRC) ?? []);
}

let app: ReturnType<typeof createApp>;
let planText: (id: string) => Promise<string>;

beforeAll(async () => {
  await resetDatabase();
  const documents = [];
  for (const file of [...corpusPaths(), SEED, OURS]) {
    documents.push({ file, built: await buildPlanFromFiles({ markdownPath: file }) });
  }
  const outcomes = await importCorpus(testDriver(), testDatabase(), documents, { batchSize: 10 });
  expect(outcomes.filter((o) => o.status !== 'imported')).toEqual([]);
  app = createApp({
    logger: pino({ level: 'silent' }),
    clientDir: null,
    dbmsInfo: dbmsInfoReader(testDriver(), testDatabase()),
    apiRouters: createApiRouters(neo4jGraphRepository(testDriver(), testDatabase()), {
      corpus: createCorpusService(neo4jCorpusRepository(testDriver(), testDatabase())),
    }),
  });
  planText = async (id) => {
    const { records } = await testDriver().executeQuery(
      'MATCH (p:Plan {id: $id}) RETURN p.text AS text',
      { id },
      { database: testDatabase() },
    );
    return String(records[0]?.get('text'));
  };
}, 600_000);

const get = async <T>(url: string): Promise<T> => {
  const response = await request(app).get(url);
  expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(200);
  return response.body as T;
};

describe('GET /api/corpus/agencies/:id — 国家发展改革委 across the corpus', () => {
  it('lists every task where a responsibility note names it, in each document, with the note as the quote', async () => {
    const profile = await get<AgencyProfile>(
      `/api/corpus/agencies/${encodeURIComponent('corpus:agency:ndrc')}`,
    );
    expect(profile.agency.name).toBe('国家发展和改革委员会');
    const byPlan = new Map(profile.plans.map((p) => [p.plan.id, p]));
    const expected = corpusPaths()
      .map((file) => ({ plan: path.basename(file, '.md'), notes: notesIn(read(file)) }))
      .filter((doc) => doc.notes.length > 0);
    // Read in the corpus: 国办发〔2018〕117号, 121号, 129号 and 国发〔2018〕42号 carry such notes.
    expect(expected.map((doc) => doc.plan)).toEqual([
      'guobanfa-2018-117',
      'guobanfa-2018-121',
      'guobanfa-2018-129',
      'guofa-2018-042',
    ]);
    for (const doc of expected) {
      const roles = byPlan.get(doc.plan)?.roles ?? [];
      expect(roles.map((role) => role.quote).sort(), doc.plan).toEqual([...doc.notes].sort());
    }
    // 国发〔2018〕42号 says 列第一位者为牵头单位 and never puts 发展改革委 first: it joins, it does not lead.
    expect(new Set(byPlan.get('guofa-2018-042')?.roles.map((r) => r.role))).toEqual(new Set(['joins']));
  });

  it('includes the letters where 发展改革委 会同 others (leads) and 财政部要会同发展改革委 (joins), and our 国家发改委', async () => {
    const profile = await get<AgencyProfile>(
      `/api/corpus/agencies/${encodeURIComponent('corpus:agency:ndrc')}`,
    );
    const roles = (plan: string) => profile.plans.find((p) => p.plan.id === plan)?.roles ?? [];
    for (const plan of ['guobanhan-2004-025', 'guobanhan-2004-057', 'guobanhan-2004-071']) {
      expect(read(path.join(CORPUS, `${plan}.md`))).toMatch(/发展改革委[^，。；、（）]{0,3}会同/);
      expect(
        roles(plan).some((r) => r.role === 'leads' && /发展改革委[^，。；、]{0,3}会同/.test(r.quote)),
        plan,
      ).toBe(true);
    }
    expect(
      roles('guobanfa-2019-006').some((r) => r.role === 'joins' && r.quote.includes('会同发展改革委')),
    ).toBe(true);
    expect(roles('zone-followup-2018').map((r) => r.quote)).toEqual(['（国家发改委、省发展改革委负责）']);
  });

  it('orders the documents by date, and every quote is the plan text at its offsets', async () => {
    const profile = await get<AgencyProfile>(
      `/api/corpus/agencies/${encodeURIComponent('corpus:agency:ndrc')}`,
    );
    const dates = profile.plans.map((p) => p.plan.date ?? '9999');
    expect(dates).toEqual([...dates].sort());
    for (const entry of profile.plans) {
      const text = await planText(entry.plan.id);
      for (const role of entry.roles.filter((r) => r.start !== null)) {
        expect(text.slice(role.start ?? 0, role.end ?? 0)).toBe(role.quote);
      }
    }
  });

  it('finds the same profile from a plan’s own Agency node id, and 404 for an unknown body', async () => {
    const { records } = await testDriver().executeQuery(
      "MATCH (a:Agency {plan: 'zone-followup-2018', name: '国家发展和改革委员会'}) RETURN a.id AS id",
      {},
      { database: testDatabase() },
    );
    const own = String(records[0]?.get('id'));
    const viaOwn = await get<AgencyProfile>(`/api/corpus/agencies/${encodeURIComponent(own)}`);
    expect(viaOwn.agency.id).toBe('corpus:agency:ndrc');
    const missing = await request(app).get('/api/corpus/agencies/corpus%3Aagency%3Ano-such-body');
    expect(missing.status).toBe(404);
  });
});

describe('GET /api/corpus/pilots/:id/trace — a zone across the seed and our document', () => {
  const trace = (name: string) =>
    get<ZoneTrace>(`/api/corpus/pilots/${encodeURIComponent(`corpus:pilot:${name}`)}/trace`);

  it('traces 哈尔滨新区 through the seed (2016) and then our document (2018-05-10), sentence by sentence', async () => {
    const zone = await trace('哈尔滨新区');
    expect(zone.plans.map((p) => [p.plan.id, p.plan.date])).toEqual([
      ['harbin-2016', '2016'],
      ['zone-followup-2018', '2018-05-10'],
    ]);
    const ours = zone.plans[1]?.passages.map((p) => p.sentence) ?? [];
    for (const sentence of [
      '支持哈尔滨新区开展行政审批制度改革，赋予哈尔滨新区省级经济管理权限。',
      '在哈尔滨新区推行企业投资项目承诺制，简化审批程序。',
      '积极争取将哈尔滨新区纳入国家有关改革试点，按程序报批相关事项。',
    ]) {
      expect(ours).toContain(sentence);
    }
    const seedSentences = zone.plans[0]?.passages ?? [];
    expect(seedSentences.length).toBeGreaterThan(0);
    for (const entry of zone.plans) {
      const text = await planText(entry.plan.id);
      for (const passage of entry.passages) {
        expect(text.slice(passage.start ?? 0, passage.end ?? 0)).toBe(passage.quote);
        expect(text.slice(passage.sentenceStart, passage.sentenceEnd)).toBe(passage.sentence);
        expect(passage.sentence).toContain(passage.quote);
      }
    }
  });

  it('traces 哈尔滨综合保税区 in both, and keeps the national 综合保税区 programme apart', async () => {
    const zone = await trace('哈尔滨综合保税区');
    expect(zone.plans.map((p) => p.plan.id)).toEqual(['harbin-2016', 'zone-followup-2018']);
    expect(zone.plans[1]?.passages.map((p) => p.sentence)).toEqual([
      '推进哈尔滨综合保税区货物进出便利化，实行一站式通关服务。',
      '支持哈尔滨综合保税区发展跨境电子商务和保税物流，按照国家综合保税区政策开展保税维修。',
    ]);
    const national = await trace('国家综合保税区');
    expect(national.plans.map((p) => p.plan.id)).not.toContain('harbin-2016');
  });
});

describe('GET /api/compare — the seed beside 国办发〔2019〕6号 (government financing guarantees)', () => {
  it('shows the bodies both name, and pairs the seed’s credit-guarantee task with a guarantee task, quotes side by side', async () => {
    const comparison = await get<PlanComparison>('/api/compare?a=harbin-2016&b=guobanfa-2019-006&limit=10');
    // Both name 国务院: the seed in its text, 国办发〔2019〕6号 as its issuer's principal.
    expect(read(SEED)).toContain('国务院');
    expect(comparison.agencies.shared.map((e) => e.key)).toContain('corpus:agency:state-council');
    expect(comparison.agencies.onlyB.map((e) => e.name)).toContain('财政部');
    expect(comparison.similarTasks.length).toBeGreaterThan(0);
    const guarantee = comparison.similarTasks.find((pair) => pair.a.quote.includes('担保'));
    expect(guarantee?.b.quote).toContain('担保');
    const [a, b] = [await planText('harbin-2016'), await planText('guobanfa-2019-006')];
    for (const pair of comparison.similarTasks) {
      expect(pair.similarity).toBeGreaterThan(0);
      if (pair.a.start !== null) expect(a.slice(pair.a.start, pair.a.end ?? 0)).toBe(pair.a.quote);
      if (pair.b.start !== null) expect(b.slice(pair.b.start, pair.b.end ?? 0)).toBe(pair.b.quote);
    }
  });

  it('answers 404 for a plan that is not imported', async () => {
    expect((await request(app).get('/api/compare?a=harbin-2016&b=no-such-plan')).status).toBe(404);
  });
});
