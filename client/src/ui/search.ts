// Search with autocomplete (Chinese, English, pinyin, via /api/search): an ARIA combobox whose options are
// the ranked hits; picking one reveals, focuses and highlights the node.
import { searchNodes } from '../api/graph-api.ts';
import { displayName, labelName } from '../model/i18n.ts';
import { LABEL_LOOK } from '../model/vocabulary.ts';
import type { SearchHit } from '../types.ts';
import type { AppContext, Component } from './context.ts';
import { h, listen, markedText, replaceChildren } from './dom.ts';
import { markSourceText, nameSpan } from './source-text.ts';

const DEBOUNCE_MS = 150;

/** The search box: a combobox over the result list (ARIA 1.2 pattern). */
function searchInput(): HTMLInputElement {
  return h('input', {
    type: 'search',
    class: 'search-input',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'search-results',
    autocomplete: 'off',
    spellcheck: 'false',
  });
}

export function mountSearch(parent: HTMLElement, app: AppContext): Component {
  const input = searchInput();
  const list = h('ul', { id: 'search-results', class: 'search-results', role: 'listbox', hidden: true });
  const status = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const box = h('div', { class: 'search' }, input, list, status);
  parent.appendChild(box);

  let hits: SearchHit[] = [];
  /** The query `hits` answer: Enter picks from them only while the box still holds that query. */
  let answered: string | null = null;
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let request: AbortController | null = null;
  /** The search under way, so Enter can wait for the answer to what is in the box now. */
  let inflight: { text: string; done: Promise<void> } | null = null;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const render = () => {
    const lang = app.state.lang;
    if (hits.length === 0) {
      replaceChildren(
        list,
        h('li', { class: 'search-empty', role: 'option', 'aria-disabled': 'true' }, app.t('noHits')),
      );
    } else {
      replaceChildren(
        list,
        hits.map((hit, i) => {
          const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
          swatch.style.backgroundColor = LABEL_LOOK[hit.label]?.colour ?? '#64748b';
          const option = h(
            'li',
            {
              id: `search-hit-${i}`,
              role: 'option',
              class: 'search-hit',
              'aria-selected': String(i === active),
            },
            swatch,
            nameSpan(hit, lang, 'hit-name'),
            h('span', { class: 'hit-label' }, labelName(hit.label, lang)),
            // The snippet is the plan's (or the name's) own text around the match.
            hit.snippet
              ? markSourceText(h('span', { class: 'hit-snippet' }, markedText(hit.snippet)), 'text', lang)
              : null,
          );
          option.addEventListener('mousedown', (event) => {
            event.preventDefault();
            pick(i);
          });
          return option;
        }),
      );
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-hit-${active}`);
    else input.removeAttribute('aria-activedescendant');
    status.textContent = hits.length === 0 ? app.t('noHits') : `${hits.length}`;
  };

  const pick = (index: number) => {
    const hit = hits[index];
    if (!hit) return;
    input.value = displayName(hit, app.state.lang);
    close();
    app.reveal(hit.id);
  };

  const fetchHits = async (text: string, current: AbortController) => {
    try {
      const found = await searchNodes(text, 12, current.signal);
      if (current.signal.aborted) return;
      hits = found;
      answered = text;
      active = hits.length > 0 ? 0 : -1;
      render();
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) {
        hits = [];
        answered = null;
        close();
      }
    }
  };

  /** Asks for the hits of `text` (trimmed), dropping any answer still owed to an earlier query. */
  const run = (raw: string): Promise<void> => {
    request?.abort();
    const text = raw.trim();
    if (text === '') {
      hits = [];
      answered = null;
      inflight = null;
      close();
      return Promise.resolve();
    }
    const current = new AbortController();
    request = current;
    const done = fetchHits(text, current);
    inflight = { text, done };
    return done;
  };

  /** Enter: the best hit of what the box holds now, waiting for its answer if it has not come yet. */
  const pickCurrent = async () => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    const text = input.value.trim();
    if (text === '') return;
    if (answered !== text) await (inflight?.text === text ? inflight.done : run(text));
    if (answered === text && input.value.trim() === text) pick(Math.max(active, 0));
  };

  const offs = [
    listen(input, 'input', () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        void run(input.value);
      }, DEBOUNCE_MS);
    }),
    listen(input, 'keydown', (event) => {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (hits.length === 0) return;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        active = (active + step + hits.length) % hits.length;
        render();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        void pickCurrent();
      } else if (event.key === 'Escape') {
        close();
      }
    }),
    listen(input, 'blur', () => close()),
  ];

  const update = () => {
    input.placeholder = app.t('searchPlaceholder');
    input.setAttribute('aria-label', app.t('search'));
  };
  update();
  const unsubscribe = app.subscribe(update);

  return {
    teardown() {
      unsubscribe();
      for (const off of offs) off();
      request?.abort();
      if (timer) clearTimeout(timer);
      box.remove();
    },
  };
}
