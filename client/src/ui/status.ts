// Loading, empty and error states: an overlay over the graph while it loads or has nothing to show, a banner
// with Retry when the API or Neo4j fails, and the counts line under the graph.

import { MissingPlanError } from '../api/active-plan.ts';
import { ApiError } from '../api/http.ts';
import { domainLinksText, foldedText } from '../graph/overview-messages.ts';
import type { AppContext, Component } from './context.ts';
import { h, listen } from './dom.ts';

/** The banner's words for an error, in the page's language. */
function errorText(error: Error, app: AppContext): string {
  if (error instanceof MissingPlanError) return app.t('planNotFound', { plan: error.plan });
  if (error instanceof ApiError && (error.dbUnavailable || error.code === 'NETWORK')) return app.t('errorDb');
  return `${app.t('errorGeneric')}${error.message}`;
}

export function mountStatus(graphArea: HTMLElement, bannerSlot: HTMLElement, app: AppContext): Component {
  const overlay = h('div', { class: 'overlay', role: 'status', 'aria-live': 'polite' });
  const counts = h('div', {
    class: 'counts',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'counts',
  });
  const hint = h('div', { class: 'hint' });
  const footer = h('div', { class: 'graph-footer' }, counts, hint);
  graphArea.append(overlay, footer);
  const bannerText = h('span', {});
  const retry = h('button', { type: 'button', class: 'small-button', 'data-action': 'retry' });
  const banner = h('div', { class: 'banner', role: 'alert', hidden: true }, bannerText, retry);
  bannerSlot.appendChild(banner);
  const offs = [listen(retry, 'click', () => app.retry())];

  const update = () => {
    const { state } = app;
    const nodes = state.visible.nodes.size;
    const edges = state.visible.edges.size;
    counts.textContent = app.t('nodesEdges', { nodes, edges });
    if (state.domainLinks > 0) counts.textContent += ` · ${domainLinksText(state.domainLinks, state.lang)}`;
    // A link may hide ids that name no node: they hide nothing, so they are not counted.
    const hidden = state.view.hidden.filter((id) => app.node(id) !== undefined).length;
    if (hidden > 0) counts.textContent += ` · ${app.t('hiddenCount', { n: hidden })}`;
    // What the filters keep out of the picture is said, not silently dropped.
    let filtered = 0;
    for (const { total, shown } of state.counts.labels.values()) filtered += total - shown;
    filtered -= state.folded;
    if (state.folded > 0) counts.textContent += ` · ${foldedText(state.folded, state.lang)}`;
    if (filtered > hidden) counts.textContent += ` · ${app.t('filteredCount', { n: filtered - hidden })}`;
    hint.textContent = app.t('selectHint');

    const error = state.error;
    let message: string | null = null;
    if (error instanceof MissingPlanError) message = app.t('planNotFound', { plan: error.plan });
    else if (state.status === 'loading') message = app.t('loading');
    else if (state.status === 'empty') message = app.t('empty');
    else if (state.status === 'ready' && nodes === 0) message = app.t('emptyFiltered');
    overlay.hidden = message === null;
    overlay.classList.toggle('loading', state.status === 'loading');
    overlay.textContent = message ?? '';

    // A missing plan is said over the graph area; a banner with it would only repeat it.
    banner.hidden = error === null || error instanceof MissingPlanError;
    if (error) {
      bannerText.textContent = errorText(error, app);
      retry.textContent = app.t('retry');
      // Retrying cannot make a missing plan exist.
      retry.hidden = error instanceof MissingPlanError;
    }
  };
  update();
  const unsubscribe = app.subscribe(update);
  return {
    teardown() {
      unsubscribe();
      for (const off of offs) off();
      overlay.remove();
      footer.remove();
      banner.remove();
    },
  };
}
