// Node details, neighbourhoods and paths over the real seed plan, checked against the database.
import type express from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NeighborhoodResponse, NodeDetails, PathsResponse } from '../../../server/src/domain/types.ts';
import { apiApp, column, count, importSeed, SEED_PLAN } from './_seeded-app.ts';

const NEW_AREA = 'harbin-2016:pilot:harbin-new-area';
let app: express.Express;
let planText: string;
let task: string;

beforeAll(async () => {
  await importSeed();
  app = apiApp();
  planText = (await column<string>('MATCH (p:Plan {id: $id}) RETURN p.text', { id: SEED_PLAN }))[0] ?? '';
  // A task that pilots Harbin New Area, found in the database rather than assumed.
  const piloting = await column<string>(
    'MATCH (t:Task)-[:PILOTED_IN]->(:Pilot {id: $id}) RETURN t.id ORDER BY t.id',
    { id: NEW_AREA },
  );
  task = piloting[0] ?? '';
});

describe('GET /api/nodes/:id', () => {
  it('returns the pilot with its degree per relationship type as stored', async () => {
    const res = await request(app)
      .get(`/api/nodes/${encodeURIComponent(NEW_AREA)}`)
      .expect(200);
    const body = res.body as NodeDetails;
    expect(body.node.id).toBe(NEW_AREA);
    expect(body.node.labels).toEqual(['Pilot']);
    expect(body.node.properties.name).toBe('哈尔滨新区');
    const stored = await column<[string, number]>(
      'MATCH (:Pilot {id: $id})-[r]-() WITH type(r) AS type, count(r) AS n RETURN [type, n]',
      { id: NEW_AREA },
    );
    expect(body.degree).toEqual(Object.fromEntries(stored));
    expect(body.neighbors).toHaveLength(stored.reduce((sum, [, n]) => sum + n, 0));
  });

  it('gives provenance quotes that are exactly the plan text at their offsets, with the sentences around', async () => {
    const res = await request(app)
      .get(`/api/nodes/${encodeURIComponent(NEW_AREA)}`)
      .expect(200);
    const body = res.body as NodeDetails;
    expect(body.provenance.length).toBeGreaterThan(0);
    for (const quote of body.provenance) {
      expect(planText.slice(quote.start, quote.end)).toBe(quote.quote);
      expect(planText.includes(quote.before)).toBe(true);
      expect(planText.includes(quote.after)).toBe(true);
      if (quote.before) expect(planText.lastIndexOf(quote.before, quote.start)).toBeLessThan(quote.start);
    }
    const starts = body.provenance.map((quote) => quote.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(body.provenance.some((quote) => quote.quote.includes('哈尔滨新区'))).toBe(true);
  });

  it('gives a task its own paragraph as provenance', async () => {
    const res = await request(app)
      .get(`/api/nodes/${encodeURIComponent(task)}`)
      .expect(200);
    const body = res.body as NodeDetails;
    const own = body.provenance.find((quote) => quote.via === 'node');
    expect(own?.quote).toBe(body.node.properties.text);
  });

  it('answers an unknown id with 404 and a malformed one with 400', async () => {
    const missing = await request(app).get('/api/nodes/harbin-2016:task:99.99').expect(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    for (const bad of ['bad id', "x' OR 1=1 --", 'a"b', 'x'.repeat(1000)]) {
      const res = await request(app)
        .get(`/api/nodes/${encodeURIComponent(bad)}`)
        .expect(400);
      expect(res.body.error.details[0].path).toEqual(['params', 'id']);
    }
  });
});

describe('GET /api/nodes/:id/neighbors', () => {
  it('returns the node and exactly its direct neighbours at depth 1', async () => {
    const res = await request(app)
      .get(`/api/nodes/${encodeURIComponent(NEW_AREA)}/neighbors`)
      .expect(200);
    const body = res.body as NeighborhoodResponse;
    const expected = await column<string>('MATCH (:Pilot {id: $id})--(m) RETURN DISTINCT m.id', {
      id: NEW_AREA,
    });
    expect(new Set(body.nodes.map((node) => node.id))).toEqual(new Set([NEW_AREA, ...expected]));
    expect(body.truncated).toBe(false);
    const ids = new Set(body.nodes.map((node) => node.id));
    for (const edge of body.edges) expect(ids.has(edge.start) && ids.has(edge.end)).toBe(true);
  });

  it('reaches further at depth 2 and keeps to the asked labels', async () => {
    const res = await request(app)
      .get(`/api/nodes/${encodeURIComponent(task)}/neighbors?depth=2&labels=Agency,Pilot,Task`)
      .expect(200);
    const body = res.body as NeighborhoodResponse;
    const labels = new Set(body.nodes.filter((node) => node.id !== task).flatMap((node) => node.labels));
    for (const label of labels) expect(['Agency', 'Pilot', 'Task']).toContain(label);
    const expected = await count(
      `MATCH (t:Task {id: $id})-[]-(m) WHERE m:Agency OR m:Pilot OR m:Task
       OPTIONAL MATCH (m)-[]-(m2) WHERE (m2:Agency OR m2:Pilot OR m2:Task) AND m2 <> t
       WITH collect(DISTINCT m) + collect(DISTINCT m2) AS all UNWIND all AS x RETURN count(DISTINCT x)`,
      { id: task },
    );
    expect(body.nodes).toHaveLength(expected + 1);
  });

  it('stops at the node limit and says it was truncated', async () => {
    const res = await request(app)
      .get(`/api/nodes/${encodeURIComponent(task)}/neighbors?depth=3&limit=5`)
      .expect(200);
    const body = res.body as NeighborhoodResponse;
    expect(body.nodes).toHaveLength(5);
    expect(body.truncated).toBe(true);
  });

  it('refuses depth 99, depth 0, a limit of a million and unknown types', async () => {
    for (const query of ['depth=99', 'depth=0', 'depth=two', 'limit=1000000', 'types=FRIEND']) {
      const res = await request(app)
        .get(`/api/nodes/${encodeURIComponent(task)}/neighbors?${query}`)
        .expect(400);
      expect(res.body.error.details[0].path.slice(0, 2)).toEqual(['query', query.split('=')[0]]);
    }
  });

  it('answers an unknown node with 404', async () => {
    await request(app).get('/api/nodes/harbin-2016:pilot:nowhere/neighbors').expect(404);
  });
});

describe('GET /api/paths', () => {
  it('finds the shortest connections from a task to a pilot, each a real walk in the graph', async () => {
    const [from] = await column<string>('MATCH (t:Task {id: $id}) RETURN t.id', {
      id: 'harbin-2016:task:3.1.1',
    });
    const res = await request(app).get(`/api/paths?from=${from}&to=${NEW_AREA}&k=3&maxLength=4`).expect(200);
    const body = res.body as PathsResponse;
    const shortest = await count(
      'MATCH p = shortestPath((a {id: $a})-[*..6]-(b {id: $b})) RETURN length(p)',
      { a: from, b: NEW_AREA },
    );
    expect(body.paths.length).toBeGreaterThan(0);
    expect(body.paths.length).toBeLessThanOrEqual(3);
    expect(body.paths[0]?.length).toBe(shortest);
    const edges = new Map(body.edges.map((edge) => [edge.id, edge]));
    for (const path of body.paths) {
      expect(path.nodes[0]).toBe(from);
      expect(path.nodes.at(-1)).toBe(NEW_AREA);
      expect(path.length).toBeLessThanOrEqual(4);
      expect(path.edges).toHaveLength(path.length);
      path.edges.forEach((id, i) => {
        const edge = edges.get(id);
        expect(new Set([edge?.start, edge?.end])).toEqual(new Set([path.nodes[i], path.nodes[i + 1]]));
      });
    }
    const lengths = body.paths.map((path) => path.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it('returns no paths when none is short enough', async () => {
    const res = await request(app)
      .get(`/api/paths?from=harbin-2016:task:3.1.1&to=${NEW_AREA}&maxLength=1`)
      .expect(200);
    expect((res.body as PathsResponse).paths).toEqual([]);
  });

  it('refuses k=1000, maxLength=50 and a missing end, and answers unknown ids with 404', async () => {
    for (const query of [
      `from=${task}&to=${NEW_AREA}&k=1000`,
      `from=${task}&to=${NEW_AREA}&maxLength=50`,
      `from=${task}`,
    ]) {
      const res = await request(app).get(`/api/paths?${query}`).expect(400);
      expect(res.body.error.code).toBe('INVALID_REQUEST');
    }
    const res = await request(app).get(`/api/paths?from=${task}&to=harbin-2016:pilot:nowhere`).expect(404);
    expect(res.body.error.message).toContain('harbin-2016:pilot:nowhere');
  });
});
