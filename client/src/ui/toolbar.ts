// The top bar: title, search, layout, undo/redo, zoom, declutter, export and link (the language switch is
// the views shell's, since it applies to every view). Every control is a
// real button or select with an accessible name in the current language.
import { exportUrl } from '../api/graph-api.ts';
import { type OverviewMessage, overviewMessage } from '../graph/overview-messages.ts';
import { layoutTitle, type MessageKey } from '../model/i18n.ts';
import { LAYOUT_NAMES, type LayoutName } from '../types.ts';
import type { AppContext, Component } from './context.ts';
import { h, listen } from './dom.ts';
import { mountSearch } from './search.ts';

interface Labelled {
  element: HTMLElement;
  key: MessageKey;
  /** Shown text; the accessible name is always the full message. */
  text?: string;
}

/** What the toolbar's controls leave behind: the labels to translate and the listeners to remove. */
interface Controls {
  labelled: Labelled[];
  offs: Array<() => void>;
}

/** A toolbar button running `onClick`, labelled by `key` (shown as `text` when given). */
function controlButton(
  controls: Controls,
  key: MessageKey,
  onClick: () => void,
  text?: string,
  className = 'tool',
): HTMLElement {
  const element = h('button', { type: 'button', class: className, 'data-action': key });
  controls.offs.push(listen(element, 'click', onClick));
  controls.labelled.push({ element, key, text });
  return element;
}

/** The export menu (view as PNG/SVG/JSON/GraphML, plan as GraphML/JSON); closes on choice, Escape or outside click. */
function exportMenu(controls: Controls, app: AppContext): { menu: HTMLDetailsElement; summary: HTMLElement } {
  const menu = h('details', { class: 'export-menu' });
  const summary = h('summary', { class: 'tool' });
  const closeMenu = () => menu.removeAttribute('open');
  const menuItem = (key: MessageKey, run: () => void | Promise<void>) =>
    controlButton(
      controls,
      key,
      () => {
        closeMenu();
        void run();
      },
      undefined,
      'menu-item',
    );
  const planLink = (key: MessageKey, format: 'graphml' | 'json') => {
    const link = h('a', { class: 'menu-item', href: exportUrl(format), download: '', 'data-action': key });
    controls.offs.push(listen(link, 'click', closeMenu));
    controls.labelled.push({ element: link, key });
    return link;
  };
  menu.append(
    summary,
    h(
      'div',
      { class: 'menu', role: 'group' },
      menuItem('exportPng', () => app.exportPng()),
      menuItem('exportSvg', () => app.exportSvg()),
      menuItem('exportJson', () => app.exportViewData('json')),
      menuItem('exportGraphml', () => app.exportViewData('graphml')),
      planLink('exportPlanGraphml', 'graphml'),
      planLink('exportPlanJson', 'json'),
    ),
  );

  // A menu closes with Escape (focus back on its button) and when a click lands outside it.
  controls.offs.push(
    listen(menu, 'keydown', (event) => {
      if (event.key !== 'Escape' || !menu.open) return;
      event.stopPropagation();
      closeMenu();
      summary.focus();
    }),
    listen(document, 'click', (event) => {
      if (menu.open && !menu.contains(event.target as Node)) closeMenu();
    }),
  );
  return { menu, summary };
}

