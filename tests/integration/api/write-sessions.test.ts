// One write-authorisation model on the server as `npm start` builds it, listening beyond loopback: the editor
// token is a script's session for the ledger as for scenes, and a logged-in editor saves scenes with the same
// session (and CSRF token) as ledger entries. A viewer's session writes neither.
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { EDITOR_TOKEN_ACTOR } from '../../../server/src/api/auth-middleware.ts';
import { entryUrl, freshLedger, historyUrl, login, type Session, taskId } from '../ledger/_ledger.ts';
import { sceneInput, scenesApp } from '../scenes/_scenes-app.ts';

const TOKEN = 'editor-token-for-the-session-tests';
const TASK = taskId('1.2');

describe('writes on a server that listens beyond loopback', () => {
  let app: Express;
  let editor: Session;
  let viewer: Session;

  beforeAll(async () => {
    await freshLedger({ mei: 'editor', wang: 'viewer' });
    app = scenesApp({ HOST: '0.0.0.0', EDITOR_TOKEN: TOKEN });
    editor = await login(app, 'mei');
    viewer = await login(app, 'wang');
  }, 300_000);

  it('lets a script append a ledger entry with the editor token, authored by the built-in editor', async () => {
    await request(app)
      .post(entryUrl(TASK))
      .set('Authorization', `Bearer ${TOKEN}`)
      .send({ baseVersion: 0, status: 'in-progress', progress: 20, note: 'from the nightly script' })
      .expect(201);
    const history = await request(app).get(historyUrl(TASK)).expect(200);
    expect(history.body.history[0]).toMatchObject({
      author: EDITOR_TOKEN_ACTOR,
      note: 'from the nightly script',
    });
  });

  it('tells a script which session the token opens', async () => {
    const res = await request(app)
      .get('/api/auth/session')
      .set('Authorization', `Bearer ${TOKEN}`)
      .expect(200);
    expect(res.body).toEqual({ user: { username: EDITOR_TOKEN_ACTOR, role: 'editor' }, csrfToken: null });
  });

  it('lets a logged-in editor save a scene with the session and its CSRF token, and not without the token', async () => {
    await editor.agent.post('/api/scenes').send(sceneInput('Without CSRF')).expect(403);
    await editor.agent
      .post('/api/scenes')
      .set('X-CSRF-Token', editor.csrf)
      .send(sceneInput('By Mei'))
      .expect(201);
    const names = (await request(app).get('/api/scenes').expect(200)).body.scenes.map(
      (scene: { name: string }) => scene.name,
    );
    expect(names).toContain('By Mei');
    expect(names).not.toContain('Without CSRF');
  });

  it("refuses a viewer's scene and ledger writes alike (403)", async () => {
    await viewer.agent
      .post('/api/scenes')
      .set('X-CSRF-Token', viewer.csrf)
      .send(sceneInput('By a viewer'))
      .expect(403);
    await viewer.agent
      .post(entryUrl(TASK))
      .set('X-CSRF-Token', viewer.csrf)
      .send({ baseVersion: 1, status: 'done' })
      .expect(403);
  });
});
