// The side drawer of one task: who leads it, the editor's form (for editors) and its history, newest first.
// It is a non-modal dialog: the table stays usable, Escape or the close button shuts it and focus goes back.
import type { LedgerEntry, LedgerHistoryResponse } from '../../../../server/src/domain/ledger-types.ts';
import { session } from '../auth/session.ts';
import type { ViewsContext } from '../context.ts';
import { h, loadInto, nodeLink } from '../view-kit.ts';
import { type AgencyOption, entryForm } from './entry-form.ts';
import { fetchHistory } from './ledger-api.ts';
import { lt, statusText } from './ledger-i18n.ts';

export interface DrawerOptions {
  ctx: ViewsContext;
  taskId: string;
  agencies: readonly AgencyOption[];
  onSaved(): void;
  onClose(): void;
}

function historyItem(ctx: ViewsContext, entry: LedgerEntry): HTMLLIElement {
  const t = (key: Parameters<typeof lt>[1], values?: Record<string, string | number>) =>
    lt(ctx.lang, key, values);
  return h(
    'li',
    { class: 'ledger-history-item', 'data-version': entry.version },
    h(
      'div',
      { class: 'ledger-history-head' },
      h('strong', {}, t('version', { n: entry.version })),
      ' ',
      h('span', { class: `ledger-status status-${entry.status}` }, statusText(ctx.lang, entry.status)),
      ' ',
      h('span', { class: 'ledger-progress-text' }, `${entry.progress}%`),
    ),
    h(
      'div',
      { class: 'ledger-history-meta' },
      `${entry.createdAt.slice(0, 16).replace('T', ' ')} · ${entry.author} · ${t(`source_${entry.source}`)}`,
    ),
    h(
      'div',
      { class: 'ledger-history-meta' },
      [entry.agencyName, entry.dueDate].filter((part): part is string => Boolean(part)).join(' · '),
    ),
    entry.note ? h('p', { class: 'ledger-note' }, entry.note) : null,
    entry.evidenceUrl
      ? h('a', { href: entry.evidenceUrl, target: '_blank', rel: 'noopener noreferrer' }, t('evidence'))
      : null,
  );
}

export function mountDrawer(host: HTMLElement, options: DrawerOptions): () => void {
  const { ctx } = options;
  const t = (key: Parameters<typeof lt>[1], values?: Record<string, string | number>) =>
    lt(ctx.lang, key, values);
  const titleId = 'ledger-drawer-title';
  const body = h('div', { class: 'ledger-drawer-body' });
  const close = h('button', { type: 'button', class: 'views-button', 'aria-label': ctx.t('close') }, '×');
  const title = h('h2', { id: titleId }, '…');
  const drawer = h(
    'aside',
    { class: 'ledger-drawer', role: 'dialog', 'aria-labelledby': titleId, 'data-task-id': options.taskId },
    h('header', { class: 'ledger-drawer-header' }, title, close),
    body,
  );
  host.replaceChildren(drawer);
  host.hidden = false;
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;

  const render = (focus: boolean) =>
    loadInto(body, ctx, async () => {
      const data: LedgerHistoryResponse = await fetchHistory(options.taskId);
      title.textContent = t('detailsOf', { task: ctx.name(data.task) });
      const parts: Node[] = [
        h(
          'p',
          { class: 'ledger-task-ref' },
          nodeLink(ctx, { id: data.task.taskId, name: data.task.name, nameEn: data.task.nameEn }),
        ),
      ];
      if (data.task.leadAgencyName)
        parts.push(h('p', { class: 'views-hint' }, t('leadAgency', { name: data.task.leadAgencyName })));
      if (session.can('editor'))
        parts.push(
          entryForm({
            lang: ctx.lang,
            data,
            agencies: options.agencies,
            onSaved: () => {
              options.onSaved();
              void render(false);
            },
          }),
        );
      else parts.push(h('p', { class: 'views-hint' }, t('readOnlyHint')));
      parts.push(
        h('h3', {}, t('history')),
        data.history.length === 0
          ? h('p', { class: 'views-hint' }, t('noHistory'))
          : h(
              'ol',
              { class: 'ledger-history' },
              data.history.map((entry) => historyItem(ctx, entry)),
            ),
      );
      return h('div', {}, parts);
    }).then(() => {
      if (focus) (drawer.querySelector<HTMLElement>('select, .node-link') ?? close).focus();
    });

  let offSession = () => {};
  const teardown = () => {
    offSession();
    host.hidden = true;
    host.replaceChildren();
  };
  const shut = () => {
    teardown();
    options.onClose();
    returnFocus?.focus();
  };
  close.addEventListener('click', shut);
  drawer.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      shut();
    }
  });
  offSession = session.subscribe(() => void render(false));
  void render(true);
  return teardown;
}
