// Search over the real seed: the pilots people look for come first whichever way they type them, and any
// text — quotes, backslashes, Cypher, Lucene or SQL syntax — is matched as plain characters.
import type express from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../../server/src/domain/types.ts';
import { createHttpServer } from '../../../server/src/index.ts';
import { graphFingerprint } from '../_db.ts';
import { apiApp, importSeed } from './_seeded-app.ts';

const NEW_AREA = 'harbin-2016:pilot:harbin-new-area';
const BONDED_ZONE = 'harbin-2016:pilot:harbin-comprehensive-bonded-zone';
let app: express.Express;

beforeAll(async () => {
  await importSeed();
  app = apiApp();
});

async function search(q: string, extra = ''): Promise<SearchResponse> {
  const res = await request(app)
    .get(`/api/search?q=${encodeURIComponent(q)}${extra}`)
    .expect(200);
  return res.body as SearchResponse;
}

describe('GET /api/search ranks what people look for first', () => {
  it.each([
    ['哈尔滨新区', NEW_AREA],
    ['Harbin New Area', NEW_AREA],
    ['harbin new area', NEW_AREA],
    ['hebxq', NEW_AREA],
    ['haerbinxinqu', NEW_AREA],
    ['bonded zone', BONDED_ZONE],
    ['综合保税区', BONDED_ZONE],
  ])('puts the pilot first for %s', async (q, expected) => {
    const { hits } = await search(q);
    expect(hits[0]?.id).toBe(expected);
  });

  it('marks the matched part of the name in the snippet', async () => {
    const { hits } = await search('新区');
    const pilot = hits.find((hit) => hit.id === NEW_AREA);
    expect(pilot?.snippet).toBe('哈尔滨«新区»');
  });

  it('maps pinyin initials back onto the characters they stand for', async () => {
    const { hits } = await search('hebxq');
    expect(hits[0]?.matchedOn).toBe('pinyin');
    expect(hits[0]?.snippet).toBe('«哈尔滨新区»');
  });

  it('finds Chinese substrings inside measures and shows them in context', async () => {
    const { hits } = await search('转移支付', '&labels=Measure');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(hit.label).toBe('Measure');
      expect(hit.snippet).toContain('«转移支付»');
    }
  });

  it('keeps to the asked labels and limit', async () => {
    const { hits } = await search('哈尔滨', '&labels=Agency&limit=4');
    expect(hits).toHaveLength(4);
    for (const hit of hits) expect(hit.label).toBe('Agency');
  });

  it('orders hits by descending score', async () => {
    const { hits } = await search('改革', '&limit=50');
    const scores = hits.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('GET /api/search treats any text as text', () => {
  it.each([
    `"quoted" 'single'`,
    'back\\slash\\',
    "') MATCH (n) DETACH DELETE n //",
    '"}) RETURN 1 UNION MATCH (n) DETACH DELETE n //',
    "1' OR '1'='1'; DROP TABLE plans; --",
    'name:哈尔滨* AND text:~ [a TO z] {x} ^2 ||&& !',
    '$plan',
    '%_%',
  ])('answers %s with 200 and leaves the graph as it was', async (q) => {
    const before = await graphFingerprint();
    const res = await request(app)
      .get(`/api/search?q=${encodeURIComponent(q)}`)
      .expect(200);
    expect(Array.isArray(res.body.hits)).toBe(true);
    expect(await graphFingerprint()).toEqual(before);
  });

  it('finds text containing a quote character literally', async () => {
    const { hits } = await search('“互联网+”');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.snippet).toContain('«“互联网+”»');
  });

  it('answers a 10,000-character Chinese query with a JSON 400 naming q, not a bare header error', async () => {
    const res = await request(createHttpServer(app))
      .get(`/api/search?q=${encodeURIComponent('哈'.repeat(10_000))}`)
      .expect(400);
    expect(res.body.error.code).toBe('INVALID_REQUEST');
    expect(res.body.error.details[0].path).toEqual(['query', 'q']);
  });

  it('refuses a 10,000-character query, an empty one and a zero limit with 400 naming q', async () => {
    const long = await request(app)
      .get(`/api/search?q=${'q'.repeat(10_000)}`)
      .expect(400);
    expect(long.body.error.details[0].path).toEqual(['query', 'q']);
    const empty = await request(app).get('/api/search?q=%20%20').expect(400);
    expect(empty.body.error.details[0].path).toEqual(['query', 'q']);
    await request(app).get('/api/search').expect(400);
    await request(app).get('/api/search?q=x&limit=0').expect(400);
  });
});

describe('search rate limit', () => {
  it('answers 429 in the JSON error shape once a client exceeds the limit', async () => {
    const limited = apiApp({ rateLimits: { searchPerMinute: 2, cypherPerMinute: 2 } });
    await request(limited).get('/api/search?q=x').expect(200);
    await request(limited).get('/api/search?q=x').expect(200);
    const res = await request(limited).get('/api/search?q=x').expect(429);
    expect(res.body.error.code).toBe('RATE_LIMITED');
  });
});