/** Mounts the top bar in `parent`, kept in step with `app`'s state and language; teardown removes it. */
export function mountToolbar(parent: HTMLElement, app: AppContext): Component {
  const controls: Controls = { labelled: [], offs: [] };
  const { labelled, offs } = controls;
  const button = (key: MessageKey, onClick: () => void, text?: string) =>
    controlButton(controls, key, onClick, text);

  const title = h('h1', { class: 'app-title' });
  const searchSlot = h('div', { class: 'search-slot' });
  const layoutSelect = h('select', { class: 'layout-select', 'data-action': 'layout' });
  for (const name of LAYOUT_NAMES) layoutSelect.appendChild(h('option', { value: name }));
  offs.push(listen(layoutSelect, 'change', () => app.setLayout(layoutSelect.value as LayoutName)));
  const layoutLabel = h('label', { class: 'layout-label' }, h('span', { class: 'label-text' }), layoutSelect);

  const undo = button('undo', () => app.undo(), '↶');
  const redo = button('redo', () => app.redo(), '↷');
  const zoomIn = button('zoomIn', () => app.zoomBy(1.25), '+');
  const zoomOut = button('zoomOut', () => app.zoomBy(0.8), '−');
  const fit = button('fit', () => app.fit(), '⤢');
  // The level of detail: back to one node per domain, or every domain open.
  const lodButton = (action: 'overview' | 'openAll', title: OverviewMessage, run: () => void) => {
    const element = h('button', { type: 'button', class: 'tool', 'data-action': action });
    offs.push(listen(element, 'click', run));
    return { element, action, title };
  };
  const lod = [
    lodButton('overview', 'overviewTitle', () => app.showOverview()),
    lodButton('openAll', 'openAllTitle', () => app.openAll()),
  ];
  const hideSelected = button('hideSelected', () => app.hideSelected());
  const showHidden = button('showHidden', () => app.showHidden());
  const copyStatus = h('span', { class: 'copy-status', role: 'status', 'aria-live': 'polite' });
  const copy = button('copyLink', async () => {
    const ok = await app.copyLink();
    copyStatus.textContent = ok ? app.t('linkCopied') : window.location.href;
    setTimeout(() => {
      copyStatus.textContent = '';
    }, 2500);
  });

  const { menu: exportMenuElement, summary } = exportMenu(controls, app);

  const bar = h(
    'div',
    { class: 'toolbar-inner' },
    title,
    searchSlot,
    h('div', { class: 'tool-group', role: 'group' }, layoutLabel),
    h('div', { class: 'tool-group', role: 'group' }, undo, redo),
    h('div', { class: 'tool-group', role: 'group' }, zoomOut, zoomIn, fit),
    h('div', { class: 'tool-group', role: 'group' }, ...lod.map((b) => b.element)),
    h('div', { class: 'tool-group', role: 'group' }, hideSelected, showHidden),
    h('div', { class: 'tool-group', role: 'group' }, exportMenuElement, copy, copyStatus),
  );
  parent.appendChild(bar);
  const search = mountSearch(searchSlot, app);

  const update = () => {
    const { state } = app;
    title.textContent = app.t('appTitle');
    for (const { element, key, text } of labelled) {
      const message = app.t(key);
      element.textContent = text ?? message;
      element.setAttribute('aria-label', message);
      element.title = message;
    }
    for (const { element, action, title } of lod) {
      element.textContent = overviewMessage(action, state.lang);
      element.title = overviewMessage(title, state.lang);
      element.setAttribute('aria-label', element.title);
    }
    const atOverview = state.view.overview && state.view.opened.length === 0;
    (lod[0]?.element as HTMLButtonElement).disabled = atOverview;
    (lod[1]?.element as HTMLButtonElement).disabled = !state.view.overview;
    summary.textContent = app.t('export');
    (layoutLabel.firstChild as HTMLElement).textContent = app.t('layout');
    layoutSelect.setAttribute('aria-label', app.t('layout'));
    layoutSelect.querySelectorAll('option').forEach((option) => {
      option.textContent = layoutTitle(option.value as LayoutName, state.lang);
    });
    layoutSelect.value = state.view.layout;
    (undo as HTMLButtonElement).disabled = !state.canUndo;
    (redo as HTMLButtonElement).disabled = !state.canRedo;
    // Ids a link hid that name no node hide nothing: not counted.
    const hidden = state.view.hidden.filter((id) => app.node(id) !== undefined).length;
    (showHidden as HTMLButtonElement).disabled = hidden === 0;
    showHidden.textContent = hidden > 0 ? `${app.t('showHidden')} (${hidden})` : app.t('showHidden');
    (hideSelected as HTMLButtonElement).disabled = state.selected === null;
  };
  update();
  const unsubscribe = app.subscribe(update);

  return {
    teardown() {
      unsubscribe();
      search.teardown();
      for (const off of offs) off();
      bar.remove();
    },
  };
}
