// Reads a planner's ledger sheet (XLSX or CSV) and validates every row against the plan and the current
// ledger, collecting each problem with its row and column. Nothing is written here: the service applies
// the changes in one transaction only when no row has an error.
import ExcelJS from 'exceljs';
import { z } from 'zod';
import {
  type ImportCellError,
  LEDGER_STATUSES,
  type LedgerEntryInput,
  type LedgerRow,
  type LedgerStatus,
} from '../domain/ledger-types.ts';
import { dueDateSchema, evidenceUrlSchema } from './entry-schema.ts';
import { responsibleAgency } from './ledger-views.ts';
import {
  columnForHeader,
  columnLetter,
  LEDGER_COLUMNS,
  type LedgerColumnKey,
  restoreDefused,
  STATUS_WORDS,
} from './spreadsheet-layout.ts';
import type { AgencyChoice } from './stores.ts';
import { boundedXlsx, XlsxLimitError } from './xlsx-limits.ts';

export type Cell = string | number | boolean | Date | null;

export interface ImportChange {
  row: number;
  taskId: string;
  input: LedgerEntryInput;
}

export interface SheetValidation {
  changes: ImportChange[];
  unchanged: number;
  errors: ImportCellError[];
  /** Where the version column is, so a conflict found while writing can name it too. */
  versionColumn: { column: string; header: string };
}

function cellValue(value: ExcelJS.CellValue, where: () => string): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((p) => p.text).join('');
  if ('hyperlink' in value) return value.hyperlink;
  if ('formula' in value || 'sharedFormula' in value) {
    // A file written by a program that does not calculate (a script, an export tool) stores the formula
    // alone; reading it as empty would silently drop the planner's value.
    if (value.result === undefined)
      throw new SheetError(
        `${where()}: a formula without a stored value — open and save the file in a spreadsheet program, or type the value.`,
      );
    return cellValue((value.result ?? null) as ExcelJS.CellValue, where);
  }
  if ('error' in value) return String(value.error);
  return null;
}

/**
 * The first worksheet's cells, row by row (index 0 = spreadsheet row 1). The upload is bounded first (see
 * xlsx-limits.ts: size, parts and rows), so a small file that inflates to a huge sheet is refused unparsed.
 * @throws SheetError for an unreadable or oversized workbook, or a formula cell without a stored value.
 */
export async function readXlsxRows(buffer: Buffer): Promise<Cell[][]> {
  let bounded: Uint8Array;
  try {
    bounded = boundedXlsx(buffer);
  } catch (error) {
    if (error instanceof XlsxLimitError) throw new SheetError(error.message);
    throw new SheetError('The file is not a readable XLSX workbook.');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bounded as unknown as ArrayBuffer);
  } catch {
    throw new SheetError('The file is not a readable XLSX workbook.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetError('The workbook has no worksheet.');
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    rows[rowNumber - 1] = values
      .slice(1)
      .map((value, index) =>
        cellValue(value, () => `Sheet ${sheet.name}, cell ${columnLetter(index)}${rowNumber}`),
      );
  });
  return Array.from(rows, (r) => r ?? []);
}

export class SheetError extends Error {
  override name = 'SheetError';
}

export interface ValidationContext {
  /** The plan's tasks with their current ledger state, by task id. */
  rows: LedgerRow[];
  agencies: AgencyChoice[];
}

function text(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return restoreDefused(String(cell).trim());
}

function parseStatus(raw: string): LedgerStatus | null {
  const wanted = raw.trim().toLowerCase();
  for (const status of LEDGER_STATUSES) {
    if (status === wanted || STATUS_WORDS[status].some((w) => w.toLowerCase() === wanted)) return status;
  }
  return null;
}

