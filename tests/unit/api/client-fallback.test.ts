// The built client served from a folder whose path has a dot segment (~/.cache/x): client routes get the
// page, the favicon is served, and a missing file under /api stays a 404 (never a 400).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/src/app.ts';

const home = mkdtempSync(path.join(os.tmpdir(), 'rge-fallback-'));
const clientDir = path.join(home, '.cache', 'explorer', 'dist', 'client');
mkdirSync(clientDir, { recursive: true });
writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Reform Graph Explorer</title>');
writeFileSync(path.join(clientDir, 'favicon.ico'), Buffer.from([0, 0, 1, 0, 0, 0]));

const app = createApp({
  logger: pino({ level: 'silent' }),
  clientDir,
  dbmsInfo: async () => ({ version: '5.26.0', edition: 'community' }),
});

describe('the client page from a folder under a dot-directory', () => {
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('answers every client route with the page', async () => {
    for (const route of ['/', '/?page=matrix', '/views/matrix/deep']) {
      const response = await request(app).get(route).expect(200);
      expect(response.text, route).toContain('Reform Graph Explorer');
    }
  });

  it('serves the favicon', async () => {
    const response = await request(app).get('/favicon.ico').expect(200);
    expect(response.headers['content-type']).toMatch(/icon/);
  });

  it('keeps a missing API path a 404', async () => {
    const response = await request(app).get('/api/no-such-route').expect(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });
});
