// The served page itself: the built client loads from the real server, which reports a healthy Neo4j.
import { describe, expect, it } from 'vitest';
import { openPage } from './_browser.ts';

describe('the served explorer', () => {
  it('loads the client page and its health endpoint from the same origin', async () => {
    const page = await openPage('/');
    await expect(page.title()).resolves.toContain('Reform Graph Explorer');
    const health = await page.evaluate(async () => (await fetch('/api/health')).json());
    expect(health.status).toBe('ok');
    expect(health.neo4j.version).toMatch(/^5\.26\./);
  });
});
