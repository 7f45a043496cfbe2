// The details of the selected node: names, properties, the plan passages that support it (quote with the
// text around it), and its neighbours grouped by relationship type, each one a button that goes there.
import { mainLabel } from '../api/graph-api.ts';
import { displayName, labelName, relName } from '../model/i18n.ts';
import { isPlanText, propertyName, propertyValue, QUIET_PROPERTIES } from '../model/property-names.ts';
import { isRelType, LABEL_LOOK } from '../model/vocabulary.ts';
import type { Lang, NodeDetails, RelType } from '../types.ts';
import type { AppContext, Component } from './context.ts';
import { h, listen, replaceChildren } from './dom.ts';
import { evidenceQuote } from './evidence-quote.ts';
import { responsibilitiesSection } from './responsibilities.ts';
import { markSourceText, nameSpan, showsSourceName, sourceTag, unmarkSourceText } from './source-text.ts';

type Neighbour = NodeDetails['neighbors'][number];
type Properties = NodeDetails['node']['properties'];

/** A small button labelled with the message `key` that runs `run` when clicked. */
function actionButton(
  app: AppContext,
  key: Parameters<AppContext['t']>[0],
  run: () => void,
): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'small-button', 'data-action': key }, app.t(key));
  button.addEventListener('click', run);
  return button;
}

/** A neighbour as a button (colour swatch and name) that reveals it in the graph. */
function neighbourButton(app: AppContext, n: Neighbour): HTMLButtonElement {
  const label = mainLabel(n.node.labels);
  const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  swatch.style.backgroundColor = LABEL_LOOK[label].colour;
  const name = nameSpan({ ...n.node.properties, id: n.node.id }, app.state.lang);
  const button = h(
    'button',
    { type: 'button', class: 'neighbour', 'data-node': n.node.id, title: labelName(label, app.state.lang) },
    swatch,
    name,
  );
  button.addEventListener('click', () => app.reveal(n.node.id));
  return button;
}

/** What a quote supports, in words: the node itself, or a relationship and the node at its other end. */
function viaText(app: AppContext, via: string, details: NodeDetails): Array<string | HTMLElement> {
  if (via === 'node' || via === details.node.id) return [app.t('quoteSelf')];
  // Edge ids are `${start}|${type}|${end}` (GraphEdge.id); the other end is named when it is a neighbour.
  const [start, type, end] = via.split('|');
  if (!start || !type || !end || !isRelType(type)) return [via];
  const otherId = start === details.node.id ? end : start;
  const other = details.neighbors.find((n) => n.node.id === otherId)?.node;
  const otherName = other ? nameSpan({ ...other.properties, id: other.id }, app.state.lang) : otherId;
  return [`${relName(type, app.state.lang)} · `, otherName];
}

/** One table row per property worth showing (not quiet, not empty); plan text is marked as source text. */
function propertyRows(props: Properties, lang: Lang): HTMLElement[] {
  return Object.entries(props)
    .filter(
      ([key, value]) =>
        !QUIET_PROPERTIES.has(key) &&
        value !== null &&
        value !== '' &&
        !(Array.isArray(value) && value.length === 0),
    )
    .map(([key, value]) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, propertyName(key, lang)),
        isPlanText(key, value)
          ? markSourceText(h('td', {}, propertyValue(key, value, lang)), 'value', lang)
          : h('td', {}, propertyValue(key, value, lang)),
      ),
    );
}

/** The node's Chinese and English names side by side (the English one a dash when there is none). */
function namesList(app: AppContext, props: Properties, id: string): HTMLElement {
  const lang = app.state.lang;
  return h(
    'dl',
    { class: 'names' },
    h('dt', {}, app.t('chineseName')),
    markSourceText(h('dd', {}, typeof props.name === 'string' ? props.name : id), 'name', lang),
    h('dt', {}, app.t('englishName')),
    h('dd', { lang: 'en' }, typeof props.nameEn === 'string' && props.nameEn ? props.nameEn : '—'),
  );
}

/** The node's plan text under a source tag, or null when it has none beyond its name. */
function nodeTextBlock(props: Properties, lang: Lang): HTMLElement | null {
  return typeof props.text === 'string' && props.text !== '' && props.text !== props.name
    ? h(
        'div',
        { class: 'node-text-block' },
        sourceTag(lang),
        markSourceText(h('p', { class: 'node-text' }, props.text), 'text', lang),
      )
    : null;
}

