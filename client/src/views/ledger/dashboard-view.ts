// The dashboard: progress per domain and per responsible agency (charts with tables), the plan checks, what
// is blocked behind delayed tasks (each a way into the graph), the mid-term review report, and the ledger
// sheet's export and import — an import that fails lists the rows and columns at fault and writes nothing.
import type {
  BlockedResponse,
  ImportCellError,
  PlanChecksResponse,
  ProgressGroup,
} from '../../../../server/src/domain/ledger-types.ts';
import { session, WriteError } from '../auth/session.ts';
import type { MountedView, ViewsContext } from '../context.ts';
import { h, loadInto, nodeLink } from '../view-kit.ts';
import {
  fetchBlocked,
  fetchChecks,
  fetchDashboard,
  importSheet,
  ledgerPlan,
  reviewUrl,
  sheetUrl,
} from './ledger-api.ts';
import { type LedgerKey, lt, statusText } from './ledger-i18n.ts';
import { type ProgressChart, progressChart } from './progress-chart.ts';

const TOP_AGENCIES = 15;

function isCellErrors(details: unknown): details is { errors: ImportCellError[] } {
  return (
    typeof details === 'object' &&
    details !== null &&
    'errors' in details &&
    Array.isArray((details as { errors: unknown }).errors)
  );
}

type Translate = (key: LedgerKey, values?: Record<string, string | number>) => string;

/** The plan checks: tasks without a lead, unmentioned pilots, targets without a year, dependency cycles. */
function checksCard(ctx: ViewsContext, t: Translate, checks: PlanChecksResponse): HTMLElement {
  const checkList = (title: LedgerKey, items: Node[]) =>
    h(
      'div',
      { class: 'ledger-check', 'data-count': items.length },
      h('h3', {}, `${t(title)} (${items.length})`),
      items.length === 0
        ? h('p', { class: 'views-hint' }, t('checkOk'))
        : h(
            'ul',
            {},
            items.map((item) => h('li', {}, item)),
          ),
    );

  return h(
    'div',
    {},
    h('h2', { id: 'ledger-checks-title' }, t('checksTitle')),
    checkList(
      'checkNoLead',
      checks.tasksWithoutLead.map((task) => nodeLink(ctx, task)),
    ),
    checkList(
      'checkPilots',
      checks.unmentionedPilots.map((pilot) => nodeLink(ctx, pilot)),
    ),
    checkList(
      'checkTargets',
      checks.targetsWithoutYear.map((target) =>
        h(
          'span',
          {},
          nodeLink(ctx, target),
          target.quote ? h('q', { class: 'ledger-quote' }, target.quote) : null,
        ),
      ),
    ),
    checkList(
      'checkCycles',
      checks.dependencyCycles.map((cycle) =>
        h(
          'span',
          { class: 'ledger-cycle' },
          cycle.tasks.flatMap((id, i) => [i > 0 ? ' → ' : '', nodeLink(ctx, { id, name: id })]),
        ),
      ),
    ),
  );
}

/** What is blocked behind each delayed task, with how deep, each a link into the graph. */
function blockedCard(ctx: ViewsContext, t: Translate, blocked: BlockedResponse): HTMLElement {
  const body =
    blocked.items.length === 0
      ? h('p', { class: 'views-hint' }, t('blockedNone'))
      : h(
          'ul',
          { class: 'ledger-blocked-list' },
          blocked.items.map((item) =>
            h(
              'li',
              { 'data-delayed': item.delayed.taskId },
              h(
                'div',
                {},
                nodeLink(ctx, {
                  id: item.delayed.taskId,
                  name: item.delayed.name,
                  nameEn: item.delayed.nameEn,
                }),
                ' ',
                h('span', { class: 'ledger-status status-delayed' }, statusText(ctx.lang, 'delayed')),
              ),
              h(
                'ul',
                {},
                item.blocked.map((task) =>
                  h(
                    'li',
                    { 'data-task-id': task.taskId },
                    nodeLink(ctx, { id: task.taskId, name: task.name, nameEn: task.nameEn }),
                    ' ',
                    h('span', { class: 'muted' }, t('depth', { n: task.depth })),
                  ),
                ),
              ),
            ),
          ),
        );
  return h(
    'div',
    {},
    h('h2', { id: 'ledger-blocked-title' }, t('blockedTitle')),
    h('p', { class: 'views-hint' }, t('blockedHint')),
    body,
  );
}

