// The rules of the derived views: what counts as overdue, sorting with missing values, dashboard groups.
import { describe, expect, it } from 'vitest';
import type { LedgerEntry, LedgerRow, LedgerStatus } from '../../../server/src/domain/ledger-types.ts';
import { dashboardGroups, filterAndSort, isOverdue } from '../../../server/src/ledger/ledger-views.ts';

function row(
  ref: string,
  status: LedgerStatus | null,
  extra: Partial<LedgerEntry> = {},
  lead = 'lead-a',
): LedgerRow {
  const current: LedgerEntry | null = status
    ? {
        id: `e-${ref}`,
        taskId: `t-${ref}`,
        planId: 'p',
        measureId: null,
        version: 1,
        status,
        agencyId: null,
        agencyName: null,
        dueDate: null,
        progress: 0,
        note: '',
        evidenceUrl: null,
        author: 'u',
        createdAt: '2020-01-01T00:00:00Z',
        source: 'api',
        ...extra,
      }
    : null;
  return {
    taskId: `t-${ref}`,
    planId: 'p',
    ref,
    name: `task ${ref}`,
    nameEn: null,
    domainId: `d-${ref.split('.')[0]}`,
    domainName: `domain ${ref.split('.')[0]}`,
    domainNameEn: null,
    domainNumber: Number(ref.split('.')[0]),
    leadAgencyId: lead,
    leadAgencyName: lead,
    current,
    status: status ?? 'not-started',
    version: status ? 1 : 0,
    overdue: isOverdue(status ?? 'not-started', current?.dueDate ?? null, '2020-06-01'),
  };
}

describe('isOverdue', () => {
  it.each([
    ['in-progress', '2020-05-31', true],
    ['delayed', '2020-05-31', true],
    ['not-started', '2020-05-31', true],
    ['in-progress', '2020-06-01', false],
    ['done', '2020-01-01', false],
    ['suspended', '2020-01-01', false],
    ['in-progress', null, false],
  ] as const)('a %s task due %s is overdue on 2020-06-01: %s', (status, due, expected) => {
    expect(isOverdue(status, due, '2020-06-01')).toBe(expected);
  });
});

describe('filterAndSort', () => {
  const rows = [
    row('1.10', 'done', { progress: 100, dueDate: '2019-01-01' }),
    row('1.2', 'in-progress', { progress: 50, agencyId: 'other', agencyName: 'Other' }),
    row('2.1', null),
    row('1.9', 'delayed', { progress: 10, dueDate: '2020-01-01' }),
  ];

  it('orders task refs numerically, so 1.10 follows 1.9', () => {
    expect(filterAndSort([...rows], {}).map((r) => r.ref)).toEqual(['1.2', '1.9', '1.10', '2.1']);
  });

  it('puts tasks without a due date last in either direction', () => {
    expect(filterAndSort([...rows], { sort: 'due' }).map((r) => r.ref)).toEqual([
      '1.10',
      '1.9',
      '1.2',
      '2.1',
    ]);
    expect(filterAndSort([...rows], { sort: 'due', order: 'desc' }).map((r) => r.ref)).toEqual([
      '1.9',
      '1.10',
      '1.2',
      '2.1',
    ]);
  });

  it('filters by the responsible agency, falling back to the lead', () => {
    expect(filterAndSort([...rows], { agency: 'other' }).map((r) => r.ref)).toEqual(['1.2']);
  });

  it('filters by domain number or id, status list and overdue flag', () => {
    expect(filterAndSort([...rows], { domain: '2' }).map((r) => r.ref)).toEqual(['2.1']);
    expect(
      filterAndSort([...rows], { domain: 'd-1', status: ['done', 'delayed'] }).map((r) => r.ref),
    ).toEqual(['1.9', '1.10']);
    expect(filterAndSort([...rows], { overdue: true }).map((r) => r.ref)).toEqual(['1.9']);
  });
});

describe('dashboardGroups', () => {
  it('counts each task once per grouping, tasks without entries as not started with 0 progress', () => {
    const rows = [
      row('1.1', 'done', { progress: 100 }),
      row('1.2', null),
      row('2.1', 'delayed', { progress: 20 }, 'lead-b'),
    ];
    const { byDomain, byAgency } = dashboardGroups(rows);
    expect(byDomain.find((g) => g.id === 'd-1')).toMatchObject({
      total: 2,
      meanProgress: 50,
      counts: { done: 1, 'not-started': 1, delayed: 0 },
    });
    expect(byAgency.map((g) => [g.id, g.total])).toEqual([
      ['lead-a', 2],
      ['lead-b', 1],
    ]);
  });
});