/** Spreadsheet dates arrive as Date cells (midnight UTC) or as text; both become YYYY-MM-DD. */
function parseDueDate(cell: Cell | undefined): { value: string | null } | { error: string } {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { error: 'is not a valid date' };
    return { value: cell.toISOString().slice(0, 10) };
  }
  const raw = text(cell).replaceAll('/', '-');
  if (!raw) return { value: null };
  const padded = raw.replace(
    /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
    (_m, y, m, d) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
  );
  return dueDateSchema.safeParse(padded).success
    ? { value: padded }
    : { error: 'must be a date written YYYY-MM-DD' };
}

const wholeNumber = z.coerce.number().int();

/** One row as the column readers see it: cells by column key, and where to report a bad cell. */
interface RowCells {
  get(key: LedgerColumnKey): Cell | undefined;
  has(key: LedgerColumnKey): boolean;
  fail(key: LedgerColumnKey, message: string): void;
}

/** Reads the columns a sheet may leave out into `input`; a column that is absent leaves its field unset. */
function readOptionalColumns(
  { get, has, fail }: RowCells,
  agencyByWord: Map<string, AgencyChoice>,
  input: LedgerEntryInput,
): void {
  if (has('agency')) {
    const agencyText = text(get('agency'));
    const agency = agencyText ? agencyByWord.get(agencyText.toLowerCase()) : undefined;
    if (agencyText && !agency) fail('agency', `No agency called "${agencyText}" in this plan.`);
    input.agencyId = agency?.id ?? null;
  }
  if (has('dueDate')) {
    const due = parseDueDate(get('dueDate'));
    if ('error' in due) fail('dueDate', `"${text(get('dueDate'))}" ${due.error}.`);
    else input.dueDate = due.value;
  }
  if (has('progress')) {
    const raw = text(get('progress')).replace(/%$/, '');
    const progress = raw === '' ? { success: true as const, data: 0 } : wholeNumber.safeParse(raw);
    if (!progress.success || progress.data < 0 || progress.data > 100)
      fail('progress', `"${text(get('progress'))}" is not a whole percentage from 0 to 100.`);
    else input.progress = progress.data;
  }
  if (has('note')) {
    const note = text(get('note'));
    if (note.length > 5000) fail('note', 'The note is longer than 5000 characters.');
    else input.note = note;
  }
  if (has('evidenceUrl')) {
    const link = text(get('evidenceUrl'));
    if (link && !evidenceUrlSchema.safeParse(link).success)
      fail('evidenceUrl', `"${link}" is not an http:// or https:// link.`);
    else input.evidenceUrl = link || null;
  }
}