/** Review report links, sheet export, and (for editors) the sheet import form; `onImported` after a good import. */
function filesCard(t: Translate, plan: string, onImported: () => void): HTMLElement {
  const link = (href: string, label: LedgerKey, download: boolean) =>
    h(
      'a',
      {
        class: 'views-button',
        href,
        ...(download ? { download: '' } : { target: '_blank', rel: 'noopener' }),
      },
      t(label),
    );
  const result = h('div', { class: 'ledger-import-result', 'aria-live': 'polite' });
  const file = h('input', {
    type: 'file',
    accept: '.xlsx,.csv',
    class: 'ledger-import-file',
    'aria-label': t('importFile'),
  });
  const go = h('button', { type: 'submit', class: 'views-button primary' }, t('importButton'));
  const form = h(
    'form',
    { class: 'ledger-import' },
    h('label', { class: 'ledger-field' }, h('span', {}, t('importSheet')), file),
    go,
    result,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) return;
    go.disabled = true;
    result.textContent = t('importing');
    importSheet(chosen, chosen.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx')
      .then((done) => {
        result.replaceChildren(
          h(
            'p',
            { class: 'ledger-message', role: 'status' },
            t('imported', { applied: done.applied, unchanged: done.unchanged }),
          ),
        );
        onImported();
      })
      .catch((error: unknown) => result.replaceChildren(...importFailure(error, t)))
      .finally(() => {
        go.disabled = false;
      });
  });
  const canImport = session.can('editor');
  return h(
    'div',
    {},
    h('h2', {}, t('reportsTitle')),
    h(
      'p',
      { class: 'ledger-links' },
      link(reviewUrl(plan, 'html'), 'reviewHtml', false),
      link(reviewUrl(plan, 'xlsx'), 'reviewXlsx', true),
    ),
    h('h2', {}, t('sheetTitle')),
    h(
      'p',
      { class: 'ledger-links' },
      link(sheetUrl(plan, 'xlsx'), 'exportXlsx', true),
      link(sheetUrl(plan, 'csv'), 'exportCsv', true),
    ),
    canImport ? form : h('p', { class: 'views-hint' }, t('importNeedsLogin')),
  );
}

/** Why a sheet import was refused: the message, and a table of the rows and columns at fault when given. */
function importFailure(error: unknown, t: Translate): Node[] {
  const message = error instanceof Error ? error.message : String(error);
  const parts: Node[] = [
    h('p', { class: 'ledger-message error', role: 'alert' }, t('importRejected', { message })),
  ];
  if (error instanceof WriteError && isCellErrors(error.details))
    parts.push(
      h(
        'table',
        { class: 'ledger-import-errors' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            (['errRow', 'errColumn', 'errHeader', 'errMessage'] as const).map((key) =>
              h('th', { scope: 'col' }, t(key)),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          error.details.errors.map((cell) =>
            h(
              'tr',
              { 'data-row': cell.row, 'data-column': cell.column },
              h('td', {}, String(cell.row)),
              h('td', {}, cell.column),
              h('td', {}, cell.header),
              h('td', {}, cell.message),
            ),
          ),
        ),
      ),
    );
  return parts;
}

/** Mounts the dashboard in `host`; `ready` settles once charts, checks, blocked tasks and files are shown. */
export function mountDashboard(host: HTMLElement, ctx: ViewsContext): MountedView {
  const t: Translate = (key, values) => lt(ctx.lang, key, values);
  const charts: ProgressChart[] = [];
  const summary = h('p', { class: 'ledger-totals', role: 'status' });
  const chartsHost = h('div', { class: 'ledger-charts' });
  const checksHost = h('section', {
    class: 'insight-card ledger-checks',
    'aria-labelledby': 'ledger-checks-title',
  });
  const blockedHost = h('section', {
    class: 'insight-card ledger-blocked',
    'aria-labelledby': 'ledger-blocked-title',
  });
  const filesHost = h('section', { class: 'insight-card ledger-files' });
  host.replaceChildren(
    h(
      'section',
      { class: 'views-page dashboard-page' },
      h(
        'header',
        { class: 'views-header' },
        h('h1', {}, t('dashboardTitle')),
        h('p', { class: 'views-hint' }, t('dashboardHint')),
      ),
      summary,
      chartsHost,
      h('div', { class: 'insight-grid ledger-grid' }, checksHost, blockedHost, filesHost),
    ),
  );

  const groupName = (group: ProgressGroup) => ctx.name(group);
  const renderCharts = () =>
    loadInto(chartsHost, ctx, async () => {
      for (const chart of charts.splice(0)) chart.destroy();
      const data = await fetchDashboard();
      summary.textContent = t('totals', {
        total: data.totals.total,
        mean: Math.round(data.totals.meanProgress),
        overdue: data.totals.overdue,
      });
      const agencies = [...data.byAgency].sort((a, b) => b.total - a.total).slice(0, TOP_AGENCIES);
      charts.push(
        progressChart(ctx.lang, t('byDomain'), data.byDomain, groupName),
        progressChart(ctx.lang, t('byAgency', { n: agencies.length }), agencies, groupName),
      );
      return h(
        'div',
        { class: 'ledger-chart-row' },
        charts.map((chart) => chart.element),
      );
    });

  const renderChecks = () =>
    loadInto(checksHost, ctx, async () => {
      const checks: PlanChecksResponse = await fetchChecks();
      return checksCard(ctx, t, checks);
    });

  const renderBlocked = () =>
    loadInto(blockedHost, ctx, async () => {
      const blocked: BlockedResponse = await fetchBlocked();
      return blockedCard(ctx, t, blocked);
    });

  const renderFiles = () =>
    loadInto(filesHost, ctx, async () => {
      const plan = await ledgerPlan();
      return filesCard(t, plan, () => {
        void renderCharts();
        void renderBlocked();
      });
    });

  const offSession = session.subscribe(() => void renderFiles());
  const ready = Promise.all([renderCharts(), renderChecks(), renderBlocked(), renderFiles()]).then(
    () => undefined,
  );
  return {
    ready,
    teardown() {
      offSession();
      for (const chart of charts.splice(0)) chart.destroy();
      host.replaceChildren();
    },
  };
}
