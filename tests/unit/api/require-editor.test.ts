// Writes need the editor token exactly when the server listens beyond loopback.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { requireEditor } from '../../../server/src/api/require-editor.ts';

const TOKEN = 'a-long-editor-token-0123456789';

function app(host: string, token: string | undefined) {
  const server = express();
  server.post('/api/edit', requireEditor({ host, token }), (_req, res) => {
    res.json({ ok: true });
  });
  return server;
}

describe('requireEditor', () => {
  it.each(['127.0.0.1', '::1', 'localhost'])(
    'lets writes through without a token on loopback host %s',
    async (host) => {
      await request(app(host, undefined)).post('/api/edit').expect(200);
    },
  );

  it('refuses writes beyond loopback without the token, with a JSON 401 that says how', async () => {
    const res = await request(app('0.0.0.0', TOKEN)).post('/api/edit').expect(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
    expect(res.body.error.message).toContain('Authorization: Bearer');
  });

  it('refuses a wrong token and accepts the right one', async () => {
    await request(app('0.0.0.0', TOKEN)).post('/api/edit').set('Authorization', 'Bearer nope').expect(401);
    await request(app('0.0.0.0', TOKEN))
      .post('/api/edit')
      .set('Authorization', `Bearer ${TOKEN}`)
      .expect(200);
  });

  it('keeps writes disabled beyond loopback when no EDITOR_TOKEN is configured', async () => {
    const res = await request(app('192.168.1.10', undefined))
      .post('/api/edit')
      .set('Authorization', 'Bearer ')
      .expect(401);
    expect(res.body.error.message).toContain('EDITOR_TOKEN');
  });
});
