// The audit trail, for admins: who did what to which target, when, from where and with what outcome, newest
// first, filterable by actor and action, and exportable as CSV or JSON. Others see why they cannot see it.
import type { AuditEvent, AuditResponse } from '../../../../server/src/domain/ledger-types.ts';
import { getJson, query } from '../../api/http.ts';
import { session } from '../auth/session.ts';
import type { MountedView, ViewsContext } from '../context.ts';
import { h, loadInto } from '../view-kit.ts';
import { type LedgerKey, lt } from './ledger-i18n.ts';

const LIMIT = 500;

/** A short human reading of what an event changed; the JSON export keeps the whole value. */
function change(event: AuditEvent): string {
  const after = event.after;
  if (typeof after !== 'object' || after === null)
    return after === null || after === undefined ? '' : String(after);
  const fields = ['status', 'progress', 'dueDate', 'agencyId', 'note', 'applied', 'role', 'username'];
  const record = after as Record<string, unknown>;
  const parts = fields
    .filter((key) => record[key] !== undefined && record[key] !== null && record[key] !== '')
    .map((key) => `${key}: ${String(record[key])}`);
  return parts.length > 0 ? parts.join(', ') : JSON.stringify(after).slice(0, 160);
}

/** The events as a table, one row each: when, who, what, target, from where, outcome and change. */
function auditTable(
  events: AuditEvent[],
  t: (key: LedgerKey, values?: Record<string, string | number>) => string,
): HTMLElement {
  const columns: LedgerKey[] = [
    'auditAt',
    'auditActor',
    'auditAction',
    'auditTarget',
    'auditIp',
    'auditOutcome',
    'auditChange',
  ];
  return h(
    'table',
    { class: 'ledger-table audit-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        columns.map((key) => h('th', { scope: 'col' }, t(key))),
      ),
    ),
    h(
      'tbody',
      {},
      events.map((event) =>
        h(
          'tr',
          { 'data-audit-id': event.id, 'data-action': event.action, 'data-outcome': event.outcome },
          h('td', { class: 'nowrap' }, event.at.slice(0, 19).replace('T', ' ')),
          h('td', { class: 'audit-actor' }, event.actor ?? '—'),
          h('td', {}, event.action),
          h('td', { class: 'audit-target' }, event.target ?? ''),
          h('td', {}, event.ip ?? ''),
          h(
            'td',
            {},
            h('span', { class: `audit-outcome outcome-${event.outcome}` }, t(`outcome_${event.outcome}`)),
          ),
          h('td', { class: 'audit-change' }, change(event)),
        ),
      ),
    ),
  );
}

/** Mounts the audit page in `host`: the newest LIMIT events for admins, a notice for everyone else. */
export function mountAudit(host: HTMLElement, ctx: ViewsContext): MountedView {
  const t = (key: LedgerKey, values?: Record<string, string | number>) => lt(ctx.lang, key, values);
  const body = h('div', { class: 'audit-body' });
  host.replaceChildren(
    h(
      'section',
      { class: 'views-page audit-page' },
      h(
        'header',
        { class: 'views-header' },
        h('h1', {}, t('auditTitle')),
        h('p', { class: 'views-hint' }, t('auditHint')),
      ),
      body,
    ),
  );
  let actor = '';
  let action = '';

  const render = () =>
    loadInto(body, ctx, async () => {
      await session.ready;
      if (!session.can('admin'))
        return h('p', { class: 'views-hint audit-denied', role: 'status' }, t('auditAdminsOnly'));
      const filter = { actor: actor || undefined, action: action || undefined, limit: LIMIT };
      const { events } = await getJson<AuditResponse>(`/api/admin/audit${query(filter)}`);
      const input = (label: LedgerKey, value: string, set: (v: string) => void) => {
        const element = h('input', { class: 'views-input', type: 'search', value });
        element.addEventListener('change', () => {
          set(element.value.trim());
          void render();
        });
        return h('label', { class: 'ledger-filter' }, h('span', {}, t(label)), element);
      };
      const exportLink = (format: 'csv' | 'json', label: LedgerKey) =>
        h(
          'a',
          {
            class: 'views-button',
            href: `/api/admin/audit/export${query({ ...filter, format })}`,
            download: '',
          },
          t(label),
        );
      const controls = h(
        'div',
        { class: 'views-controls' },
        input('auditFilterActor', actor, (v) => {
          actor = v;
        }),
        input('auditFilterAction', action, (v) => {
          action = v;
        }),
        exportLink('csv', 'auditExportCsv'),
        exportLink('json', 'auditExportJson'),
      );
      if (events.length === 0)
        return h('div', {}, controls, h('p', { class: 'views-hint' }, t('auditEmpty')));
      return h('div', {}, controls, auditTable(events, t));
    });

  const offSession = session.subscribe(() => void render());
  const ready = render();
  return {
    ready,
    teardown() {
      offSession();
      host.replaceChildren();
    },
  };
}
