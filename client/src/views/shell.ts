// The page shell around the explorer: a top navigation (Graph · Matrix · Tracer · Reader · Present ·
// Insights · Ledger · Dashboard, Audit for admins, and the account control), the page and each view's state
// in the URL (`page` plus the view's own keys, merged with the explorer's keys, which the explorer rewrites on
// every change), and the cross-view actions.

import { activePlan, importedPlans, PLAN_KEY } from '../api/active-plan.ts';
import { displayName } from '../model/i18n.ts';
import type { MountedApp } from '../ui/app.ts';
import { h } from '../ui/dom.ts';
import { mountLoginControl } from './auth/login-control.ts';
import { session } from './auth/session.ts';
import {
  isPageName,
  type MountedView,
  PAGE_NAMES,
  type PageName,
  type ParamChanges,
  type ViewMount,
  type ViewsContext,
} from './context.ts';
import { CORPUS_KEYS, mountCorpus } from './corpus/corpus-view.ts';
import { createDataCache } from './data.ts';
import { type ViewKey, vt } from './i18n.ts';
import { mountImport } from './import/import-view.ts';
import { mountInsights } from './insights/insights-view.ts';
import { mountAudit } from './ledger/audit-view.ts';
import { mountDashboard } from './ledger/dashboard-view.ts';
import { mountLedgerColouring } from './ledger/graph-status.ts';
import { LEDGER_KEYS, mountLedger } from './ledger/ledger-view.ts';
import { mountMatrix } from './matrix/matrix-view.ts';
import { mountPresentation } from './presentation/presentation-view.ts';
import { mountReader } from './reader/reader-view.ts';
import { mountReview } from './review/review-view.ts';
import { mountTracer } from './tracer/tracer-view.ts';

/** URL keys owned by the views; everything else belongs to the explorer. */
const OWNED_KEYS = [
  PLAN_KEY,
  'page',
  'mb',
  'md',
  'ma',
  'mc',
  'tp',
  'tp2',
  'from',
  'to',
  'q',
  'rk',
  'rb',
  'rs',
  ...LEDGER_KEYS,
  ...CORPUS_KEYS,
] as const;

const PAGE_TITLES: Record<PageName, ViewKey> = {
  graph: 'pageGraph',
  matrix: 'pageMatrix',
  tracer: 'pageTracer',
  reader: 'pageReader',
  present: 'pagePresent',
  insights: 'pageInsights',
  ledger: 'pageLedger',
  dashboard: 'pageDashboard',
  audit: 'pageAudit',
  corpus: 'pageCorpus',
  import: 'pageImport',
  review: 'pageReview',
};

const VIEWS: Record<Exclude<PageName, 'graph'>, ViewMount> = {
  matrix: mountMatrix,
  tracer: mountTracer,
  reader: mountReader,
  present: mountPresentation,
  insights: mountInsights,
  ledger: mountLedger,
  dashboard: mountDashboard,
  audit: mountAudit,
  corpus: mountCorpus,
  import: mountImport,
  review: mountReview,
};

declare global {
  interface Window {
    __views?: { page(): PageName; idle(): Promise<void> };
  }
}

export interface ViewsShell {
  /** Where the explorer mounts. */
  explorer: HTMLElement;
  /** Mounts navigation and views once the explorer exists; returns the teardown. */
  start(app: MountedApp): () => void;
}

export function prepareViewsShell(root: HTMLElement): ViewsShell {
  const nav = h('nav', { class: 'views-nav', 'aria-label': 'views' });
  const explorer = h('div', { class: 'explorer-root' });
  const host = h('div', { class: 'views-host', hidden: true });
  root.classList.add('views-shell');
  root.replaceChildren(nav, explorer, host);
  return { explorer, start: (app) => startViews(root, nav, explorer, host, app) };
}

/**
 * The URL parameters the views own (OWNED_KEYS), read from the URL now: `readOwned` reads them again,
 * `writeUrl` puts them back beside the explorer's (pushing a history entry when `push`), `apply` changes them,
 * `page` is the page they name ('graph' when none or unknown).
 */
function ownedParams() {
  const owned = new URLSearchParams();
  const readOwned = () => {
    const current = new URLSearchParams(window.location.search);
    for (const key of OWNED_KEYS) owned.delete(key);
    for (const key of OWNED_KEYS) for (const value of current.getAll(key)) owned.append(key, value);
  };
  readOwned();

  const writeUrl = (push: boolean) => {
    const params = new URLSearchParams(window.location.search);
    for (const key of OWNED_KEYS) params.delete(key);
    for (const [key, value] of owned) params.append(key, value);
    const search = params.toString();
    const url = `${window.location.pathname}${search ? `?${search}` : ''}`;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  };

  const apply = (changes: ParamChanges) => {
    for (const [key, value] of Object.entries(changes)) {
      owned.delete(key);
      if (value === null) continue;
      if (typeof value === 'string') owned.set(key, value);
      else for (const item of value) owned.append(key, item);
    }
  };

  const page = (): PageName => {
    const value = owned.get('page');
    return isPageName(value) ? value : 'graph';
  };
  return { owned, readOwned, writeUrl, apply, page };
}

type OwnedParams = ReturnType<typeof ownedParams>;

