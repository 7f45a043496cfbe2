// The plan's own words in a page of another language. Quotes, measures and names with no known English form
// stay Chinese on the English page (translating them would misquote the plan), so every element holding them
// is marked: `data-source-text` says what it is ("quote", "text", "name", "value"), `lang="zh-CN"` lets screen
// readers and fonts treat it as Chinese, and a title says why it is not translated. Everything else on the
// page follows the page's language (tests/e2e/explorer-english.test.ts checks that no Chinese is left unmarked).
import { displayName, hasEnglishName, t } from '../model/i18n.ts';
import type { Lang } from '../types.ts';
import { h } from './dom.ts';

/** What a marked element holds: a quote or passage of the plan, a name, or a property's value from the plan. */
export type SourceTextKind = 'quote' | 'text' | 'name' | 'value';

export const SOURCE_TEXT_ATTRIBUTE = 'data-source-text';

/** Marks `element` as the plan's own Chinese words and returns it. */
export function markSourceText<E extends HTMLElement>(element: E, kind: SourceTextKind, lang: Lang): E {
  element.setAttribute(SOURCE_TEXT_ATTRIBUTE, kind);
  element.setAttribute('lang', 'zh-CN');
  if (lang === 'en' && !element.title)
    element.title = t(lang, kind === 'name' ? 'untranslatedName' : 'sourceText');
  return element;
}

/** Removes the mark from an element reused for text in the page's language. */
export function unmarkSourceText(element: HTMLElement, lang: Lang): void {
  element.removeAttribute(SOURCE_TEXT_ATTRIBUTE);
  element.setAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
  element.removeAttribute('title');
}

/** Whether `data`'s display name in `lang` is its Chinese name standing in for a missing English one. */
export function showsSourceName(data: { nameEn?: unknown }, lang: Lang): boolean {
  return lang === 'en' && !hasEnglishName(data);
}

/** A `<span>` with a node's display name, marked as the plan's name when English has none. */
export function nameSpan(
  data: { name?: unknown; nameEn?: unknown; id?: unknown },
  lang: Lang,
  className?: string,
): HTMLSpanElement {
  const span = h('span', className ? { class: className } : {}, displayName(data, lang));
  return showsSourceName(data, lang) ? markSourceText(span, 'name', lang) : span;
}

/** The small "Chinese original" tag set before a passage of the plan on the English page. */
export function sourceTag(lang: Lang): HTMLElement | null {
  return lang === 'en'
    ? h('span', { class: 'original-marker', lang: 'en' }, t(lang, 'chineseOriginal'))
    : null;
}
