// The graph's nodes for the keyboard: a list of the nodes drawn now (domains first, then by name), each a
// button, so Tab reaches any node and Enter selects and focuses it as a click on the canvas would.
import { displayName, labelName } from '../model/i18n.ts';
import type { AppContext, Component } from './context.ts';
import { h, replaceChildren } from './dom.ts';
import { nameSpan } from './source-text.ts';

export function mountNodeList(parent: HTMLElement, app: AppContext): Component {
  const summary = h('summary', { class: 'panel-title' });
  const list = h('ul', { class: 'node-list-items' });
  const panel = h('details', { class: 'panel node-list' }, summary, list);
  parent.appendChild(panel);
  let shown = '';

  const update = () => {
    const { state } = app;
    const ids = [...state.visible.nodes];
    summary.textContent = `${app.t('nodesOnScreen')} (${ids.length})`;
    const key = `${state.lang}|${ids.join(',')}`;
    // Rebuilt only when it is open and what it lists changed, so a closed list costs nothing.
    if (!panel.open || key === shown) return;
    shown = key;
    const nodes = ids.flatMap((id) => app.node(id) ?? []);
    nodes.sort(
      (a, b) =>
        Number(b.label === 'Domain') - Number(a.label === 'Domain') ||
        displayName(a, state.lang).localeCompare(displayName(b, state.lang)),
    );
    replaceChildren(
      list,
      nodes.map((node) => {
        const button = h(
          'button',
          { type: 'button', class: 'neighbour', 'data-node': node.id },
          nameSpan(node, state.lang),
          ` · ${labelName(node.label, state.lang)}`,
        );
        button.addEventListener('click', () => app.reveal(node.id));
        return h('li', {}, button);
      }),
    );
  };
  panel.addEventListener('toggle', update);
  update();
  const unsubscribe = app.subscribe(update);
  return {
    teardown() {
      unsubscribe();
      panel.remove();
    },
  };
}
