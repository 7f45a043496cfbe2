// Scene writes beyond loopback: the editor token is required, reads stay open, and the server will not start
// there without a token.
import pino from 'pino';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/src/config/env.ts';
import { runServer } from '../../../server/src/index.ts';
import { resetDatabase } from '../_db.ts';
import { sceneInput, scenesApp } from './_scenes-app.ts';

const TOKEN = 'editor-token-for-the-tests-0123';

async function sceneCount(app: ReturnType<typeof scenesApp>) {
  return ((await request(app).get('/api/scenes').expect(200)).body.scenes as unknown[]).length;
}

describe('scene writes on a server that listens beyond loopback', () => {
  beforeAll(async () => {
    await resetDatabase();
  });

  it('refuses a scene write without the token, and stores nothing', async () => {
    const app = scenesApp({ HOST: '0.0.0.0', EDITOR_TOKEN: TOKEN });
    const response = await request(app).post('/api/scenes').send(sceneInput('Unauthorised')).expect(401);
    expect(response.body.error.code).toBe('UNAUTHORIZED');
    await request(app).post('/api/scenes/order').send({ ids: [] }).expect(401);
    expect(await sceneCount(app)).toBe(0);
  });

  it('refuses a wrong token', async () => {
    const app = scenesApp({ HOST: '0.0.0.0', EDITOR_TOKEN: TOKEN });
    await request(app)
      .post('/api/scenes')
      .set('Authorization', `Bearer ${TOKEN}x`)
      .send(sceneInput('Wrong'))
      .expect(401);
    expect(await sceneCount(app)).toBe(0);
  });

  it('accepts the write with the token, and tells clients that writes need it', async () => {
    const app = scenesApp({ HOST: '0.0.0.0', EDITOR_TOKEN: TOKEN });
    await request(app)
      .post('/api/scenes')
      .set('Authorization', `Bearer ${TOKEN}`)
      .send(sceneInput('Authorised'))
      .expect(201);
    const listed = await request(app).get('/api/scenes').expect(200);
    expect(listed.body.writeAccess).toBe('token');
    expect(listed.body.scenes.map((scene: { name: string }) => scene.name)).toEqual(['Authorised']);
  });

  it('refuses every write when no token is configured', async () => {
    const app = scenesApp({ HOST: '0.0.0.0' });
    const listed = await request(app).get('/api/scenes').expect(200);
    expect(listed.body.writeAccess).toBe('disabled');
    const [scene] = listed.body.scenes as Array<{ id: string }>;
    await request(app).delete(`/api/scenes/${scene?.id}`).expect(401);
    expect(await sceneCount(app)).toBe(1);
  });

  it('will not start beyond loopback without an editor token, and says what to set', async () => {
    const config = loadConfig({ HOST: '0.0.0.0', PORT: '1', NEO4J_URI: 'bolt://127.0.0.1:1' });
    await expect(runServer({ config, logger: pino({ level: 'silent' }), clientDir: null })).rejects.toThrow(
      /EDITOR_TOKEN/,
    );
  });
});
