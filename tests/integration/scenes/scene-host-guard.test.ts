// DNS rebinding and cross-site writes against a loopback server whose scene writes need no token: a request
// addressed to a foreign name, or a write from a foreign page, is refused and stores nothing; the server's
// own names (and PUBLIC_URL) keep working.
import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../_db.ts';
import { sceneInput, scenesApp } from './_scenes-app.ts';

async function sceneNames(app: ReturnType<typeof scenesApp>): Promise<string[]> {
  const listed = await request(app).get('/api/scenes').expect(200);
  return (listed.body.scenes as Array<{ name: string }>).map((scene) => scene.name);
}

describe('a loopback server with open scene writes', () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  it('refuses a scene write addressed to a foreign host name (DNS rebinding), and stores nothing', async () => {
    const app = scenesApp({ HOST: '127.0.0.1' });
    const response = await request(app)
      .post('/api/scenes')
      .set('Host', 'attacker.example:8080')
      .send(sceneInput('Rebound'))
      .expect(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
    expect(response.body.error.message).toContain('PUBLIC_URL');
    // Reads by that name are refused too, so the page cannot read the user's data either.
    await request(app).get('/api/scenes').set('Host', 'attacker.example').expect(403);
    expect(await sceneNames(app)).toEqual([]);
  });

  it('refuses a write whose Origin is another site, even when the Host is right', async () => {
    const app = scenesApp({ HOST: '127.0.0.1' });
    for (const origin of ['http://attacker.example', 'null', 'http://127.0.0.1.attacker.example:8080']) {
      const response = await request(app)
        .post('/api/scenes')
        .set('Host', '127.0.0.1:8080')
        .set('Origin', origin)
        .send(sceneInput(`From ${origin}`))
        .expect(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
    expect(await sceneNames(app)).toEqual([]);
  });

  it('accepts writes by its own loopback names, from its own pages, and by PUBLIC_URL', async () => {
    const app = scenesApp({ HOST: '127.0.0.1', PUBLIC_URL: 'https://reform.example.org' });
    await request(app)
      .post('/api/scenes')
      .set('Host', 'localhost:8080')
      .set('Origin', 'http://localhost:8080')
      .send(sceneInput('Local page'))
      .expect(201);
    await request(app).post('/api/scenes').set('Host', '[::1]:8080').send(sceneInput('Script')).expect(201);
    await request(app)
      .post('/api/scenes')
      .set('Host', 'reform.example.org')
      .set('Origin', 'https://reform.example.org')
      .send(sceneInput('Behind a proxy'))
      .expect(201);
    expect((await sceneNames(app)).sort()).toEqual(['Behind a proxy', 'Local page', 'Script']);
  });
});
