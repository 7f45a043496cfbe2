// The details panel quotes the plan as it is: each quote inside its own contiguous passage, marked, with a
// link that opens the reader on it — and no offsets or internal field names for a reader to puzzle over.
import { afterEach, describe, expect, it } from 'vitest';
import type { NodeDetails } from '../../server/src/domain/types.ts';
import { closeAll, openExplorer } from './_explorer.ts';
import { api, viewReady } from './_views.ts';

const NEW_AREA = 'harbin-2016:pilot:harbin-new-area';

describe('evidence in the details panel', () => {
  afterEach(closeAll);

  it("shows each quote inside the plan's contiguous text around it, with a link to the reader and no offsets", async () => {
    const page = await openExplorer(`/?sel=${encodeURIComponent(NEW_AREA)}`, { width: 1600, height: 900 });
    const details = await api<NodeDetails>(page, `/api/nodes/${encodeURIComponent(NEW_AREA)}`);
    const panel = page.locator('section.details');
    await panel.locator('blockquote').first().waitFor();
    const shown = await panel.locator('blockquote .quote-text').allTextContents();
    expect(shown).toEqual(details.provenance.map((q) => q.context.text));
    const marked = await panel.locator('blockquote mark').allTextContents();
    expect(marked).toEqual(details.provenance.map((q) => q.quote));
    const whole = (await panel.textContent()) ?? '';
    expect(whole).not.toMatch(/\[\d+,\s*\d+\)/);
    const keys = await panel.locator('.properties th').allTextContents();
    for (const internal of ['start', 'end', 'titleStart', 'statusEvidence', 'pinyin']) {
      expect(keys).not.toContain(internal);
    }

    const first = details.provenance[0];
    expect(first).toBeDefined();
    await panel.locator('a.show-in-document').first().click();
    await viewReady(page, 'reader');
    const target = (await page.locator('.reader-target').allTextContents()).join('');
    expect(target).toContain(first?.quote);
  });

  it('marks quotes as the Chinese original in English', async () => {
    const page = await openExplorer(`/?lang=en&sel=${encodeURIComponent(NEW_AREA)}`);
    const panel = page.locator('section.details');
    await panel.locator('blockquote').first().waitFor();
    const marker = await panel.locator('blockquote .original-marker').first().textContent();
    expect(marker).toBe('Chinese original');
    expect(await panel.locator('a.show-in-document').first().textContent()).toBe('Show in document');
  });
});
