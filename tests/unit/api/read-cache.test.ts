// The read cache's rules, over a tiny express app: answers are replayed only while the data version holds,
// a write through the server makes the next read recheck at once, and an overlapping recheck cannot hide it.
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createReadCache } from '../../../server/src/api/read-cache.ts';
import { defineRoute } from '../../../server/src/api/route.ts';

function appWithCache(recheckMs = 60_000) {
  let version = 1;
  let versionReads = 0;
  let handled = 0;
  let gate: Promise<void> | null = null;
  const cache = createReadCache({
    version: async () => {
      versionReads += 1;
      const seen = version;
      if (gate) await gate;
      return String(seen);
    },
    recheckMs,
  });
  const router = express.Router();
  defineRoute(router, new OpenAPIRegistry(), {
    method: 'get',
    path: '/things/:id',
    summary: 'a thing',
    tags: ['test'],
    cache,
    request: { params: z.object({ id: z.string() }) },
    responses: {},
    handler: async ({ params }, _req, res) => {
      handled += 1;
      const filler = params.id === 'big' ? '改革'.repeat(2000) : '';
      res.json({ id: params.id, version, handled, filler });
    },
  });
  router.post('/writes', (_req, res) => {
    version += 1;
    res.status(201).json({ version });
  });
  router.post('/refused', (_req, res) => {
    res.status(400).json({ error: 'no' });
  });
  const app = express();
  app.use(cache.writeWatcher, router);
  return {
    app,
    cache,
    state: () => ({ versionReads, handled }),
    bumpElsewhere: () => {
      version += 1;
    },
    hold: () => {
      let release = () => {};
      gate = new Promise((resolve) => {
        release = resolve;
      });
      return () => {
        gate = null;
        release();
      };
    },
  };
}

describe('the read cache', () => {
  it('answers a repeated read from memory, byte for byte, without running the handler again', async () => {
    const { app, state } = appWithCache();
    const first = await request(app).get('/things/a').expect(200);
    const second = await request(app).get('/things/a').expect(200);
    expect(first.headers['x-read-cache']).toBe('miss');
    expect(second.headers['x-read-cache']).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(second.headers['content-type']).toMatch(/^application\/json/);
    expect(state().handled).toBe(1);
    await request(app).get('/things/b').expect(200);
    expect(state().handled).toBe(2);
  });

  it('replays a big answer already compressed, decoding to the same body and carrying the same ETag', async () => {
    const { app } = appWithCache();
    const first = await request(app).get('/things/big').set('Accept-Encoding', 'identity').expect(200);
    // Compression of the kept answer runs in the thread pool, just after the first answer went out.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const br = await request(app).get('/things/big').set('Accept-Encoding', 'br').expect(200);
    expect(br.headers['x-read-cache']).toBe('hit');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(br.text).toBe(first.text);
    expect(br.headers.etag).toBe(first.headers.etag);
    const gzip = await request(app).get('/things/big').set('Accept-Encoding', 'gzip').expect(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.text).toBe(first.text);
    const plain = await request(app).get('/things/big').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(first.text);
    await request(app).get('/things/big').set('If-None-Match', String(first.headers.etag)).expect(304);
  });

  it('shows a write made through the server on the very next read', async () => {
    const { app } = appWithCache();
    await request(app).get('/things/a').expect(200);
    await request(app).post('/writes').expect(201);
    const after = await request(app).get('/things/a').expect(200);
    expect(after.headers['x-read-cache']).toBe('miss');
    expect(after.body.version).toBe(2);
  });

  it('keeps answering from memory after a refused write, which changed nothing', async () => {
    const { app, state } = appWithCache();
    await request(app).get('/things/a').expect(200);
    await request(app).post('/refused').expect(400);
    await request(app).get('/things/a').expect(200);
    expect(state().versionReads).toBe(1);
  });

  it('shows a write from another process once the version is rechecked', async () => {
    const { app, bumpElsewhere } = appWithCache(50);
    await request(app).get('/things/a').expect(200);
    bumpElsewhere();
    await new Promise((resolve) => setTimeout(resolve, 80));
    const after = await request(app).get('/things/a').expect(200);
    expect(after.body.version).toBe(2);
  });

  it('does not trust a recheck that overlapped a write', async () => {
    const { app, hold } = appWithCache(50);
    await request(app).get('/things/a').expect(200);
    await new Promise((resolve) => setTimeout(resolve, 80));
    // The next read's version check reads version 1, and a write lands (version 2) before the check ends.
    const release = hold();
    const otherRead = request(app)
      .get('/things/b')
      .then((res) => res);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await request(app).post('/writes').expect(201);
    release();
    await otherRead;
    const after = await request(app).get('/things/a').expect(200);
    expect(after.body.version).toBe(2);
  });
});
