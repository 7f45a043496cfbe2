import { beforeAll, describe, expect, it } from 'vitest';
import { importPlan, importPlanIfChanged } from '../../../server/src/import/plan-import.ts';
import { buildPlanFromFiles } from '../../../server/src/ingest/plan-files.ts';
import { isPlanImported } from '../../../server/src/neo4j/plan-writer.ts';
import { SECOND_MD, SEED_MD } from '../../unit/ingest/_plans.ts';
import { quotesOf } from '../../unit/ingest/_provenance.ts';
import { graphFingerprint, resetDatabase, testDatabase, testDriver } from '../_db.ts';

const query = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await testDriver().executeQuery(cypher, params, { database: testDatabase() })).records;

async function countsByLabel(plan: string): Promise<Record<string, number>> {
  const records = await query('MATCH (n {plan: $plan}) RETURN labels(n)[0] AS label, count(*) AS n', {
    plan,
  });
  return Object.fromEntries(records.map((r) => [r.get('label'), r.get('n')]));
}

const expected = await buildPlanFromFiles({ markdownPath: SEED_MD });
const planId = expected.summary.planId;

describe('importing the seed plan into Neo4j', () => {
  beforeAll(async () => {
    await resetDatabase();
    await importPlan(testDriver(), testDatabase(), { markdownPath: SEED_MD });
  });

  it('stores exactly the graph the dry run shows', async () => {
    expect(await countsByLabel(planId)).toEqual(expected.summary.counts.labels);
    const rels = await query('MATCH (a {plan: $plan})-[r]->() RETURN type(r) AS type, count(*) AS n', {
      plan: planId,
    });
    expect(Object.fromEntries(rels.map((r) => [r.get('type'), r.get('n')]))).toEqual(
      expected.summary.counts.relationships,
    );
  });

  it('has 4 chapters and 8 domains in order, each task under its domain', async () => {
    const chapters = await query(
      'MATCH (:Plan {id: $plan})-[h:HAS_CHAPTER]->(c) RETURN c.title AS t ORDER BY h.order',
      {
        plan: planId,
      },
    );
    expect(chapters.map((r) => r.get('t'))).toEqual([
      '规划基础',
      '指导思想和推进原则',
      '重点改革任务',
      '保障措施',
    ]);
    const domains = await query(
      'MATCH (:Chapter {plan: $plan})-[h:HAS_DOMAIN]->(d) OPTIONAL MATCH (d)-[:HAS_TASK]->(t) RETURN d.number AS n, count(t) AS tasks ORDER BY n',
      { plan: planId },
    );
    expect(domains.map((r) => r.get('n'))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const r of domains) expect(r.get('tasks')).toBeGreaterThan(0);
  });

  it('slices every stored quote of every node and relationship out of Plan.text', async () => {
    const [plan] = await query('MATCH (p:Plan {id: $plan}) RETURN p.text AS text', { plan: planId });
    const text = String(plan?.get('text'));
    const nodes = await query('MATCH (n {plan: $plan}) RETURN n.id AS id, properties(n) AS p', {
      plan: planId,
    });
    const rels = await query('MATCH (a {plan: $plan})-[r]->(b) RETURN type(r) AS type, properties(r) AS p', {
      plan: planId,
    });
    const refs = [
      ...nodes.flatMap((r) => quotesOf(r.get('id'), r.get('p'))),
      ...rels.flatMap((r) => quotesOf(r.get('type'), r.get('p'))),
    ];
    const checkedTypes = new Set(
      rels.filter((r) => quotesOf('', r.get('p')).length > 0).map((r) => r.get('type')),
    );
    expect([...checkedTypes]).toEqual(expect.arrayContaining(['MENTIONS', 'DEPENDS_ON', 'PILOTED_IN']));
    expect(refs.filter((r) => text.slice(r.start, r.end) !== r.quote)).toEqual([]);
  });

  it('leaves identical counts and contents when the same plan is imported again', async () => {
    const before = await graphFingerprint();
    await importPlan(testDriver(), testDatabase(), { markdownPath: SEED_MD });
    expect(await graphFingerprint()).toEqual(before);
  });

  it('re-imports without touching other plans or nodes that are not plan data', async () => {
    await importPlan(testDriver(), testDatabase(), { markdownPath: SECOND_MD });
    await query('CREATE (:Scene {id: "scene-1", plan: $plan, name: "tour"})', { plan: planId });
    const other = await countsByLabel('jiangbei-2021');
    await importPlan(testDriver(), testDatabase(), { markdownPath: SEED_MD });
    expect(await countsByLabel('jiangbei-2021')).toEqual(other);
    expect(await query('MATCH (s:Scene {id: "scene-1"}) RETURN s')).toHaveLength(1);
    await query('MATCH (n) WHERE n.plan = "jiangbei-2021" OR n:Scene DETACH DELETE n');
  });

  it('skips an unchanged plan on start-up and knows it is imported', async () => {
    expect(await isPlanImported(testDriver(), testDatabase(), planId)).toBe(true);
    expect(await isPlanImported(testDriver(), testDatabase(), 'no-such-plan')).toBe(false);
    const outcome = await importPlanIfChanged(testDriver(), testDatabase(), { markdownPath: SEED_MD });
    expect(outcome.written).toBe(false);
  });

  it('finds Chinese substrings, English names and pinyin through the full-text index', async () => {
    const search = async (q: string) =>
      (
        await query(
          'CALL db.index.fulltext.queryNodes("reformSearch", $q) YIELD node, score RETURN node.name AS name LIMIT 50',
          { q },
        )
      ).map((r) => String(r.get('name')));
    expect(await search('"新区"')).toContain('哈尔滨新区');
    expect(await search('"公共资源交易"')).toEqual(expect.arrayContaining(['推进公共资源市场化配置改革']));
    expect(await search('"Harbin New Area"')).toContain('哈尔滨新区');
    expect(await search('haerbinxinqu')).toContain('哈尔滨新区');
  });

  it('stores orders and numbers as integers', async () => {
    const [row] = await query('MATCH (t:Task {plan: $plan}) RETURN valueType(t.order) AS type LIMIT 1', {
      plan: planId,
    });
    expect(String(row?.get('type'))).toMatch(/^INTEGER/);
  });
});
