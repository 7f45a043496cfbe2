// An install under a folder whose path has a dot segment (a clone in ~/.cache/x or ~/.local/…): the server
// still serves the favicon and every client route, and the first page shows no console error.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApiRouters } from '../../server/src/api/routers.ts';
import { loadConfig } from '../../server/src/config/env.ts';
import { type RunningServer, runServer } from '../../server/src/index.ts';
import { createLogger } from '../../server/src/logger.ts';
import { freePort } from '../support/_test-neo4j.ts';
import { openPage } from './_browser.ts';

const BUILT_CLIENT = path.resolve(import.meta.dirname, '../../dist/client');

/** Console errors and uncaught exceptions of a page, from the moment it is opened. */
function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

describe('the explorer installed under a dot-directory', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'rge-home-'));
  const clientDir = path.join(home, '.cache', 'reform-graph-explorer', 'dist', 'client');
  let running: RunningServer;

  beforeAll(async () => {
    cpSync(BUILT_CLIENT, clientDir, { recursive: true });
    const neo4j = inject('e2eNeo4j');
    const config = loadConfig({
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
      LOG_LEVEL: 'silent',
    });
    const logger = createLogger(config.LOG_LEVEL);
    running = await runServer({
      config,
      logger,
      clientDir,
      say: () => {},
      apiRouters: (connection) => buildApiRouters(connection, config, logger),
    });
  });
  afterAll(async () => {
    await running?.shutdown();
    rmSync(home, { recursive: true, force: true });
  });

  it('serves /favicon.ico as an icon', async () => {
    const response = await fetch(new URL('/favicon.ico', running.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/icon/);
    // An ICO file starts with reserved 0, type 1 (icon).
    expect([...new Uint8Array(await response.arrayBuffer()).slice(0, 4)]).toEqual([0, 0, 1, 0]);
  });

  it('serves client routes (a view and a deep path) as the client page', async () => {
    for (const route of ['/?page=matrix', '/views/matrix/deep/path']) {
      const response = await fetch(new URL(route, running.url));
      expect(response.status, route).toBe(200);
      expect(await response.text(), route).toContain('Reform Graph Explorer');
    }
  });

  it('loads the matrix view in the browser with no console error', async () => {
    const page = await openPage('about:blank', undefined, running.url);
    const errors = errorsOf(page);
    const response = await page.goto(new URL('/?page=matrix', running.url).toString());
    expect(response?.status()).toBe(200);
    await page.waitForFunction(() => window.__views?.page() === 'matrix');
    await page.evaluate(() => window.__views?.idle());
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
