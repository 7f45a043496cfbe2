// Small building blocks the views share: a loading/error frame around an async render, node links that open
// the graph or the reader, and ranked bars.

import type { CyNodeData } from '../types.ts';
import { h, listen } from '../ui/dom.ts';
import type { ViewsContext } from './context.ts';
import { num } from './data.ts';

/** Renders `render()`'s result into `host`, with a loading note first and an error with retry on failure. */
export function loadInto(host: HTMLElement, ctx: ViewsContext, render: () => Promise<Node>): Promise<void> {
  host.replaceChildren(h('p', { class: 'views-loading', role: 'status' }, ctx.t('loading')));
  return render().then(
    (node) => {
      host.replaceChildren(node);
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const retry = h('button', { type: 'button', class: 'views-button' }, ctx.t('retry'));
      retry.addEventListener('click', () => void loadInto(host, ctx, render));
      host.replaceChildren(
        h('div', { class: 'views-error', role: 'alert' }, ctx.t('failed', { message }), ' ', retry),
      );
    },
  );
}

export function button(
  label: string,
  onClick: () => void,
  attrs: Record<string, string | boolean | undefined> = {},
): HTMLButtonElement {
  const element = h('button', { type: 'button', class: 'views-button', ...attrs }, label);
  element.addEventListener('click', onClick);
  return element;
}

/** A node's name that opens it in the graph, plus a "read" link when the node has a place in the text. */
export function nodeLink(
  ctx: ViewsContext,
  node: CyNodeData | { id: string; name?: unknown; nameEn?: unknown },
) {
  const open = h(
    'button',
    { type: 'button', class: 'node-link', 'data-node-id': node.id, title: ctx.t('openInGraph') },
    ctx.name(node),
  );
  open.addEventListener('click', () => ctx.openInGraph(node.id));
  const start = 'start' in node ? num(node.start) : null;
  const end = 'end' in node ? num(node.end) : null;
  if (start === null || end === null) return open;
  return h('span', { class: 'node-ref' }, open, readLink(ctx, start, end));
}

export function readLink(ctx: ViewsContext, from: number, to: number, label = '¶'): HTMLAnchorElement {
  const link = h(
    'a',
    {
      class: 'read-link',
      href: `?page=reader&from=${from}&to=${to}`,
      title: ctx.t('openInReader'),
      'aria-label': ctx.t('openInReader'),
      'data-from': from,
      'data-to': to,
    },
    label,
  );
  link.addEventListener('click', (event) => {
    event.preventDefault();
    ctx.openInReader(from, to);
  });
  return link;
}

export function rankedList<T>(
  items: readonly T[],
  value: (item: T) => number,
  render: (item: T) => Node,
  describe: (item: T) => string,
): HTMLOListElement {
  const max = Math.max(1, ...items.map(value));
  return h(
    'ol',
    { class: 'ranked' },
    items.map((item) => {
      const fill = h('span', { class: 'ranked-fill' });
      // Through the CSSOM, which the page's CSP allows, rather than a style attribute.
      fill.style.width = `${(100 * value(item)) / max}%`;
      return h(
        'li',
        {},
        h('span', { class: 'ranked-name' }, render(item)),
        h('span', { class: 'ranked-bar', 'aria-hidden': 'true' }, fill),
        h('span', { class: 'ranked-value' }, describe(item)),
      );
    }),
  );
}

export { h, listen };