/** The neighbours grouped by direction and relationship type, each group headed with its count. */
function neighbourGroups(app: AppContext, details: NodeDetails): HTMLElement[] {
  const lang = app.state.lang;
  const groups = new Map<string, Neighbour[]>();
  for (const n of details.neighbors) {
    const key = `${n.direction}|${n.type}`;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  return [...groups].map(([key, list]) => {
    const [direction, type] = key.split('|') as ['out' | 'in', RelType];
    const arrow = direction === 'out' ? app.t('outgoing') : app.t('incoming');
    return h(
      'div',
      { class: 'neighbour-group', 'data-type': type },
      h('h4', {}, `${arrow} ${relName(type, lang)} (${list.length})`),
      h(
        'ul',
        {},
        list.map((n) => h('li', {}, neighbourButton(app, n))),
      ),
    );
  });
}

/** Fills `body`: badge, names, actions, text, responsibilities, evidence, neighbours and properties. */
function renderDetails(app: AppContext, body: HTMLElement, details: NodeDetails): void {
  const lang = app.state.lang;
  const { node } = details;
  const label = mainLabel(node.labels);
  const badge = h('span', { class: 'node-badge' }, labelName(label, lang));
  badge.style.backgroundColor = LABEL_LOOK[label].colour;
  const rows = propertyRows(node.properties, lang);
  const strings = { showInDocument: app.t('showInDocument'), chineseOriginal: app.t('chineseOriginal') };
  const quotes = details.provenance.map((q) => evidenceQuote(q, viaText(app, q.via, details), strings, lang));
  const groups = neighbourGroups(app, details);
  const id = node.id;
  const expanded = app.state.view.expanded.includes(id) || app.state.view.collapsed.includes(id);
  replaceChildren(
    body,
    h('div', { class: 'badges' }, badge),
    namesList(app, node.properties, id),
    h(
      'div',
      { class: 'detail-actions' },
      actionButton(app, expanded ? 'collapse' : 'expand', () => app.toggleExpansion(id)),
      actionButton(app, 'hide', () => app.hideSelected()),
      actionButton(app, 'pathFrom', () => app.setPathEnd('from', id)),
      actionButton(app, 'pathTo', () => app.setPathEnd('to', id)),
    ),
    nodeTextBlock(node.properties, lang),
    responsibilitiesSection(
      details,
      lang,
      { ...strings, title: app.t('responsibilities'), none: app.t('noneStated') },
      (agency) => app.reveal(agency),
    ),
    quotes.length > 0
      ? h('section', { class: 'evidence' }, h('h3', {}, `${app.t('evidence')} (${quotes.length})`), quotes)
      : null,
    groups.length > 0
      ? h('section', { class: 'neighbours' }, h('h3', {}, app.t('neighbours')), groups)
      : null,
    rows.length > 0
      ? h(
          'section',
          { class: 'properties' },
          h('h3', {}, app.t('properties')),
          h('table', {}, h('tbody', {}, rows)),
        )
      : null,
  );
}

/** Mounts the details panel in `parent`; it follows the selection, the language and expansions. */
export function mountDetailsPanel(parent: HTMLElement, app: AppContext): Component {
  const heading = h('h2', { class: 'panel-title', id: 'details-title', tabindex: '-1' });
  const close = h('button', { type: 'button', class: 'icon-button', 'data-action': 'closeDetails' }, '×');
  const body = h('div', { class: 'details-body' });
  const panel = h(
    'section',
    { class: 'panel details', 'aria-labelledby': 'details-title', 'aria-live': 'polite' },
    h('div', { class: 'panel-head' }, heading, close),
    body,
  );
  parent.appendChild(panel);
  const offs = [listen(close, 'click', () => app.select(null))];
  let shownFor: string | null = null;

  const render = (details: NodeDetails) => {
    const lang = app.state.lang;
    const props = details.node.properties;
    heading.textContent = displayName({ ...props, id: details.node.id }, lang);
    if (showsSourceName(props, lang)) markSourceText(heading, 'name', lang);
    else unmarkSourceText(heading, lang);
    renderDetails(app, body, details);
  };

  const update = () => {
    const { state } = app;
    close.setAttribute('aria-label', app.t('closePanel'));
    panel.hidden = state.selected === null;
    if (!state.selected) {
      shownFor = null;
      return;
    }
    if (state.details && state.details.node.id === state.selected) {
      const key = `${state.selected}|${state.lang}|${state.view.expanded.length}|${state.view.collapsed.length}`;
      if (key !== shownFor) {
        shownFor = key;
        render(state.details);
      }
    } else if (state.detailsMissing) {
      heading.textContent = app.t('nodeNotFoundTitle');
      unmarkSourceText(heading, state.lang);
      replaceChildren(
        body,
        h('p', { class: 'not-found', role: 'alert' }, app.t('nodeNotFound', { id: state.selected })),
      );
      shownFor = null;
    } else if (state.detailsLoading) {
      const node = app.node(state.selected);
      heading.textContent = node ? displayName(node, state.lang) : state.selected;
      if (node && showsSourceName(node, state.lang)) markSourceText(heading, 'name', state.lang);
      else unmarkSourceText(heading, state.lang);
      replaceChildren(body, h('p', { class: 'muted' }, app.t('loading')));
      shownFor = null;
    }
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
