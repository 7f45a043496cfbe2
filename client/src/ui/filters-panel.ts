// Filters with counts (shown / loaded) for labels, relationship types, domains and basis, a minimum edge
// weight, and the legend: the same swatches the graph draws, so the panel doubles as the key. Names are shown
// whole (wrapped, never cut), so two domains that begin alike cannot look the same.
import type { Count } from '../model/element-store.ts';
import { basisName, labelName, relName } from '../model/i18n.ts';
import {
  DEFAULT_FILTERS,
  setFilters,
  toggleBasis,
  toggleDomain,
  toggleLabel,
  toggleType,
} from '../model/view-state.ts';
import {
  BASIS_LINE,
  BASIS_ORDER,
  LABEL_LOOK,
  LABEL_ORDER,
  REL_LOOK,
  REL_ORDER,
} from '../model/vocabulary.ts';
import type { Basis, NodeLabel, RelType } from '../types.ts';
import type { AppContext, Component } from './context.ts';
import { h, listen, replaceChildren } from './dom.ts';
import { nameSpan } from './source-text.ts';

function labelSwatch(label: NodeLabel): HTMLElement {
  const swatch = h('span', { class: `swatch shape-${LABEL_LOOK[label].shape}`, 'aria-hidden': 'true' });
  swatch.style.backgroundColor = LABEL_LOOK[label].colour;
  return swatch;
}

function relSwatch(type: RelType): HTMLElement {
  const swatch = h('span', { class: 'line-swatch', 'aria-hidden': 'true' });
  swatch.style.borderTopColor = REL_LOOK[type].colour;
  swatch.style.borderTopWidth = `${Math.max(2, REL_LOOK[type].width)}px`;
  return swatch;
}

/** The basis's line as the graph draws it (an SVG stroke, so dash patterns match the Cytoscape edges). */
function basisSwatch(basis: Basis): HTMLElement {
  const swatch = h('span', { class: 'basis-swatch', 'aria-hidden': 'true' });
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '6');
  const line = document.createElementNS(svgNs, 'line');
  const attributes: Record<string, string> = {
    x1: '0',
    y1: '3',
    x2: '28',
    y2: '3',
    stroke: '#334155',
    'stroke-width': '2',
  };
  for (const [name, value] of Object.entries(attributes)) line.setAttribute(name, value);
  const look = BASIS_LINE[basis];
  const dash = look.dash ?? (look.style === 'dotted' ? [2, 3] : null);
  if (dash) line.setAttribute('stroke-dasharray', dash.join(' '));
  svg.append(line);
  swatch.append(svg);
  return swatch;
}