export function validateLedgerSheet(grid: Cell[][], context: ValidationContext): SheetValidation {
  const errors: ImportCellError[] = [];
  const header = grid[0] ?? [];
  const columns = new Map<LedgerColumnKey, number>();
  header.forEach((cell, index) => {
    const key = columnForHeader(text(cell));
    if (key && !columns.has(key)) columns.set(key, index);
  });
  const headerOf = (key: LedgerColumnKey) => LEDGER_COLUMNS.find((c) => c.key === key)?.header ?? key;
  const at = (key: LedgerColumnKey) => {
    const index = columns.get(key);
    return { column: index === undefined ? '' : columnLetter(index), header: headerOf(key) };
  };
  for (const key of ['status', 'version'] as const) {
    if (!columns.has(key))
      errors.push({ row: 1, ...at(key), message: `The header row has no "${headerOf(key)}" column.` });
  }
  if (!columns.has('taskId') && !columns.has('ref'))
    errors.push({
      row: 1,
      ...at('taskId'),
      message: `The header row has neither a "${headerOf('taskId')}" nor a "${headerOf('ref')}" column.`,
    });
  const versionColumn = at('version');
  if (errors.length > 0) return { changes: [], unchanged: 0, errors, versionColumn };

  const byId = new Map(context.rows.map((r) => [r.taskId, r]));
  const byRef = new Map(context.rows.filter((r) => r.ref).map((r) => [r.ref as string, r]));
  const agencyByWord = new Map<string, AgencyChoice>();
  for (const agency of context.agencies)
    for (const word of [agency.id, agency.name, agency.nameEn ?? '', ...agency.aliases])
      if (word && !agencyByWord.has(word.toLowerCase())) agencyByWord.set(word.toLowerCase(), agency);

  const seen = new Map<string, number>();
  const changes: ImportChange[] = [];
  let unchanged = 0;
  for (let r = 1; r < grid.length; r += 1) {
    const cells = grid[r] ?? [];
    const rowNumber = r + 1;
    const get = (key: LedgerColumnKey): Cell | undefined => {
      const index = columns.get(key);
      return index === undefined ? undefined : (cells[index] ?? null);
    };
    const has = (key: LedgerColumnKey) => columns.has(key);
    if (cells.every((c) => text(c) === '')) continue;
    const fail = (key: LedgerColumnKey, message: string) =>
      errors.push({ row: rowNumber, ...at(key), message });
    const before = errors.length;

    const idText = text(get('taskId'));
    const refText = text(get('ref'));
    const task = idText ? byId.get(idText) : byRef.get(refText);
    if (!task) {
      if (idText) fail('taskId', `No task ${idText} in this plan.`);
      else
        fail(
          has('taskId') ? 'taskId' : 'ref',
          refText ? `No task numbered ${refText} in this plan.` : 'The row names no task.',
        );
      continue;
    }
    const firstRow = seen.get(task.taskId);
    if (firstRow !== undefined) {
      fail(idText ? 'taskId' : 'ref', `Task ${task.taskId} already appears in row ${firstRow}.`);
      continue;
    }
    seen.set(task.taskId, rowNumber);

    const versionText = text(get('version'));
    const version =
      versionText === '' ? { success: true as const, data: 0 } : wholeNumber.safeParse(versionText);
    if (!version.success || version.data < 0) fail('version', `"${versionText}" is not a version number.`);
    else if (version.data !== task.version)
      fail(
        'version',
        `Task ${task.ref ?? task.taskId} changed since this sheet was exported (sheet has version ${version.data}, the ledger is at version ${task.version}${task.current ? `, last written by ${task.current.author}` : ''}); export again and redo this row.`,
      );

    const statusText = text(get('status'));
    const status = statusText ? parseStatus(statusText) : null;
    if (statusText && !status)
      fail('status', `"${statusText}" is not a status; use one of ${LEDGER_STATUSES.join(', ')}.`);

    const input: LedgerEntryInput = { baseVersion: task.version, status: status ?? 'not-started' };
    readOptionalColumns({ get, has, fail }, agencyByWord, input);
    if (errors.length > before) continue;

    if (!status) {
      const filled = (['agency', 'dueDate', 'progress', 'note', 'evidenceUrl'] as const).some(
        (k) => text(get(k)) !== '' && text(get(k)) !== '0',
      );
      if (filled || task.current)
        fail('status', 'The status is empty; every task with ledger data needs one.');
      else unchanged += 1;
      continue;
    }
    if (sameAsCurrent(task, input)) unchanged += 1;
    else changes.push({ row: rowNumber, taskId: task.taskId, input });
  }
  // Reading order, as a planner scans the sheet: by row, then left to right.
  errors.sort(
    (a, b) => a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column),
  );
  return { changes, unchanged, errors, versionColumn };
}

/** True when applying the row would record nothing new (left-out columns count as unchanged). */
function sameAsCurrent(task: LedgerRow, input: LedgerEntryInput): boolean {
  const current = task.current;
  const agencyNow = responsibleAgency(task).id;
  const same = <T>(given: T | undefined, now: T) => given === undefined || given === now;
  return (
    input.status === task.status &&
    same(input.agencyId === undefined ? undefined : (input.agencyId ?? task.leadAgencyId), agencyNow) &&
    same(input.dueDate, current?.dueDate ?? null) &&
    same(input.progress, current?.progress ?? 0) &&
    same(input.note, current?.note ?? '') &&
    same(input.evidenceUrl, current?.evidenceUrl ?? null)
  );
}
