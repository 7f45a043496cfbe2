// Loading, empty and error states: an overlay over the graph while it loads or has nothing to show, a banner
// with Retry when the API or Neo4j fails, and the counts line under the graph.

import { ApiError } from '../api/http.ts';
import type { AppContext, Component } from './context.ts';
import { h, listen } from './dom.ts';

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
    if (state.view.hidden.length > 0)
      counts.textContent += ` · ${app.t('hiddenCount', { n: state.view.hidden.length })}`;
    hint.textContent = app.t('selectHint');

    let message: string | null = null;
    if (state.status === 'loading') message = app.t('loading');
    else if (state.status === 'empty') message = app.t('empty');
    else if (state.status === 'ready' && nodes === 0) message = app.t('emptyFiltered');
    overlay.hidden = message === null;
    overlay.classList.toggle('loading', state.status === 'loading');
    overlay.textContent = message ?? '';

    const error = state.error;
    banner.hidden = error === null;
    if (error) {
      const text =
        error instanceof ApiError && (error.dbUnavailable || error.code === 'NETWORK')
          ? app.t('errorDb')
          : `${app.t('errorGeneric')}${error.message}`;
      bannerText.textContent = text;
      retry.textContent = app.t('retry');
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
