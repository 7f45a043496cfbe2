// The read cache over the real database: a repeated read is answered from memory, and a write by another
// client (as `npm run import` beside a running server would be) shows once the data version is rechecked.
import type express from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NodeDetails } from '../../../server/src/domain/types.ts';
import { dataVersionReader } from '../../../server/src/neo4j/data-version.ts';
import { testDatabase, testDriver } from '../_db.ts';
import { apiApp, column, importSeed } from './_seeded-app.ts';

const RECHECK_MS = 100;
let app: express.Express;
let pilot: string;

beforeAll(async () => {
  await importSeed();
  app = apiApp({ dataVersion: dataVersionReader(testDriver(), testDatabase()), cacheRecheckMs: RECHECK_MS });
  pilot = (await column<string>('MATCH (p:Pilot) RETURN p.id ORDER BY p.id LIMIT 1'))[0] ?? '';
});

describe('cached plan-graph reads', () => {
  it('answer a repeated request from memory with the same body', async () => {
    const url = `/api/nodes/${encodeURIComponent(pilot)}/neighbors?depth=2`;
    const first = await request(app).get(url).expect(200);
    const second = await request(app).get(url).expect(200);
    expect(second.headers['x-read-cache']).toBe('hit');
    expect(second.text).toBe(first.text);
  });

  it('show a change written by another client once the version is rechecked', async () => {
    const url = `/api/nodes/${encodeURIComponent(pilot)}`;
    const before = (await request(app).get(url).expect(200)).body as NodeDetails;
    await testDriver().executeQuery(
      'MATCH (p:Pilot {id: $id}) SET p.nameEn = $name',
      { id: pilot, name: 'Renamed by another client' },
      { database: testDatabase() },
    );
    await new Promise((resolve) => setTimeout(resolve, RECHECK_MS + 50));
    const after = (await request(app).get(url).expect(200)).body as NodeDetails;
    expect(before.node.properties.nameEn).not.toBe('Renamed by another client');
    expect(after.node.properties.nameEn).toBe('Renamed by another client');
  });

  it('are not kept for errors: an unknown node is looked up again', async () => {
    const url = '/api/nodes/no-such-plan%3Atask%3A9.9';
    const first = await request(app).get(url).expect(404);
    const second = await request(app).get(url).expect(404);
    expect(first.headers['x-read-cache']).toBe('miss');
    expect(second.headers['x-read-cache']).toBe('miss');
  });
});
