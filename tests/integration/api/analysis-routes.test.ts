// The analyses (agency matrix, pilot trace, statistics) and the exports over the real seed plan.
import type express from 'express';
import { XMLParser } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AgencyMatrix, CyElements, PilotTrace, PlanStats } from '../../../server/src/domain/types.ts';
import { apiApp, column, count, importSeed, SEED_PLAN } from './_seeded-app.ts';

/** The plan's own nodes: the corpus level's shared identities (CorpusAgency, CorpusPilot) and the curation
 * layer's bookkeeping sit beside the plan and are not part of its export. */
const PLAN_NODES = 'MATCH (n) WHERE n:PlanData OR n:Plan RETURN count(n)';

const NEW_AREA = 'harbin-2016:pilot:harbin-new-area';
let app: express.Express;
let planText: string;

beforeAll(async () => {
  await importSeed();
  app = apiApp();
  planText = (await column<string>('MATCH (p:Plan {id: $id}) RETURN p.text', { id: SEED_PLAN }))[0] ?? '';
});

/** RFC 4180 rows, quoted fields may hold commas, quotes and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  return rows;
}

describe('GET /api/agencies/matrix', () => {
  it('counts for each pair of agencies the tasks both are involved in, as the database links them', async () => {
    const res = await request(app).get('/api/agencies/matrix?basis=curated').expect(200);
    const body = res.body as AgencyMatrix;
    expect(body.cells.length).toBeGreaterThan(0);
    for (const cell of body.cells.slice(0, 10)) {
      expect(cell.tasks).toHaveLength(cell.count);
      expect(cell.a < cell.b).toBe(true);
      const shared = await column<string>(
        `MATCH (a:Agency {id: $a})<-[ra:LED_BY|INVOLVES]-(t:Task)-[rb:LED_BY|INVOLVES]->(b:Agency {id: $b})
         WHERE ra.basis = 'curated' AND rb.basis = 'curated' RETURN DISTINCT t.id`,
        { a: cell.a, b: cell.b },
      );
      expect(new Set(cell.tasks)).toEqual(new Set(shared));
    }
    const counts = body.cells.map((cell) => cell.count);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
  });

  it('gives each agency the number of tasks it leads or joins', async () => {
    const res = await request(app).get('/api/agencies/matrix?basis=curated').expect(200);
    const body = res.body as AgencyMatrix;
    const [top] = body.agencies;
    expect(top?.taskCount).toBe(
      await count(
        "MATCH (t:Task)-[r:LED_BY|INVOLVES]->(:Agency {id: $id}) WHERE r.basis = 'curated' RETURN count(DISTINCT t)",
        { id: top?.id },
      ),
    );
  });

  it('keeps to the tasks of the asked domains', async () => {
    const [domain] = await column<string>('MATCH (d:Domain {number: 2}) RETURN d.id');
    const res = await request(app).get(`/api/agencies/matrix?domains=${domain}`).expect(200);
    const inDomain = new Set(
      await column<string>('MATCH (:Domain {id: $d})-[:HAS_TASK]->(t) RETURN t.id', { d: domain }),
    );
    for (const cell of (res.body as AgencyMatrix).cells)
      for (const t of cell.tasks) expect(inDomain.has(t)).toBe(true);
  });

  it('rejects an unknown basis', async () => {
    await request(app).get('/api/agencies/matrix?basis=hearsay').expect(400);
  });
});

describe('GET /api/pilots/:id/trace', () => {
  it('follows Harbin New Area through its tasks, domains and passages in document order', async () => {
    const res = await request(app)
      .get(`/api/pilots/${encodeURIComponent(NEW_AREA)}/trace`)
      .expect(200);
    const body = res.body as PilotTrace;
    expect(body.pilot.properties.name).toBe('哈尔滨新区');
    const piloting = await column<string>('MATCH (t:Task)-[:PILOTED_IN]->(:Pilot {id: $id}) RETURN t.id', {
      id: NEW_AREA,
    });
    for (const id of piloting) expect(body.tasks.map((t) => t.id)).toContain(id);
    const domains = await column<string>(
      'MATCH (d:Domain)-[:HAS_TASK]->(t:Task) WHERE t.id IN $tasks RETURN DISTINCT d.id',
      { tasks: body.tasks.map((t) => t.id) },
    );
    expect(new Set(body.domains.map((d) => d.id))).toEqual(new Set(domains));
    expect(body.passages.length).toBeGreaterThanOrEqual(
      await count('MATCH ()-[r:MENTIONS]->(:Pilot {id: $id}) RETURN count(r)', { id: NEW_AREA }),
    );
    for (const passage of body.passages)
      expect(planText.slice(passage.start, passage.end)).toBe(passage.quote);
    const starts = body.passages.map((p) => p.start);
    const [status] = await column<string>('MATCH (p:Pilot {id: $id}) RETURN p.statusEvidence', {
      id: NEW_AREA,
    });
    expect(body.passages.some((p) => p.node === NEW_AREA && p.quote === status)).toBe(true);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const taskStarts = body.tasks.map((t) => Number(t.properties.start));
    expect(taskStarts).toEqual([...taskStarts].sort((a, b) => a - b));
  });

  it('answers a node that is not a pilot with 404', async () => {
    const res = await request(app).get('/api/pilots/harbin-2016:task:3.1.1/trace').expect(404);
    expect(res.body.error.message).toContain('pilot');
    await request(app).get('/api/pilots/nowhere/trace').expect(404);
  });
});

describe('GET /api/stats', () => {
  it('counts labels and relationship types as stored and ranks tasks by degree and betweenness', async () => {
    const res = await request(app).get('/api/stats').expect(200);
    const body = res.body as PlanStats;
    expect(body.nodes.Task).toBe(await count('MATCH (n:Task) RETURN count(n)'));
    expect(body.relationships.DEPENDS_ON).toBe(await count('MATCH ()-[r:DEPENDS_ON]->() RETURN count(r)'));
    expect(body.byDegree.length).toBeGreaterThan(0);
    const degrees = body.byDegree.map((r) => r.value);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    const tasks = new Set(await column<string>('MATCH (t:Task) RETURN t.id'));
    for (const ranking of [...body.byDegree, ...body.byBetweenness]) expect(tasks.has(ranking.id)).toBe(true);
    for (const { value } of body.byBetweenness) expect(value >= 0 && value <= 1).toBe(true);
    expect(body.byBetweenness[0]?.value).toBeGreaterThan(0);
  });

  it('gives the top task by degree as many non-outline relationships as the database has', async () => {
    const res = await request(app).get('/api/stats').expect(200);
    const [top] = (res.body as PlanStats).byDegree;
    const stored = await count(
      `MATCH (t:Task {id: $id})-[r]-(m) WHERE NOT type(r) IN ['HAS_TASK'] AND NOT m:Plan AND NOT m:Chapter
       AND NOT m:Section AND NOT m:Domain RETURN count(DISTINCT m)`,
      { id: top?.id },
    );
    expect(top?.value).toBe(stored);
  });
});

describe('GET /api/export', () => {
  it('writes GraphML that an XML parser reads with the database’s node and edge counts', async () => {
    const res = await request(app)
      .get('/api/export?format=graphml')
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const parsed = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['node', 'edge', 'key', 'data'].includes(name),
    }).parse(res.body as string);
    const graph = parsed.graphml.graph;
    expect(graph.node).toHaveLength(await count(PLAN_NODES));
    expect(graph.edge).toHaveLength(await count('MATCH ()-[r]->() RETURN count(r)'));
    const keys = parsed.graphml.key as Array<Record<string, string>>;
    expect(keys.some((key) => key['@_attr.name'] === 'nameEn' && key['@_for'] === 'node')).toBe(true);
  });

  it('zips neo4j-admin import CSVs with typed headers, one row per node and relationship', async () => {
    const res = await request(app)
      .get('/api/export?format=csv')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('application/zip');
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    const nodes = parseCsv(strFromU8(files['nodes.csv'] as Uint8Array));
    const rels = parseCsv(strFromU8(files['relationships.csv'] as Uint8Array));
    expect(nodes[0]?.slice(0, 2)).toEqual(['id:ID', ':LABEL']);
    expect(nodes[0]).toContain('start:long');
    expect(rels[0]?.slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
    expect(nodes.length - 1).toBe(await count(PLAN_NODES));
    expect(rels.length - 1).toBe(await count('MATCH ()-[r]->() RETURN count(r)'));
    expect(nodes.every((row) => row.length === nodes[0]?.length)).toBe(true);
    expect(strFromU8(files['README.txt'] as Uint8Array)).toContain('neo4j-admin database import full');
  });

  it('downloads Cytoscape.js JSON holding every element', async () => {
    const res = await request(app).get('/api/export?format=json').expect(200);
    const body = JSON.parse(res.text) as { elements: CyElements };
    expect(body.elements.nodes).toHaveLength(await count(PLAN_NODES));
  });

  it('requires a known format', async () => {
    await request(app).get('/api/export').expect(400);
    await request(app).get('/api/export?format=pdf').expect(400);
  });
});
