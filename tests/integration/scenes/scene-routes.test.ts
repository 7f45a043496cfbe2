// Presentation scenes through the API on a loopback server: create, read, rename, reorder, delete, export
// and import, stored in Neo4j apart from the plan so that a re-import of the plan keeps them.
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scene, ScenesFile, ScenesResponse } from '../../../server/src/domain/types.ts';
import { importPlan } from '../../../server/src/import/plan-import.ts';
import { resetDatabase, testDatabase, testDriver } from '../_db.ts';
import { SEED_MD } from '../api/_seeded-app.ts';
import { sceneInput, scenesApp } from './_scenes-app.ts';

const app = () => scenesApp({ HOST: '127.0.0.1' });

async function listed(): Promise<ScenesResponse> {
  const response = await request(app()).get('/api/scenes').expect(200);
  return response.body as ScenesResponse;
}

const names = (scenes: Scene[]) => scenes.map((scene) => scene.name);

describe('scenes on a loopback server', () => {
  beforeAll(async () => {
    await resetDatabase();
  });

  it('starts with no scenes and says that writes are open on loopback', async () => {
    expect(await listed()).toEqual({ scenes: [], writeAccess: 'open' });
  });

  it('stores created scenes in the order they were added, with their caption and state', async () => {
    for (const name of ['Overview', 'Domains', 'Pilot']) {
      const response = await request(app()).post('/api/scenes').send(sceneInput(name)).expect(201);
      expect(response.body.id).toMatch(/^scene:/);
    }
    const { scenes } = await listed();
    expect(names(scenes)).toEqual(['Overview', 'Domains', 'Pilot']);
    expect(scenes.map((scene) => scene.order)).toEqual([0, 1, 2]);
    expect(scenes[1]?.caption).toBe('Domains caption');
    expect(scenes[1]?.state).toEqual(sceneInput('Domains').state);
  });

  it('renames a scene and changes its caption without touching its state', async () => {
    const [first] = (await listed()).scenes;
    if (!first) throw new Error('no scene');
    const response = await request(app())
      .put(`/api/scenes/${first.id}`)
      .send({ name: 'The whole plan', caption: '全局' })
      .expect(200);
    expect(response.body).toMatchObject({ id: first.id, name: 'The whole plan', caption: '全局' });
    const again = await request(app()).get(`/api/scenes/${first.id}`).expect(200);
    expect(again.body.state).toEqual(first.state);
  });

  it('reorders the scenes, and refuses an order that leaves one out', async () => {
    const { scenes } = await listed();
    const ids = scenes.map((scene) => scene.id);
    const reversed = [...ids].reverse();
    const response = await request(app()).post('/api/scenes/order').send({ ids: reversed }).expect(200);
    expect((response.body as ScenesResponse).scenes.map((scene) => scene.id)).toEqual(reversed);

    const partial = await request(app())
      .post('/api/scenes/order')
      .send({ ids: reversed.slice(1) })
      .expect(400);
    expect(partial.body.error.code).toBe('INVALID_REQUEST');
    expect((await listed()).scenes.map((scene) => scene.id)).toEqual(reversed);
  });

  it('deletes a scene, and answers 404 for it afterwards', async () => {
    const { scenes } = await listed();
    const victim = scenes[0];
    if (!victim) throw new Error('no scene');
    await request(app()).delete(`/api/scenes/${victim.id}`).expect(204);
    await request(app()).get(`/api/scenes/${victim.id}`).expect(404);
    await request(app()).delete(`/api/scenes/${victim.id}`).expect(404);
    expect((await listed()).scenes).toHaveLength(2);
  });

  it('rejects a scene without a name or with a malformed state, naming the field', async () => {
    const noName = await request(app())
      .post('/api/scenes')
      .send({ ...sceneInput('x'), name: '  ' })
      .expect(400);
    expect(JSON.stringify(noName.body.error.details)).toContain('name');
    const badState = await request(app())
      .post('/api/scenes')
      .send({ ...sceneInput('x'), state: { link: '?a=1', positions: { n: { x: 'left', y: 0 } } } })
      .expect(400);
    expect(JSON.stringify(badState.body.error.details)).toContain('positions');
    expect((await listed()).scenes).toHaveLength(2);
  });

  it('exports the scenes as a file that imports back, appended or replacing', async () => {
    const exported = await request(app()).get('/api/scenes/export').expect(200);
    expect(exported.headers['content-disposition']).toContain('reform-graph-scenes.json');
    const file = exported.body as ScenesFile;
    expect(file.format).toBe('reform-graph-scenes');
    expect(file.scenes.map((scene) => scene.name)).toEqual(names((await listed()).scenes));

    await request(app()).post('/api/scenes/import').send(file).expect(200);
    expect((await listed()).scenes).toHaveLength(4);

    const replaced = await request(app()).post('/api/scenes/import?mode=replace').send(file).expect(200);
    expect(names((replaced.body as ScenesResponse).scenes)).toEqual(file.scenes.map((scene) => scene.name));

    const wrongFormat = await request(app())
      .post('/api/scenes/import')
      .send({ ...file, format: 'something-else' })
      .expect(400);
    expect(wrongFormat.body.error.message).toContain('format');
  });

  it('keeps the scenes when the plan is imported again', async () => {
    const before = names((await listed()).scenes);
    await importPlan(testDriver(), testDatabase(), { markdownPath: SEED_MD });
    await importPlan(testDriver(), testDatabase(), { markdownPath: SEED_MD });
    expect(names((await listed()).scenes)).toEqual(before);
    const { records } = await testDriver().executeQuery(
      'MATCH (s:Scene) RETURN count(s) AS scenes, count(s.plan) AS withPlan',
      {},
      { database: testDatabase() },
    );
    expect(records[0]?.get('scenes')).toBe(before.length);
    expect(records[0]?.get('withPlan')).toBe(0);
  });

  it('lists the scene routes in the OpenAPI document', async () => {
    const doc = (await request(app()).get('/api/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(doc.paths['/api/scenes'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/api/scenes/{id}'] ?? {})).toEqual(
      expect.arrayContaining(['get', 'put', 'delete']),
    );
  });
});
