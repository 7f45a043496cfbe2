// Writes the ledger sheet (one row per task, current state) as XLSX or CSV, and generic tables as CSV.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { LEDGER_STATUSES, type LedgerRow } from '../domain/ledger-types.ts';
import { responsibleAgency } from './ledger-views.ts';
import { columnLetter, defuseFormula, LEDGER_COLUMNS, type LedgerColumnKey } from './spreadsheet-layout.ts';

export type SheetFormat = 'xlsx' | 'csv';
export const SHEET_MIME: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export function ledgerCells(row: LedgerRow): Record<LedgerColumnKey, string | number> {
  const current = row.current;
  return {
    ref: row.ref ?? '',
    domain: row.domainName ?? '',
    task: row.name,
    lead: row.leadAgencyName ?? '',
    agency: responsibleAgency(row).name ?? '',
    status: row.status,
    dueDate: current?.dueDate ?? '',
    progress: current?.progress ?? 0,
    note: current?.note ?? '',
    evidenceUrl: current?.evidenceUrl ?? '',
    version: row.version,
    taskId: row.taskId,
  };
}

export function ledgerWorkbook(rows: LedgerRow[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账 Ledger', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(ledgerCells(row));
  const statusColumn = columnLetter(LEDGER_COLUMNS.findIndex((c) => c.key === 'status'));
  for (let r = 2; r <= rows.length + 1; r += 1) {
    sheet.getCell(`${statusColumn}${r}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${LEDGER_STATUSES.join(',')}"`],
    };
  }
  return workbook;
}

export async function xlsxBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** RFC 4180 CSV with a BOM (so spreadsheet programs read UTF-8) and formula-like text defused. */
export function csvText(header: string[], rows: Array<Array<string | number | null>>): string {
  const quote = (value: string | number | null) => {
    const text = typeof value === 'number' ? String(value) : defuseFormula(value ?? '');
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [header, ...rows].map((cells) => cells.map(quote).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function ledgerCsv(rows: LedgerRow[]): string {
  return csvText(
    LEDGER_COLUMNS.map((c) => c.header),
    rows.map((row) => {
      const cells = ledgerCells(row);
      return LEDGER_COLUMNS.map((c) => cells[c.key]);
    }),
  );
}

/** Reads CSV text into rows of strings with the CSV parser exceljs ships (fast-csv). */
export async function readCsvRows(buffer: Buffer): Promise<string[][]> {
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  const workbook = new ExcelJS.Workbook();
  const sheet = await workbook.csv.read(Readable.from([text]), {
    map: (value: unknown) => value,
    parserOptions: { ignoreEmpty: false },
  });
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = row.values as unknown[];
    rows[rowNumber - 1] = values.slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
  });
  return Array.from(rows, (r) => r ?? []);
}
