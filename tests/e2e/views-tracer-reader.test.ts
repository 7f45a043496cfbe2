// The pilot tracer and the reader: the bonded zone's tasks in document order with links that open the reader
// at the sentence, and a highlighted mention in the reader that focuses its node in the graph.
import { describe, expect, it } from 'vitest';
import type { PilotTrace, PlanTextResponse, SearchResponse } from '../../server/src/domain/types.ts';
import { openPage, screenshot } from './_browser.ts';
import { api, explorerIdle, sentenceOf, viewReady } from './_views.ts';

describe('the pilot tracer', () => {
  it('lists the tasks that mention 综合保税区 in document order, and its links open the reader at the sentence', async () => {
    const page = await openPage('/?page=tracer', { width: 1440, height: 900 });
    await viewReady(page, 'tracer');
    const search = await api<SearchResponse>(
      page,
      `/api/search?q=${encodeURIComponent('综合保税区')}&labels=Pilot`,
    );
    const pilot = search.hits[0]?.id as string;
    expect(search.hits[0]?.name).toContain('综合保税区');
    await page.selectOption('select[data-role="pilot"]', pilot);
    await viewReady(page, 'tracer');

    const trace = await api<PilotTrace>(page, `/api/pilots/${encodeURIComponent(pilot)}/trace`);
    const listed = await page.$$eval('.traced-tasks [data-task-id]', (items) =>
      items.map((item) => (item as HTMLElement).dataset.taskId as string),
    );
    expect(listed).toEqual(trace.tasks.map((task) => task.id));
    const starts = trace.tasks.map((task) => Number(task.properties.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // Every task whose own text names the zone is among them.
    const names = [
      String(trace.pilot.properties.name),
      ...((trace.pilot.properties.aliases as string[]) ?? []),
    ];
    const graph = await api<{ nodes: Array<{ data: { id: string; label: string; text?: string } }> }>(
      page,
      '/api/graph?labels=Task&detail=full',
    );
    const naming = graph.nodes
      .filter((node) => names.some((name) => node.data.text?.includes(name)))
      .map((node) => node.data.id);
    expect(naming.length).toBeGreaterThan(0);
    for (const id of naming) expect(listed).toContain(id);
    await screenshot(page, 'views-tracer-bonded-zone');

    const plan = String(trace.pilot.properties.plan);
    const text = (await api<PlanTextResponse>(page, `/api/plans/${plan}/text`)).text;
    const firstTaskPassage = trace.passages.find(
      (passage) => passage.label === 'Measure' || passage.label === 'Task',
    );
    expect(firstTaskPassage).toBeTruthy();
    const passage = firstTaskPassage as PilotTrace['passages'][number];
    // One item per sentence: the one whose mentions span this passage.
    const item = await page.$$eval(
      '.passage',
      (items, at) =>
        items.findIndex(
          (el) =>
            Number((el as HTMLElement).dataset.start) <= at && Number((el as HTMLElement).dataset.end) >= at,
        ),
      passage.start,
    );
    expect(item).toBeGreaterThanOrEqual(0);
    await page.locator('.passage').nth(item).locator('.read-link').click();
    await viewReady(page, 'reader');
    const target = page.locator('.reader-target');
    const highlighted = (await target.allTextContents()).join('');
    expect(highlighted).toBe(sentenceOf(text, passage.start, passage.end));
    expect(highlighted).toContain(passage.quote);
    await expect(target.first().isVisible()).resolves.toBe(true);
    const box = await target.first().boundingBox();
    expect(box && box.y > 0 && box.y < 900).toBe(true);
    await screenshot(page, 'views-reader-at-sentence');
  });

  it('puts two pilots side by side', async () => {
    const page = await openPage('/?page=tracer&lang=en', { width: 1600, height: 900 });
    await viewReady(page, 'tracer');
    const options = await page.$$eval('select[data-role="compare"] option', (items) =>
      items.map((item) => (item as HTMLOptionElement).value).filter((value) => value !== ''),
    );
    await page.selectOption('select[data-role="compare"]', options[1] as string);
    await viewReady(page, 'tracer');
    const columns = await page.$$eval('.tracer-column', (items) =>
      items.map((item) => (item as HTMLElement).dataset.pilotId),
    );
    expect(columns).toEqual([options[0], options[1]]);
    await screenshot(page, 'views-tracer-compare-en');
  });
});

describe('the document reader', () => {
  it('focuses the node in the graph when a highlighted mention is clicked', async () => {
    const page = await openPage('/?page=reader', { width: 1440, height: 900 });
    await viewReady(page, 'reader');
    await screenshot(page, 'views-reader');
    const mention = page.locator('.reader-text .mention-Pilot').first();
    const id = (await mention.getAttribute('data-node-id')) as string;
    expect(id).toMatch(/:pilot:/);
    await mention.click();
    await viewReady(page, 'graph');
    await explorerIdle(page);
    expect(await page.evaluate(() => window.__app?.state.selected)).toBe(id);
    expect(await page.evaluate((node) => window.__cy?.getElementById(node).selected(), id)).toBe(true);
    await screenshot(page, 'views-reader-mention-in-graph');
  });

  it('finds text and shows the outline of the parsed plan', async () => {
    const page = await openPage('/?page=reader&lang=en', { width: 1440, height: 900 });
    await viewReady(page, 'reader');
    const chapters = await page.$$eval('.outline-Chapter', (items) => items.length);
    const plan = await api<{ plans: Array<{ counts: Record<string, number> }> }>(page, '/api/plans');
    expect(chapters).toBe(plan.plans[0]?.counts.Chapter);
    await page.fill('.reader-find', '综合保税区');
    await page.waitForSelector('.find-current');
    const hits = await page.$$eval(
      '.find-hit',
      (items) => new Set(items.map((item) => item.closest('[data-offset]'))).size,
    );
    expect(hits).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('综合保税区');
    await screenshot(page, 'views-reader-find-en');
  });
});
