// Search through the full-text index (docs/search.md) on a database whose index an older build made: until the
// next import rebuilds it, search still finds what people look for (by the scan), and after the import the
// index covers the properties the search asks it for.
import type express from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../../server/src/domain/types.ts';
import { importPlan } from '../../../server/src/import/plan-import.ts';
import { SEARCH_INDEX } from '../../../server/src/neo4j/plan-schema.ts';
import { testDatabase, testDriver } from '../_db.ts';
import { apiApp, importSeed, SEED_MD } from './_seeded-app.ts';

const NEW_AREA = 'harbin-2016:pilot:harbin-new-area';
let app: express.Express;

const query = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await testDriver().executeQuery(cypher, params, { database: testDatabase() })).records;

async function search(q: string): Promise<SearchResponse> {
  const res = await request(app)
    .get(`/api/search?q=${encodeURIComponent(q)}`)
    .expect(200);
  return res.body as SearchResponse;
}

async function indexedProperties(): Promise<string[]> {
  const [record] = await query(
    'SHOW FULLTEXT INDEXES YIELD name, properties WHERE name = $index RETURN properties',
    {
      index: SEARCH_INDEX,
    },
  );
  return (record?.get('properties') as string[] | undefined) ?? [];
}

beforeAll(async () => {
  await importSeed();
  app = apiApp();
  // An earlier build's index: no `plan` or `quote` property.
  await query(`DROP INDEX ${SEARCH_INDEX} IF EXISTS`);
  await query(
    `CREATE FULLTEXT INDEX ${SEARCH_INDEX} FOR (n:Task|Pilot|Agency|Measure) ON EACH [n.name, n.text] ` +
      "OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } }",
  );
  await query('CALL db.awaitIndexes(60)');
});

describe('search over an index made by an older build', () => {
  it('still puts the pilot first for its Chinese name and for a part of it', async () => {
    expect((await search('哈尔滨新区')).hits[0]?.id).toBe(NEW_AREA);
    expect((await search('新区')).hits.map((hit) => hit.id)).toContain(NEW_AREA);
  });

  it('finds the same pilot through the rebuilt index after the next import', async () => {
    await importPlan(testDriver(), testDatabase(), { markdownPath: SEED_MD });
    expect(await indexedProperties()).toEqual(expect.arrayContaining(['plan', 'quote', 'pinyin']));
    expect((await search('哈尔滨新区')).hits[0]?.id).toBe(NEW_AREA);
    const { hits } = await search('新区');
    expect(hits.find((hit) => hit.id === NEW_AREA)?.snippet).toBe('哈尔滨«新区»');
  });
});
