// What GET /api/graph costs on the wire and what it leaves out: the overview a browser downloads first is
// slim (issue 7: ≤ 16 brotli bytes per element), and everything it leaves out is still one request away.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CyElements, CyOverviewElements, NodeDetails } from '../../../server/src/domain/types.ts';
import { apiApp, column, count, importSeed, SEED_PLAN } from './_seeded-app.ts';

const NODE_FIELDS = new Set(['id', 'label', 'name', 'nameEn', 'parent']);
const EDGE_FIELDS = new Set(['id', 'source', 'target', 'type', 'basis', 'weight', 'kind']);

let server: http.Server;
let base: string;
let app: ReturnType<typeof apiApp>;

/** The response as a browser receives it: raw bytes and the encoding the server chose. */
function download(path: string, acceptEncoding: string): Promise<{ body: Buffer; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ body: Buffer.concat(chunks), encoding: String(res.headers['content-encoding'] ?? '') }),
        );
      })
      .on('error', reject);
  });
}

const edgeId = (data: CyOverviewElements['edges'][number]['data']) =>
  data.id ?? `${data.source}|${data.type}|${data.target}`;

beforeAll(async () => {
  await importSeed();
  app = apiApp();
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the overview GET /api/graph sends by default', () => {
  it('costs at most 16 brotli bytes per element for the seed plan', async () => {
    const { body, encoding } = await download(`/api/graph?plan=${SEED_PLAN}`, 'br');
    expect(encoding).toBe('br');
    const graph = JSON.parse(brotliDecompressSync(body).toString('utf8')) as CyOverviewElements;
    const elements = graph.nodes.length + graph.edges.length;
    expect(elements).toBe(
      (await count('MATCH (n {plan: $plan}) RETURN count(n)', { plan: SEED_PLAN })) +
        (await count('MATCH ()-[r]->() RETURN count(r)')),
    );
    expect(body.length / elements).toBeLessThanOrEqual(16);
  });

  it('carries only what drawing and filtering need, and no empty fields', async () => {
    const graph = (await request(app).get('/api/graph').expect(200)).body as CyOverviewElements;
    for (const { data } of graph.nodes) {
      for (const [key, value] of Object.entries(data)) {
        expect(NODE_FIELDS.has(key), `node field ${key}`).toBe(true);
        expect(value).not.toBeNull();
      }
    }
    for (const { data } of graph.edges) {
      for (const [key, value] of Object.entries(data)) {
        expect(EDGE_FIELDS.has(key), `edge field ${key}`).toBe(true);
        expect(value).not.toBeNull();
      }
    }
    const curated = graph.edges.filter(({ data }) => data.basis === 'curated');
    expect(curated.length).toBe(await count("MATCH ()-[r {basis: 'curated'}]->() RETURN count(r)"));
    const weighted = graph.edges.filter(({ data }) => typeof data.weight === 'number');
    expect(weighted.length).toBe(await count('MATCH ()-[r:DEPENDS_ON]->() RETURN count(r)'));
  });

  it("cuts a measure's sentence to its opening, which starts the full text GET /api/nodes/:id returns", async () => {
    const graph = (await request(app).get('/api/graph').expect(200)).body as CyOverviewElements;
    const stored = new Map(
      await column<[string, string]>('MATCH (m:Measure {plan: $plan}) RETURN [m.id, m.text]', {
        plan: SEED_PLAN,
      }),
    );
    const measures = graph.nodes.filter(({ data }) => data.label === 'Measure');
    expect(measures).toHaveLength(stored.size);
    const cut = measures.filter(({ data }) => data.name.endsWith('…'));
    expect(cut.length).toBeGreaterThan(stored.size / 2);
    for (const { data } of measures) {
      const text = stored.get(data.id) ?? '';
      expect(Array.from(data.name).length).toBeLessThanOrEqual(16);
      expect(text.startsWith(data.name.replace(/…$/, ''))).toBe(true);
    }
    const sample = cut[0]?.data.id ?? '';
    const details = (
      await request(app)
        .get(`/api/nodes/${encodeURIComponent(sample)}`)
        .expect(200)
    ).body as NodeDetails;
    expect(details.node.properties.text).toBe(stored.get(sample));
    expect(details.provenance.length).toBeGreaterThan(0);
  });

  it('names edges so that the ids a client rebuilds are the ids the rest of the API uses', async () => {
    const slim = (await request(app).get('/api/graph').expect(200)).body as CyOverviewElements;
    const full = (await request(app).get('/api/graph?detail=full').expect(200)).body as CyElements;
    expect(slim.edges.map(({ data }) => edgeId(data)).sort()).toEqual(
      full.edges.map(({ data }) => data.id).sort(),
    );
  });
});

describe('GET /api/graph?detail=full', () => {
  it('sends every property, texts and evidence included, as the JSON export does', async () => {
    const full = (await request(app).get('/api/graph?detail=full').expect(200)).body as CyElements;
    const exported = JSON.parse((await request(app).get('/api/export?format=json').expect(200)).text) as {
      elements: CyElements;
    };
    // The export also carries the plan's whole text, which GET /api/plans/:id/text serves to the views.
    const withoutPlanText = exported.elements.nodes.map(({ data }) => {
      if (data.label !== 'Plan') return { data };
      const { text: _text, ...rest } = data;
      return { data: rest };
    });
    expect(full.nodes).toEqual(withoutPlanText);
    expect(full.edges).toEqual(exported.elements.edges);
    const [id, text] = (
      await column<[string, string]>('MATCH (m:Measure {plan: $plan}) RETURN [m.id, m.text] LIMIT 1', {
        plan: SEED_PLAN,
      })
    )[0] ?? ['', ''];
    expect(full.nodes.find(({ data }) => data.id === id)?.data.text).toBe(text);
    expect(
      full.edges.some(({ data }) => typeof data.evidence === 'string' || Array.isArray(data.evidence)),
    ).toBe(true);
  });
});
