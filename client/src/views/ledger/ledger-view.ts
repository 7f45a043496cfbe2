// The ledger table: one row per task with its current state, sortable by column, filtered by domain,
// responsible agency, status and overdue (all in the URL, so a filtered ledger is a link), and a drawer per
// row with the task's history and, for editors, the form that records new progress.
import '../../styles/ledger.css';
import {
  LEDGER_STATUSES,
  type LedgerRow,
  type LedgerStatus,
} from '../../../../server/src/domain/ledger-types.ts';
import { session } from '../auth/session.ts';
import type { MountedView, ViewsContext } from '../context.ts';
import { h, loadInto, nodeLink } from '../view-kit.ts';
import type { AgencyOption } from './entry-form.ts';
import { mountDrawer } from './history-drawer.ts';
import { fetchTable, type TableFilter } from './ledger-api.ts';
import { type LedgerKey, lt, statusText } from './ledger-i18n.ts';

const COLUMNS: Array<{ key: string; label: LedgerKey; sortable: boolean }> = [
  { key: 'ref', label: 'colRef', sortable: true },
  { key: 'task', label: 'colTask', sortable: true },
  { key: 'domain', label: 'colDomain', sortable: true },
  { key: 'agency', label: 'colAgency', sortable: true },
  { key: 'status', label: 'colStatus', sortable: true },
  { key: 'due', label: 'colDue', sortable: true },
  { key: 'progress', label: 'colProgress', sortable: true },
  { key: 'updated', label: 'colUpdated', sortable: true },
  { key: 'actions', label: 'colActions', sortable: false },
];

/** URL keys of this page (listed in the shell's OWNED_KEYS). */
export const LEDGER_KEYS = ['ld', 'lg', 'ls', 'lo', 'lsort', 'lorder', 'ltask'] as const;

const isStatus = (value: string): value is LedgerStatus =>
  (LEDGER_STATUSES as readonly string[]).includes(value);

export function responsible(row: LedgerRow): { id: string | null; name: string | null } {
  if (row.current?.agencyId) return { id: row.current.agencyId, name: row.current.agencyName };
  return { id: row.leadAgencyId, name: row.leadAgencyName };
}

function filterFromUrl(ctx: ViewsContext): TableFilter {
  const order = ctx.param('lorder');
  return {
    domain: ctx.param('ld') ?? undefined,
    agency: ctx.param('lg') ?? undefined,
    status: ctx.params('ls').filter(isStatus),
    overdue: ctx.param('lo') === '1',
    sort: ctx.param('lsort') ?? 'ref',
    order: order === 'desc' ? 'desc' : 'asc',
  };
}

type Translate = (key: LedgerKey, values?: Record<string, string | number>) => string;

