// One evidence quote as a reader sees it: the plan's own contiguous text around it (the API's `context`) with
// the quote highlighted, what it supports, and a link that opens the document reader on that passage.
// No offsets or field names are shown: the link carries them.
import type { Lang, ProvenanceQuote } from '../types.ts';
import { h } from './dom.ts';
import { markSourceText } from './source-text.ts';

/** `?page=reader&from=…&to=…`, keeping the plan and the language of the current page. */
export function readerHref(start: number, end: number, search = window.location.search): string {
  const current = new URLSearchParams(search);
  const params = new URLSearchParams({ page: 'reader', from: String(start), to: String(end) });
  for (const key of ['plan', 'lang']) {
    const value = current.get(key);
    if (value) params.set(key, value);
  }
  return `?${params.toString()}`;
}

/**
 * A `<blockquote>` holding `before`, the quote in a `<mark>` and `after` — together exactly the context the
 * API cut from the plan — and a footer with `supports` (what the quote is evidence for) and the reader link.
 * The passage is marked as the plan's own text (data-source-text), and in English tagged as the Chinese original.
 */
export function evidenceQuote(
  q: ProvenanceQuote,
  supports: string | Array<string | HTMLElement>,
  strings: { showInDocument: string; chineseOriginal: string },
  lang: Lang,
): HTMLElement {
  const link = h(
    'a',
    { class: 'show-in-document', href: readerHref(q.start, q.end), 'data-action': 'showInDocument' },
    strings.showInDocument,
  );
  return h(
    'blockquote',
    { class: 'quote', 'data-start': q.start },
    lang === 'en' ? h('span', { class: 'original-marker', lang: 'en' }, strings.chineseOriginal) : null,
    markSourceText(
      h(
        'p',
        { class: 'quote-text' },
        h('span', { class: 'context' }, q.before),
        h('mark', {}, q.quote),
        h('span', { class: 'context' }, q.after),
      ),
      'quote',
      lang,
    ),
    h('footer', {}, h('span', { class: 'quote-supports' }, supports), ' · ', link),
  );
}
