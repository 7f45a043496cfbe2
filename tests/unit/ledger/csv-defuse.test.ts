// CSV meant for a spreadsheet (ledger sheet, audit export) defuses cells a spreadsheet would run as a
// formula, per OWASP's CSV-injection guidance: a leading apostrophe before = + - @ tab and CR.
import { describe, expect, it } from 'vitest';
import { auditCsv } from '../../../server/src/api/auth-admin-routes.ts';
import { csvText } from '../../../server/src/ledger/spreadsheet-export.ts';
import { restoreDefused } from '../../../server/src/ledger/spreadsheet-layout.ts';

describe('spreadsheet CSV', () => {
  it('puts an apostrophe before every formula-like cell and leaves other text alone', () => {
    const cells = ['=1+1', '+86 10', '-5', '@SUM(A1)', '\tx', '\rx', '推进中', 'a=b'];
    const [, row] = csvText(['h'], [cells])
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(row).toBe(`'=1+1,'+86 10,'-5,'@SUM(A1),'\tx,"'\rx",推进中,a=b`);
  });

  it('defuses an audit trail entry whose target is a formula', () => {
    const csv = auditCsv([
      {
        id: 'e1',
        at: '2026-11-29T10:00:00Z',
        actor: 'ed1',
        action: 'ledger.entry.create',
        target: '=HYPERLINK("http://evil.example")',
        ip: '127.0.0.1',
        outcome: 'ok',
        before: null,
        after: null,
      },
    ]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csv).not.toMatch(/,"?=HYPERLINK/);
  });

  it('reads a defused cell back as what was typed', () => {
    expect(restoreDefused("'=1+1")).toBe('=1+1');
    expect(restoreDefused("'plain")).toBe("'plain");
  });
});
