// A user's own document, imported with no annotation file, served by the API as a plan of its own: the title
// block's metadata in the plan list, and the bodies and roles the text states (in its 重点任务, 国发〔2019〕5号 says
// 市场监管总局要会同有关部门制定联合抽查事项清单: the body leads the task, with those words as evidence).
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type express from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlansResponse } from '../../../server/src/domain/types.ts';
import { importPlan } from '../../../server/src/import/plan-import.ts';
import { resetDatabase, testDatabase, testDriver } from '../_db.ts';
import { apiApp, column } from './_seeded-app.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../../../shared/corpus/state-council');
const PLAN = 'guofa-2019-005';

let app: express.Express;

beforeAll(async () => {
  await resetDatabase();
  // A copy in an empty folder, as a user's file would be: no annotation beside it.
  const folder = mkdtempSync(path.join(tmpdir(), 'own-document-'));
  const file = path.join(folder, `${PLAN}.md`);
  copyFileSync(path.join(CORPUS, `${PLAN}.md`), file);
  await importPlan(testDriver(), testDatabase(), { markdownPath: file });
  app = apiApp();
});

describe('a State Council opinion imported without annotation', () => {
  it('lists the plan with its document number, kind, issuer and date of issue', async () => {
    const body = (await request(app).get('/api/plans').expect(200)).body as PlansResponse;
    const plan = body.plans.find((p) => p.id === PLAN);
    expect(plan).toMatchObject({
      title: '国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见',
      docNumber: '国发〔2019〕5号',
      kind: '意见',
      issuer: '国务院',
      issuedOn: '2019-01-27',
    });
  });

  it('has 市场监管总局 as one agency, leading tasks with the words that say so', async () => {
    const agencies = await column<string>(
      'MATCH (a:Agency {plan: $plan}) WHERE a.name = "国家市场监督管理总局" OR "市场监管总局" IN a.aliases OR a.name = "市场监管总局" RETURN a.id',
      { plan: PLAN },
    );
    expect(agencies).toHaveLength(1);
    const evidence = await column<string>(
      'MATCH (:Task {plan: $plan})-[r:LED_BY]->(a:Agency {id: $id}) RETURN r.evidence',
      { plan: PLAN, id: agencies[0] },
    );
    expect(evidence.some((quote) => quote.includes('市场监管总局要会同有关部门制定联合抽查事项清单'))).toBe(
      true,
    );
    const details = (
      await request(app)
        .get(`/api/nodes/${encodeURIComponent(agencies[0] ?? '')}`)
        .expect(200)
    ).body as { node: { properties: Record<string, unknown> } };
    expect(details.node.properties.nameEn).toBe('State Administration for Market Regulation');
  });
});
