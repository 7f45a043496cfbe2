// The path finder: two ends chosen from the details panel, the shortest paths between them drawn on the
// graph and listed at the top of the panel; picking one path draws it alone.
import type { AppContext, Component } from './context.ts';
import { h, replaceChildren } from './dom.ts';
import { nameSpan } from './source-text.ts';

export function mountPathPanel(parent: HTMLElement, app: AppContext): Component {
  const heading = h('h2', { class: 'panel-title', id: 'paths-title' });
  const body = h('div', { class: 'paths-body' });
  const panel = h('section', { class: 'panel paths', 'aria-labelledby': 'paths-title' }, heading, body);
  // Above the details: found paths are what the reader asked for last, so they come first.
  parent.prepend(panel);

  const nameOf = (id: string | null): string | HTMLElement => {
    if (!id) return app.t('pathNone');
    const node = app.node(id);
    return node ? nameSpan(node, app.state.lang) : id;
  };

  const update = () => {
    const { paths, lang } = app.state;
    heading.textContent = app.t('pathFinder');
    panel.hidden = !paths.from && !paths.to;
    const find = h(
      'button',
      { type: 'button', class: 'small-button', 'data-action': 'findPaths' },
      app.t('findPaths'),
    );
    find.disabled = !paths.from || !paths.to || paths.loading;
    find.addEventListener('click', () => app.findPaths());
    const clear = h(
      'button',
      { type: 'button', class: 'small-button', 'data-action': 'clearPaths' },
      app.t('clearPaths'),
    );
    clear.addEventListener('click', () => {
      app.clearPaths();
      app.setPathEnd('from', null);
      app.setPathEnd('to', null);
    });
    const list = paths.found
      ? paths.found.length === 0
        ? h('p', { class: 'muted' }, app.t('noPaths'))
        : h(
            'ol',
            { class: 'path-list' },
            paths.found.map((path, i) => {
              const button = h(
                'button',
                { type: 'button', class: 'path-item', 'aria-pressed': String(paths.active === i) },
                path.nodes.flatMap((id, k) => (k === 0 ? [nameOf(id)] : [' → ', nameOf(id)])),
              );
              button.addEventListener('click', () => app.showPath(paths.active === i ? null : i));
              return h('li', {}, button);
            }),
          )
      : null;
    replaceChildren(
      body,
      paths.loading ? h('p', { class: 'muted' }, app.t('loading')) : null,
      list,
      h(
        'dl',
        { class: 'path-ends', lang: lang === 'zh' ? 'zh-CN' : 'en' },
        h('dt', {}, app.t('pathStart')),
        h('dd', {}, nameOf(paths.from)),
        h('dt', {}, app.t('pathEnd')),
        h('dd', {}, nameOf(paths.to)),
      ),
      h('div', { class: 'detail-actions' }, find, clear),
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
