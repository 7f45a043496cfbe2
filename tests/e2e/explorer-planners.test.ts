// What planners came for, on by default: participation (INVOLVES) and every agency that carries a task are
// drawn in the first view, and a task's details answer who leads and who joins, how it is known, with the
// plan's words for each.
import { afterEach, describe, expect, it } from 'vitest';
import type { NodeDetails } from '../../server/src/domain/types.ts';
import { closeAll, countDrawn, openExplorer, settle } from './_explorer.ts';
import { api } from './_views.ts';

describe('responsibilities', () => {
  afterEach(closeAll);

  it('draws INVOLVES edges and every agency that leads or joins a task with every domain open', async () => {
    const page = await openExplorer('/?lod=all');
    expect(await countDrawn(page, 'edge[type = "INVOLVES"]')).toBeGreaterThan(0);
    const graph = await api<{ edges: Array<{ data: { type: string; target: string } }> }>(page, '/api/graph');
    const carrying = new Set(
      graph.edges
        .filter((e) => e.data.type === 'LED_BY' || e.data.type === 'INVOLVES')
        .map((e) => e.data.target),
    );
    const drawn = await page.evaluate(
      () => window.__cy?.nodes('[label = "Agency"]').map((n) => n.id()) ?? [],
    );
    for (const agency of carrying) expect(drawn).toContain(agency);
  });

  it("answers in a task's details who leads and who joins, with the basis and a quote for each", async () => {
    const page = await openExplorer('/?lod=all');
    const task = await page.evaluate(
      () =>
        window.__cy
          ?.nodes('[label = "Task"]')
          .filter(
            (t) =>
              t.outgoers('edge[type = "LED_BY"]').length > 0 &&
              t.outgoers('edge[type = "INVOLVES"]').length > 0,
          )
          .first()
          .id() ?? '',
    );
    expect(task).not.toBe('');
    await page.evaluate((id) => {
      window.__cy?.getElementById(id).emit('tap');
    }, task);
    await settle(page);
    const details = await api<NodeDetails>(page, `/api/nodes/${encodeURIComponent(task)}`);
    const expected = (type: string) =>
      details.neighbors
        .filter((n) => n.type === type && n.direction === 'out')
        .map((n) => n.node.id)
        .sort();
    const section = page.locator('.details .responsibilities');
    for (const type of ['LED_BY', 'INVOLVES']) {
      const shown = await section
        .locator(`.role-group[data-type="${type}"] .role-agency`)
        .evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.node ?? '').sort());
      expect(shown).toEqual(expected(type));
    }
    const roles = section.locator('.role');
    const count = await roles.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) {
      const role = roles.nth(i);
      await expect(role.locator('.basis-badge').count()).resolves.toBe(1);
      // A role stated in the text carries the words that state it.
      if ((await role.locator('.basis-text').count()) > 0) {
        await expect(role.locator('blockquote mark').count()).resolves.toBeGreaterThan(0);
      }
    }
  });
});