/** The context every view gets: language and strings, the owned URL parameters, and moves between pages. */
function viewsContext(
  app: MountedApp,
  shell: HTMLElement,
  { owned, apply, writeUrl }: OwnedParams,
  show: (again: boolean) => void,
): ViewsContext {
  const controller = app.controller;
  const ctx: ViewsContext = {
    get lang() {
      return controller.state.lang;
    },
    t: (key, values) => vt(controller.state.lang, key, values),
    name: (data) => displayName(data, controller.state.lang),
    data: createDataCache(),
    param: (key) => owned.get(key),
    params: (key) => owned.getAll(key),
    setParams(changes) {
      apply(changes);
      writeUrl(false);
    },
    go(target, params = {}) {
      // The plan stays while the page changes: every page shows the same plan.
      const plan = owned.get(PLAN_KEY);
      for (const key of OWNED_KEYS) owned.delete(key);
      if (plan) owned.set(PLAN_KEY, plan);
      if (target !== 'graph') owned.set('page', target);
      apply(params);
      writeUrl(true);
      show(true);
    },
    openInGraph(id) {
      ctx.go('graph');
      controller.reveal(id);
    },
    openInReader(from, to) {
      ctx.go('reader', { from: String(from), to: String(to) });
    },
    explorer: app,
    shell,
  };
  return ctx;
}

/** Wires the navigation and the views to the explorer `app`; returns what ends them. */
function startViews(
  shell: HTMLElement,
  nav: HTMLElement,
  explorer: HTMLElement,
  host: HTMLElement,
  app: MountedApp,
): () => void {
  const controller = app.controller;
  const params = ownedParams();
  const { owned, readOwned, writeUrl, page } = params;
  let current: { page: PageName; lang: string; view: MountedView | null } | null = null;
  const buttons = new Map<PageName, HTMLButtonElement>();
  const title = h('span', { class: 'views-brand' });
  const langButton = h('button', { type: 'button', class: 'views-lang', 'data-action': 'languageSwitch' });
  const colouring = mountLedgerColouring(() => app.cy());
  const login = mountLoginControl();

  const ctx = viewsContext(app, shell, params, show);

  function renderNav() {
    const lang = controller.state.lang;
    nav.setAttribute('aria-label', vt(lang, 'navLabel'));
    title.textContent = controller.t('appTitle');
    langButton.textContent = vt(lang, 'langSwitch');
    langButton.setAttribute('lang', lang === 'zh' ? 'en' : 'zh-CN');
    colouring.render(lang);
    login.render(lang);
    for (const [name, button] of buttons) {
      button.textContent = vt(lang, PAGE_TITLES[name]);
      button.hidden =
        (name === 'audit' && !session.can('admin')) || (name === 'import' && !session.can('editor'));
      if (name === page()) button.setAttribute('aria-current', 'page');
      else button.removeAttribute('aria-current');
    }
  }

  /** Mounts the page in the URL; `again` remounts it even when it is already shown (new parameters). */
  function show(again = false) {
    const target = page();
    const lang = controller.state.lang;
    renderNav();
    if (!again && current && current.page === target && current.lang === lang) return;
    if (again && target === 'graph' && current?.page === 'graph') return;
    current?.view?.teardown();
    const onGraph = target === 'graph';
    explorer.hidden = !onGraph;
    host.hidden = onGraph;
    shell.dataset.page = target;
    if (onGraph) {
      current = { page: target, lang, view: null };
      // Cytoscape measured a hidden container; it must measure again now that it is shown.
      requestAnimationFrame(() => app.cy().resize());
      return;
    }
    host.replaceChildren();
    const view = VIEWS[target](host, ctx);
    current = { page: target, lang, view };
  }

  for (const name of PAGE_NAMES) {
    const button = h('button', { type: 'button', class: 'views-tab', 'data-page': name });
    button.addEventListener('click', () => ctx.go(name));
    buttons.set(name, button);
  }
  langButton.addEventListener('click', () =>
    controller.setLang(controller.state.lang === 'zh' ? 'en' : 'zh'),
  );
  nav.replaceChildren(
    title,
    ...planPicker(),
    h('div', { class: 'views-tabs' }, [...buttons.values()]),
    colouring.element,
    login.element,
    langButton,
  );

  const offs = [
    controller.subscribe(() => {
      // The explorer rewrites the URL with its own keys only: put the views' keys back.
      const search = new URLSearchParams(window.location.search);
      if (OWNED_KEYS.some((key) => search.getAll(key).join('\u0000') !== owned.getAll(key).join('\u0000')))
        writeUrl(false);
      show();
      colouring.sync();
    }),
    session.subscribe(renderNav),
    colouring.teardown,
    login.teardown,
    (() => {
      const onPop = () => {
        readOwned();
        show();
      };
      window.addEventListener('popstate', onPop);
      return () => window.removeEventListener('popstate', onPop);
    })(),
  ];
  window.__views = {
    page,
    idle: async () => {
      await current?.view?.ready;
    },
  };
  show();

  return () => {
    for (const off of offs) off();
    current?.view?.teardown();
  };
}

/**
 * With several plans imported, a picker in the navigation: choosing one reloads the page on that plan, since
 * every view's data, selection and scenes belong to one plan.
 */
function planPicker(): HTMLElement[] {
  const plans = importedPlans();
  if (plans.length < 2) return [];
  const select = h('select', { class: 'views-plan', 'aria-label': 'Plan · 规划' });
  for (const plan of plans) {
    const option = h('option', { value: plan.id }, [plan.title]);
    if (plan.id === activePlan()) option.selected = true;
    select.append(option);
  }
  select.addEventListener('change', () => {
    const params = new URLSearchParams({ [PLAN_KEY]: select.value });
    const page = new URLSearchParams(window.location.search).get('page');
    if (page) params.set('page', page);
    window.location.assign(`${window.location.pathname}?${params}`);
  });
  return [select];
}
