// A stacked horizontal bar chart of tasks per status for a list of groups (domains or agencies), drawn by
// Chart.js on a canvas. Chart.js 4 sizes its canvas through the CSSOM (element.style) and injects no <style>
// element, so it runs under the page's CSP. The canvas gets an accessible name and the same numbers are
// offered as a table for screen readers and for copying.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import {
  LEDGER_STATUSES,
  type LedgerStatus,
  type ProgressGroup,
} from '../../../../server/src/domain/ledger-types.ts';
import { CJK_FONT_STACK } from '../../graph/style.ts';
import type { Lang } from '../../types.ts';
import { h } from '../view-kit.ts';
import { lt, statusText } from './ledger-i18n.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = CJK_FONT_STACK;

/** The same colours as the graph's "colour by progress" and the table's status chips. */
export const STATUS_COLOUR: Record<LedgerStatus, string> = {
  'not-started': '#94a3b8',
  'in-progress': '#2563eb',
  done: '#16a34a',
  delayed: '#dc2626',
  suspended: '#a16207',
};

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export interface ProgressChart {
  element: HTMLElement;
  destroy(): void;
}

export function progressChart(
  lang: Lang,
  title: string,
  groups: readonly ProgressGroup[],
  name: (group: ProgressGroup) => string,
): ProgressChart {
  const canvas = h('canvas', { role: 'img', 'aria-label': lt(lang, 'chartLabel', { title }) });
  const box = h('div', { class: 'ledger-chart' }, canvas);
  // Height follows the number of bars; set through the CSSOM, which the CSP allows.
  box.style.height = `${Math.max(160, 28 * groups.length + 70)}px`;
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: groups.map((group) => shorten(name(group), lang === 'en' ? 34 : 16)),
      datasets: LEDGER_STATUSES.map((status) => ({
        label: statusText(lang, status),
        data: groups.map((group) => group.counts[status]),
        backgroundColor: STATUS_COLOUR[status],
      })),
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { stacked: true, ticks: { precision: 0 } },
        y: { stacked: true, ticks: { autoSkip: false } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            afterBody: (items) => {
              const group = groups[items[0]?.dataIndex ?? -1];
              return group ? `${lt(lang, 'meanProgress')}: ${Math.round(group.meanProgress)}%` : '';
            },
          },
        },
      },
    },
  });
  const table = h(
    'table',
    { class: 'ledger-chart-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, lt(lang, 'group')),
        LEDGER_STATUSES.map((status) => h('th', { scope: 'col' }, statusText(lang, status))),
        h('th', { scope: 'col' }, lt(lang, 'overdue')),
        h('th', { scope: 'col' }, lt(lang, 'meanProgress')),
      ),
    ),
    h(
      'tbody',
      {},
      groups.map((group) =>
        h(
          'tr',
          { 'data-group-id': group.id },
          h('th', { scope: 'row' }, name(group)),
          LEDGER_STATUSES.map((status) => h('td', {}, String(group.counts[status]))),
          h('td', {}, String(group.overdue)),
          h('td', {}, `${Math.round(group.meanProgress)}%`),
        ),
      ),
    ),
  );
  const element = h(
    'figure',
    { class: 'ledger-figure' },
    h('figcaption', {}, title),
    box,
    h('details', {}, h('summary', {}, lt(lang, 'showTable')), table),
  );
  return { element, destroy: () => chart.destroy() };
}
