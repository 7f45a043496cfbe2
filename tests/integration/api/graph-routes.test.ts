// The read routes over the real seed plan, checked against what the database itself holds.
import type express from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  CyOverviewElements,
  PlansResponse,
  PlanTextResponse,
} from '../../../server/src/domain/types.ts';
import { apiApp, column, count, importSeed, SEED_PLAN } from './_seeded-app.ts';

let app: express.Express;
let planText: string;

beforeAll(async () => {
  await importSeed();
  app = apiApp();
  planText = (await column<string>('MATCH (p:Plan {id: $id}) RETURN p.text', { id: SEED_PLAN }))[0] ?? '';
});

describe('GET /api/plans', () => {
  it('lists the imported seed plan with the same task and measure counts as the database', async () => {
    const res = await request(app).get('/api/plans').expect(200);
    const body = res.body as PlansResponse;
    expect(body.plans.map((plan) => plan.id)).toEqual([SEED_PLAN]);
    const [plan] = body.plans;
    expect(plan?.title).toContain('哈尔滨');
    expect(plan?.counts.Task).toBe(
      await count('MATCH (n:Task {plan: $plan}) RETURN count(n)', { plan: SEED_PLAN }),
    );
    expect(plan?.counts.Measure).toBe(
      await count('MATCH (n:Measure {plan: $plan}) RETURN count(n)', { plan: SEED_PLAN }),
    );
  });
});