export function mountFiltersPanel(parent: HTMLElement, app: AppContext): Component {
  const heading = h('h2', { class: 'panel-title', id: 'filters-title' });
  const body = h('div', { class: 'filters-body' });
  const reset = h('button', { type: 'button', class: 'link-button', 'data-action': 'resetFilters' });
  const panel = h(
    'section',
    { class: 'panel filters', 'aria-labelledby': 'filters-title' },
    h('div', { class: 'panel-head' }, heading, reset),
    body,
  );
  parent.appendChild(panel);
  const offs = [listen(reset, 'click', () => app.changeView((v) => setFilters(v, DEFAULT_FILTERS)))];

  const row = (
    key: string,
    swatch: HTMLElement,
    name: string | HTMLElement,
    count: Count | undefined,
    hidden: boolean,
    onToggle: (hide: boolean) => void,
  ) => {
    const box = h('input', { type: 'checkbox', 'data-filter': key });
    box.checked = !hidden;
    box.addEventListener('change', () => onToggle(!box.checked));
    const counts = count ? `${count.shown}/${count.total}` : '0';
    return h(
      'li',
      { class: 'filter-row' },
      h(
        'label',
        {},
        box,
        swatch,
        typeof name === 'string' ? h('span', { class: 'filter-name' }, name) : name,
        h('span', { class: 'count', 'data-count': key }, counts),
      ),
    );
  };

  const update = () => {
    const { state } = app;
    const lang = state.lang;
    const { filters } = state.view;
    const focusedKey = (document.activeElement as HTMLElement | null)?.dataset?.filter ?? null;
    heading.textContent = app.t('filters');
    reset.textContent = app.t('resetFilters');

    const labels = LABEL_ORDER.filter((l) => state.counts.labels.has(l) || filters.hiddenLabels.includes(l));
    const types = REL_ORDER.filter((r) => state.counts.types.has(r) || filters.hiddenTypes.includes(r));
    const bases = BASIS_ORDER.filter((b) => state.counts.basis.has(b) || filters.hiddenBasis.includes(b));
    const domains = [...new Set([...state.counts.domains.keys(), ...filters.hiddenDomains])];
    const section = (title: string, id: string, items: HTMLElement[]) =>
      items.length === 0
        ? null
        : h(
            'fieldset',
            { class: 'filter-group', 'data-group': id },
            h('legend', {}, title),
            h('ul', {}, items),
          );

    const weight = h('input', {
      type: 'number',
      min: 0,
      step: 0.5,
      value: filters.minWeight,
      class: 'weight-input',
      'data-filter': 'minWeight',
    });
    weight.addEventListener('change', () => {
      const value = Number(weight.value);
      app.changeView((v) => setFilters(v, { minWeight: Number.isFinite(value) && value > 0 ? value : 0 }));
    });

    const isolated = h('input', { type: 'checkbox', 'data-filter': 'showIsolated' });
    isolated.checked = filters.showIsolated;
    isolated.addEventListener('change', () =>
      app.changeView((v) => setFilters(v, { showIsolated: isolated.checked })),
    );

    replaceChildren(
      body,
      section(
        app.t('nodeLabels'),
        'labels',
        labels.map((label) =>
          row(
            `label:${label}`,
            labelSwatch(label),
            labelName(label, lang),
            state.counts.labels.get(label),
            filters.hiddenLabels.includes(label),
            (hide) => app.changeView((v) => toggleLabel(v, label, hide)),
          ),
        ),
      ),
      section(
        app.t('relTypes'),
        'types',
        types.map((type) =>
          row(
            `type:${type}`,
            relSwatch(type),
            relName(type, lang),
            state.counts.types.get(type),
            filters.hiddenTypes.includes(type),
            (hide) => app.changeView((v) => toggleType(v, type, hide)),
          ),
        ),
      ),
      section(
        app.t('basis'),
        'basis',
        bases.map((basis) =>
          row(
            `basis:${basis}`,
            basisSwatch(basis),
            basisName(basis, lang),
            state.counts.basis.get(basis),
            filters.hiddenBasis.includes(basis),
            (hide) => app.changeView((v) => toggleBasis(v, basis, hide)),
          ),
        ),
      ),
      section(
        app.t('domains'),
        'domains',
        domains.map((id) => {
          const node = app.node(id);
          return row(
            `domain:${id}`,
            labelSwatch('Domain'),
            node ? nameSpan(node, lang, 'filter-name') : id,
            state.counts.domains.get(id),
            filters.hiddenDomains.includes(id),
            (hide) => app.changeView((v) => toggleDomain(v, id, hide)),
          );
        }),
      ),
      h('label', { class: 'weight-row' }, h('span', {}, app.t('minWeight')), weight),
      h('label', { class: 'isolated-row' }, isolated, h('span', {}, app.t('showIsolated'))),
    );
    if (focusedKey) body.querySelector<HTMLElement>(`[data-filter="${CSS.escape(focusedKey)}"]`)?.focus();
  };
  update();
  const unsubscribe = app.subscribe(update);
  return {
    teardown() {
      unsubscribe();
      for (const off of offs) off();
      panel.remove();
    },
  };
}

export function mountLegend(parent: HTMLElement, app: AppContext): Component {
  const heading = h('h2', { class: 'panel-title', id: 'legend-title' });
  const body = h('div', { class: 'legend-body' });
  const panel = h('section', { class: 'panel legend', 'aria-labelledby': 'legend-title' }, heading, body);
  parent.appendChild(panel);
  const update = () => {
    const lang = app.state.lang;
    heading.textContent = app.t('legend');
    const labels = LABEL_ORDER.filter((l) => (app.state.counts.labels.get(l)?.total ?? 0) > 0);
    const types = REL_ORDER.filter((r) => (app.state.counts.types.get(r)?.total ?? 0) > 0);

    replaceChildren(
      body,
      h(
        'ul',
        { class: 'legend-list' },
        labels.map((l) => h('li', {}, labelSwatch(l), labelName(l, lang))),
      ),
      h(
        'ul',
        { class: 'legend-list' },
        types.map((r) => h('li', {}, relSwatch(r), relName(r, lang))),
      ),
      h(
        'ul',
        { class: 'legend-list' },
        BASIS_ORDER.map((b) => h('li', {}, basisSwatch(b), basisName(b, lang))),
      ),
    );
  };
  update();
  const unsubscribe = app.subscribe(update);
  return {
    teardown() {
      unsubscribe();
      panel.remove();
    },
  };
}
