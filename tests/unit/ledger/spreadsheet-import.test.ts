// Validation of a planner's sheet row by row, before anything is written: each problem names its row and
// column; unchanged rows are not re-recorded; headers are found by either language.
import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../../../server/src/domain/ledger-types.ts';
import { type Cell, validateLedgerSheet } from '../../../server/src/ledger/spreadsheet-import.ts';

function task(ref: string, version = 0): LedgerRow {
  return {
    taskId: `p:task:${ref}`,
    planId: 'p',
    ref,
    name: ref,
    nameEn: null,
    domainId: null,
    domainName: null,
    domainNameEn: null,
    domainNumber: null,
    leadAgencyId: 'p:agency:lead',
    leadAgencyName: '牵头局',
    current: null,
    status: 'not-started',
    version,
    overdue: false,
  };
}

const context = {
  rows: [task('1.1'), task('1.2'), task('1.3', 2)],
  agencies: [{ id: 'p:agency:lead', name: '牵头局', nameEn: 'Lead Bureau', aliases: ['牵头'] }],
};

// Columns in a planner's own order, English-only and Chinese-only headers, some optional ones left out.
const header: Cell[] = ['Task ID', '状态', 'Progress', '责任单位', 'Version'];

describe('validateLedgerSheet', () => {
  it('turns changed rows into entries and counts blank or unchanged rows', () => {
    const result = validateLedgerSheet(
      [
        header,
        ['p:task:1.1', '推进中', '40%', 'Lead Bureau', 0],
        ['p:task:1.2', '', '', '', 0],
        [],
        ['p:task:1.3', 'not-started', 0, '', 2],
      ],
      context,
    );
    expect(result.errors).toEqual([]);
    expect(result.changes).toEqual([
      {
        row: 2,
        taskId: 'p:task:1.1',
        input: { baseVersion: 0, status: 'in-progress', progress: 40, agencyId: 'p:agency:lead' },
      },
    ]);
    expect(result.unchanged).toBe(2);
  });

  it('names the row and column of every bad cell', () => {
    const result = validateLedgerSheet(
      [
        header,
        ['p:task:1.1', 'soon', '40', '', 0],
        ['p:task:1.2', 'done', '101', '某局', 0],
        ['p:task:9.9', 'done', '', '', 0],
      ],
      context,
    );
    expect(result.errors.map((e) => `${e.column}${e.row}`)).toEqual(['B2', 'C3', 'D3', 'A4']);
    expect(result.errors[3]?.message).toContain('p:task:9.9');
  });

  it('refuses a stale version and a task listed twice', () => {
    const result = validateLedgerSheet(
      [
        header,
        ['p:task:1.3', 'done', '', '', 1],
        ['p:task:1.1', 'done', '', '', 0],
        ['p:task:1.1', 'delayed', '', '', 0],
      ],
      context,
    );
    expect(result.errors.map((e) => `${e.column}${e.row}`)).toEqual(['E2', 'A4']);
  });

  it('reports missing required columns on the header row', () => {
    const result = validateLedgerSheet(
      [
        ['Task ID', 'Progress'],
        ['p:task:1.1', 5],
      ],
      context,
    );
    expect(result.errors.map((e) => [e.row, e.header])).toEqual([
      [1, '状态 Status'],
      [1, '版本 Version'],
    ]);
  });
});