describe('GET /api/plans/:id/text', () => {
  it('returns the slice [from, to) of the normalised text and the whole length', async () => {
    const res = await request(app).get(`/api/plans/${SEED_PLAN}/text?from=10&to=40`).expect(200);
    const body = res.body as PlanTextResponse;
    expect(body.text).toBe(planText.slice(10, 40));
    expect(body.length).toBe(planText.length);
  });

  it('returns the whole text without offsets', async () => {
    const res = await request(app).get(`/api/plans/${SEED_PLAN}/text`).expect(200);
    expect((res.body as PlanTextResponse).text).toBe(planText);
  });

  it('refuses from after to, negative offsets, and an unknown plan', async () => {
    const reversed = await request(app).get(`/api/plans/${SEED_PLAN}/text?from=50&to=10`).expect(400);
    expect(reversed.body.error.code).toBe('INVALID_REQUEST');
    expect(reversed.body.error.details[0].path).toEqual(['query', 'from']);
    await request(app).get(`/api/plans/${SEED_PLAN}/text?from=-1`).expect(400);
    const unknown = await request(app).get('/api/plans/no-such-plan/text').expect(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
  });
});

describe('GET /api/graph', () => {
  it('returns every node and relationship of the plan as Cytoscape.js elements', async () => {
    const res = await request(app).get('/api/graph').expect(200);
    const body = res.body as CyOverviewElements;
    expect(body.nodes).toHaveLength(
      await count('MATCH (n {plan: $plan}) RETURN count(n)', { plan: SEED_PLAN }),
    );
    expect(body.edges).toHaveLength(await count('MATCH ()-[r]->() RETURN count(r)'));
    const ids = new Set(body.nodes.map((node) => node.data.id));
    for (const edge of body.edges) {
      expect(ids.has(edge.data.source)).toBe(true);
      expect(ids.has(edge.data.target)).toBe(true);
    }
    const edgeIds = body.edges.map(({ data }) => data.id ?? `${data.source}|${data.type}|${data.target}`);
    expect(new Set(edgeIds).size).toBe(body.edges.length);
  });

  it('gives every task its domain as compound parent, as the database links them', async () => {
    const res = await request(app).get('/api/graph').expect(200);
    const body = res.body as CyOverviewElements;
    const pairs = await column<[string, string]>(
      'MATCH (d:Domain)-[:HAS_TASK]->(t:Task) RETURN [t.id, d.id]',
    );
    const parentOf = new Map(pairs);
    const tasks = body.nodes.filter((node) => node.data.label === 'Task');
    expect(tasks.length).toBe(pairs.length);
    for (const task of tasks) expect(task.data.parent).toBe(parentOf.get(task.data.id));
  });

  it('answers a repeated request carrying the ETag with 304 Not Modified', async () => {
    const first = await request(app).get('/api/graph').expect(200);
    expect(first.headers.etag).toBeTruthy();
    await request(app).get('/api/graph').set('If-None-Match', String(first.headers.etag)).expect(304);
  });

  it('compresses with brotli or gzip as the client accepts', async () => {
    const br = await request(app).get('/api/graph').set('Accept-Encoding', 'br').expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    const gzip = await request(app).get('/api/graph').set('Accept-Encoding', 'gzip').expect(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
  });

  it('keeps only the asked labels and relationship types', async () => {
    const res = await request(app).get('/api/graph?labels=Domain,Task&types=HAS_TASK').expect(200);
    const body = res.body as CyOverviewElements;
    expect(new Set(body.nodes.map((node) => node.data.label))).toEqual(new Set(['Domain', 'Task']));
    expect(new Set(body.edges.map((edge) => edge.data.type))).toEqual(new Set(['HAS_TASK']));
    expect(body.edges).toHaveLength(await count('MATCH (:Domain)-[r:HAS_TASK]->(:Task) RETURN count(r)'));
  });

  it('narrows to one domain: its tasks only, and the agencies they involve', async () => {
    const [domain] = await column<string>('MATCH (d:Domain {number: 1}) RETURN d.id');
    const res = await request(app).get(`/api/graph?domains=${domain}`).expect(200);
    const body = res.body as CyOverviewElements;
    const taskIds = body.nodes.filter((node) => node.data.label === 'Task').map((node) => node.data.id);
    const expected = await column<string>('MATCH (:Domain {id: $d})-[:HAS_TASK]->(t) RETURN t.id', {
      d: domain,
    });
    expect(new Set(taskIds)).toEqual(new Set(expected));
    expect(body.nodes.filter((node) => node.data.label === 'Domain').map((node) => node.data.id)).toEqual([
      domain,
    ]);
    const agencies = body.nodes.filter((node) => node.data.label === 'Agency').map((node) => node.data.id);
    const linked = await column<string>(
      'MATCH (:Domain {id: $d})-[:HAS_TASK]->(t)-[:HAS_MEASURE*0..1]->()--(a:Agency) RETURN DISTINCT a.id',
      { d: domain },
    );
    expect(agencies.length).toBeGreaterThan(0);
    expect(new Set(agencies)).toEqual(new Set(linked));
  });

  it('drops curated relationships when only text-based evidence is asked for', async () => {
    const res = await request(app).get('/api/graph?basis=text').expect(200);
    const body = res.body as CyOverviewElements;
    expect(body.edges.some((edge) => edge.data.basis === 'curated')).toBe(false);
    expect(body.edges.some((edge) => edge.data.basis === 'text')).toBe(true);
  });

  it('rejects unknown labels, types and bases naming the parameter', async () => {
    for (const query of ['labels=Tsk', 'types=KNOWS', 'basis=rumour', 'plan=Bad%20Plan']) {
      const res = await request(app).get(`/api/graph?${query}`).expect(400);
      expect(res.body.error.code).toBe('INVALID_REQUEST');
      expect(res.body.error.details[0].path[0]).toBe('query');
      expect(res.body.error.message).toContain(query.split('=')[0]);
    }
  });

  it('answers an unknown plan with 404', async () => {
    const res = await request(app).get('/api/graph?plan=no-such-plan').expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('security headers', () => {
  it('sends a CSP that allows the client’s own scripts and blob:/data: images, and no CORS header', async () => {
    const res = await request(app).get('/api/plans').set('Origin', 'https://elsewhere.example').expect(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/img-src 'self' data: blob:/);
    // Served over plain HTTP on loopback or a LAN: an upgrade to https would break every asset.
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a JSON body over the size limit with 413', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .send({ query: 'RETURN 1', params: { big: 'x'.repeat(200_000) } })
      .expect(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
