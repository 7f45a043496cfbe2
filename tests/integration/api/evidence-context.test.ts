// Evidence is the text: every quote the API gives, for every node of the seed, comes inside one contiguous
// passage of Plan.text (its sentence and a neighbour on each side) that holds it — in node details, pilot
// traces and exports alike. A researcher who copies the context cites a passage that exists in the plan.
import type express from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  CyElements,
  NodeDetails,
  PassageContext,
  PilotTrace,
} from '../../../server/src/domain/types.ts';
import { apiApp, column, importSeed, SEED_PLAN } from './_seeded-app.ts';

const NEW_AREA = 'harbin-2016:pilot:harbin-new-area';
let app: express.Express;
let planText: string;
let nodeIds: string[];

beforeAll(async () => {
  await importSeed();
  app = apiApp();
  planText = (await column<string>('MATCH (p:Plan {id: $id}) RETURN p.text', { id: SEED_PLAN }))[0] ?? '';
  nodeIds = await column<string>('MATCH (n {plan: $plan}) RETURN n.id ORDER BY n.id', { plan: SEED_PLAN });
});

interface Placed {
  quote: string;
  start: number;
  end: number;
  context: PassageContext;
  before: string;
  after: string;
}

/** The problems with one quote's context, as sentences a failure message can show (empty when it is right). */
function contextProblems(where: string, q: Placed): string[] {
  const problems: string[] = [];
  const { context } = q;
  if (planText.slice(q.start, q.end) !== q.quote)
    problems.push(`${where}: quote is not the text at its offsets`);
  if (planText.slice(context.start, context.end) !== context.text) {
    problems.push(`${where}: context is not Plan.text at its offsets`);
  }
  if (!(context.start <= q.start && q.end <= context.end))
    problems.push(`${where}: context misses the quote`);
  if (q.before + q.quote + q.after !== context.text) problems.push(`${where}: before+quote+after ≠ context`);
  return problems;
}

/** Whether the context reaches the end of the quote's own sentence (a sentence ends with 。！？； or a line). */
function endsWholeSentence(q: Placed): boolean {
  const rest = planText.slice(q.end, q.context.end);
  const own = planText.slice(q.end).search(/[。！？；!?;\n]/u);
  return own < 0 || own < rest.length || /[。！？；!?;]$/u.test(q.quote);
}

describe('evidence contexts in GET /api/nodes/:id', () => {
  it('are, for every quote of every node of the seed, one contiguous substring of Plan.text holding the quote', async () => {
    expect(nodeIds.length).toBeGreaterThan(100);
    const problems: string[] = [];
    let quotes = 0;
    for (const id of nodeIds) {
      const res = await request(app)
        .get(`/api/nodes/${encodeURIComponent(id)}`)
        .expect(200);
      const body = res.body as NodeDetails;
      for (const q of body.provenance) {
        quotes += 1;
        problems.push(...contextProblems(`${id} via ${q.via}`, q));
        if (!endsWholeSentence(q))
          problems.push(`${id} via ${q.via}: the rest of the quote's sentence is cut`);
      }
    }
    expect(problems).toEqual([]);
    expect(quotes).toBeGreaterThan(nodeIds.length);
  });

  it("keeps the whole sentence around Harbin New Area's first quote (the issue's example) and its neighbours", async () => {
    const res = await request(app)
      .get(`/api/nodes/${encodeURIComponent(NEW_AREA)}`)
      .expect(200);
    const first = (res.body as NodeDetails).provenance[0];
    expect(first).toBeDefined();
    if (!first) return;
    // The sentence that holds the quote, read from the plan text by its terminators.
    const sentenceStart = planText.slice(0, first.start).search(/[^。！？；\n]*$/u);
    const sentenceEnd = first.end + planText.slice(first.end).search(/[。！？；\n]/u) + 1;
    const sentence = planText.slice(sentenceStart, sentenceEnd);
    expect(first.context.text).toContain(sentence);
    expect(first.context.start).toBeLessThan(sentenceStart);
    expect(first.context.end).toBeGreaterThan(sentenceEnd);
  });
});

describe('evidence contexts elsewhere', () => {
  it('hold in the pilot trace of every pilot', async () => {
    const pilots = await column<string>('MATCH (p:Pilot {plan: $plan}) RETURN p.id', { plan: SEED_PLAN });
    const problems: string[] = [];
    for (const id of pilots) {
      const res = await request(app)
        .get(`/api/pilots/${encodeURIComponent(id)}/trace`)
        .expect(200);
      for (const q of (res.body as PilotTrace).passages) problems.push(...contextProblems(`${id} trace`, q));
    }
    expect(problems).toEqual([]);
  });

  it('travel with the evidence in the Cytoscape JSON export, one context per quote', async () => {
    const res = await request(app).get(`/api/export?plan=${SEED_PLAN}&format=json`).expect(200);
    const { elements } = JSON.parse(res.text) as { elements: CyElements };
    const withContext = [...elements.nodes, ...elements.edges].filter((e) =>
      Array.isArray(e.data.evidenceContext),
    );
    expect(withContext.length).toBeGreaterThan(100);
    for (const { data } of withContext) {
      const texts = data.evidenceContext as string[];
      const starts = data.evidenceContextStart as number[];
      const ends = data.evidenceContextEnd as number[];
      texts.forEach((text, i) => {
        expect(planText.slice(starts[i], ends[i])).toBe(text);
      });
    }
  });
});