/** The agencies the rows name (lead or responsible now), for the filter and the form, by name. */
function agencyOptions(allRows: LedgerRow[]): AgencyOption[] {
  const seen = new Map<string, string>();
  for (const row of allRows) {
    if (row.leadAgencyId && row.leadAgencyName) seen.set(row.leadAgencyId, row.leadAgencyName);
    const now = responsible(row);
    if (now.id && now.name) seen.set(now.id, now.name);
  }
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/** The filter controls (domain, agency, status, overdue, clear) over the live `filter`; changes go to `writeFilter`. */
function filterControls(
  ctx: ViewsContext,
  t: Translate,
  filter: () => TableFilter,
  allRows: LedgerRow[],
  writeFilter: (next: TableFilter) => void,
): HTMLElement[] {
  const domains = new Map<string, string>();
  for (const row of allRows)
    if (row.domainId) domains.set(row.domainId, ctx.name({ name: row.domainName, nameEn: row.domainNameEn }));
  const select = (
    label: LedgerKey,
    value: string | undefined,
    options: Array<[string, string]>,
    onChange: (v: string | undefined) => void,
  ) => {
    const element = h('select', { class: 'views-select' });
    element.append(h('option', { value: '' }, t('all')));
    for (const [id, name] of options)
      element.append(h('option', { value: id, selected: id === value }, name));
    element.addEventListener('change', () => onChange(element.value || undefined));
    return h('label', { class: 'ledger-filter' }, h('span', {}, t(label)), element);
  };
  const statusBoxes = LEDGER_STATUSES.map((status) => {
    const box = h('input', {
      type: 'checkbox',
      value: status,
      checked: filter().status?.includes(status) ?? false,
    });
    box.addEventListener('change', () => {
      const chosen = LEDGER_STATUSES.filter((s) =>
        s === status ? box.checked : filter().status?.includes(s),
      );
      writeFilter({ ...filter(), status: chosen });
    });
    return h(
      'label',
      {},
      box,
      ' ',
      h('span', { class: `ledger-dot status-${status}`, 'aria-hidden': 'true' }),
      statusText(ctx.lang, status),
    );
  });
  const overdue = h('input', {
    type: 'checkbox',
    checked: filter().overdue ?? false,
    'data-filter': 'overdue',
  });
  overdue.addEventListener('change', () => writeFilter({ ...filter(), overdue: overdue.checked }));
  const clear = h('button', { type: 'button', class: 'views-button' }, t('clearFilters'));
  clear.addEventListener('click', () => writeFilter({ sort: filter().sort, order: filter().order }));
  return [
    select('filterDomain', filter().domain, [...domains], (domain) => writeFilter({ ...filter(), domain })),
    select(
      'filterAgency',
      filter().agency,
      agencyOptions(allRows).map((a) => [a.id, a.name]),
      (agency) => writeFilter({ ...filter(), agency }),
    ),
    h('fieldset', { class: 'views-fieldset' }, h('legend', {}, t('filterStatus')), statusBoxes),
    h('label', { class: 'ledger-filter-check' }, overdue, ' ', t('filterOverdue')),
    clear,
  ];
}

/** A column's header: a sort button showing the current order (aria-sort too) when the column sorts. */
function headerCell(
  column: (typeof COLUMNS)[number],
  t: Translate,
  filter: () => TableFilter,
  writeFilter: (next: TableFilter) => void,
): HTMLTableCellElement {
  const label = t(column.label);
  if (!column.sortable) return h('th', { scope: 'col' }, label);
  const active = filter().sort === column.key;
  const order = active ? (filter().order ?? 'asc') : null;
  const sortButton = h(
    'button',
    {
      type: 'button',
      class: 'ledger-sort',
      'data-sort': column.key,
      title: t('sortBy', { column: label }),
    },
    label,
    h(
      'span',
      { class: 'ledger-sort-mark', 'aria-hidden': 'true' },
      order === 'asc' ? ' ▲' : order === 'desc' ? ' ▼' : '',
    ),
  );
  sortButton.addEventListener('click', () =>
    writeFilter({ ...filter(), sort: column.key, order: active && order === 'asc' ? 'desc' : 'asc' }),
  );
  return h(
    'th',
    { scope: 'col', 'aria-sort': order === 'asc' ? 'ascending' : order === 'desc' ? 'descending' : 'none' },
    sortButton,
  );
}

/** A task's row: ref, task link, domain, responsible agency, status, due, progress bar, last update, details. */
function rowElement(
  row: LedgerRow,
  ctx: ViewsContext,
  t: Translate,
  openDrawer: (taskId: string) => void,
): HTMLTableRowElement {
  const agency = responsible(row);
  const bar = h('span', { class: 'ledger-bar-fill' });
  const progress = row.current?.progress ?? 0;
  bar.style.width = `${progress}%`;
  const details = h(
    'button',
    {
      type: 'button',
      class: 'views-button',
      'data-action': 'details',
      'aria-label': t('detailsOf', { task: ctx.name(row) }),
    },
    t('details'),
  );
  details.addEventListener('click', () => openDrawer(row.taskId));
  return h(
    'tr',
    { 'data-task-id': row.taskId, class: row.overdue ? 'overdue' : '' },
    h('td', { class: 'ledger-ref' }, row.ref ?? ''),
    h('td', { class: 'ledger-task' }, nodeLink(ctx, { id: row.taskId, name: row.name, nameEn: row.nameEn })),
    h('td', {}, ctx.name({ name: row.domainName, nameEn: row.domainNameEn })),
    h('td', {}, agency.name ?? '—'),
    h(
      'td',
      { class: 'ledger-status-cell' },
      h('span', { class: `ledger-status status-${row.status}` }, statusText(ctx.lang, row.status)),
      row.overdue ? h('span', { class: 'ledger-overdue' }, t('overdue')) : null,
    ),
    h('td', { class: 'ledger-due' }, row.current?.dueDate ?? ''),
    h(
      'td',
      { class: 'ledger-progress' },
      h(
        'span',
        {
          class: 'ledger-bar',
          role: 'progressbar',
          'aria-valuenow': progress,
          'aria-valuemin': 0,
          'aria-valuemax': 100,
          'aria-label': t('colProgress'),
        },
        bar,
      ),
      h('span', { class: 'ledger-progress-text' }, `${progress}%`),
    ),
    h(
      'td',
      { class: 'ledger-updated' },
      row.current
        ? t('updatedBy', { date: row.current.createdAt.slice(0, 10), author: row.current.author })
        : h('span', { class: 'muted' }, t('neverUpdated')),
    ),
    h('td', {}, details),
  );
}

/** Mounts the ledger page in `host`; `ready` settles once the table is shown (and a linked drawer opened). */
export function mountLedger(host: HTMLElement, ctx: ViewsContext): MountedView {
  const t: Translate = (key, values) => lt(ctx.lang, key, values);
  let filter = filterFromUrl(ctx);
  let allRows: LedgerRow[] = [];
  const controls = h('div', { class: 'views-controls ledger-filters' });
  const tableHost = h('div', { class: 'ledger-table-host' });
  const drawerHost = h('div', { class: 'ledger-drawer-host', hidden: true });
  const access = h('p', { class: 'views-hint ledger-access' });
  host.replaceChildren(
    h(
      'section',
      { class: 'views-page ledger-page' },
      h(
        'header',
        { class: 'views-header' },
        h('h1', {}, t('ledgerTitle')),
        h('p', { class: 'views-hint' }, t('ledgerHint')),
        access,
      ),
      controls,
      tableHost,
    ),
    drawerHost,
  );

  let closeDrawer: (() => void) | null = null;
  const agencies = () => agencyOptions(allRows);

  const openDrawer = (taskId: string) => {
    closeDrawer?.();
    ctx.setParams({ ltask: taskId });
    closeDrawer = mountDrawer(drawerHost, {
      ctx,
      taskId,
      agencies: agencies(),
      onSaved: () => void reload(),
      onClose: () => {
        closeDrawer = null;
        ctx.setParams({ ltask: null });
      },
    });
  };

  const writeFilter = (next: TableFilter) => {
    filter = next;
    ctx.setParams({
      ld: next.domain ?? null,
      lg: next.agency ?? null,
      ls: next.status ?? [],
      lo: next.overdue ? '1' : null,
      lsort: next.sort && next.sort !== 'ref' ? next.sort : null,
      lorder: next.order === 'desc' ? 'desc' : null,
    });
    void reload();
  };

  const reload = () =>
    loadInto(tableHost, ctx, async () => {
      const [all, shown] = await Promise.all([fetchTable({}), fetchTable(filter)]);
      allRows = all.rows;
      controls.replaceChildren(...filterControls(ctx, t, () => filter, allRows, writeFilter));
      const table = h(
        'table',
        { class: 'ledger-table' },
        h('caption', { class: 'ledger-caption' }, t('rowCount', { n: shown.rows.length })),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            COLUMNS.map((column) => headerCell(column, t, () => filter, writeFilter)),
          ),
        ),
        h(
          'tbody',
          {},
          shown.rows.map((row) => rowElement(row, ctx, t, openDrawer)),
        ),
      );
      if (shown.rows.length === 0)
        return h('div', {}, table, h('p', { class: 'views-hint ledger-empty' }, t('noRows')));
      return table;
    });

  const renderAccess = () => {
    const user = session.user();
    access.textContent = session.can('editor') ? '' : t('readOnlyHint');
    access.hidden = session.can('editor') && user !== null;
  };
  renderAccess();
  const offSession = session.subscribe(renderAccess);

  const ready = reload().then(() => {
    const open = ctx.param('ltask');
    if (open) openDrawer(open);
  });
  return {
    ready,
    teardown() {
      offSession();
      closeDrawer?.();
      host.replaceChildren();
    },
  };
}
