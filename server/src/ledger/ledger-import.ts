// Spreadsheet import: validate every row first, then append all changed rows in ONE transaction, so an
// import applies completely or not at all (a version conflict found while writing rolls everything back).
import { AppError } from '../domain/errors.ts';
import type { ImportCellError, LedgerImportResponse } from '../domain/ledger-types.ts';
import type { Actor, LedgerService } from './ledger-service.ts';
import { prepareEntry } from './prepare-entry.ts';
import { readCsvRows, type SheetFormat } from './spreadsheet-export.ts';
import { type Cell, readXlsxRows, SheetError, validateLedgerSheet } from './spreadsheet-import.ts';
import type { LedgerStore } from './stores.ts';

function describe(errors: ImportCellError[]): string {
  const first = errors[0];
  const where = first
    ? ` First: row ${first.row}, column ${first.column || '?'} (${first.header}): ${first.message}`
    : '';
  return `The sheet has ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was imported.${where}`;
}

async function readGrid(format: SheetFormat, buffer: Buffer): Promise<Cell[][]> {
  try {
    return format === 'xlsx' ? await readXlsxRows(buffer) : await readCsvRows(buffer);
  } catch (error) {
    if (error instanceof SheetError) throw new AppError('INVALID_REQUEST', error.message);
    throw new AppError('INVALID_REQUEST', `The file could not be read as ${format.toUpperCase()}.`, {
      cause: error,
    });
  }
}

/** See LedgerService.importSheet, which calls this. */
export async function importLedgerSheet(
  store: LedgerStore,
  ledger: Pick<LedgerService, 'rows' | 'today' | 'clock'>,
  actor: Actor,
  plan: string,
  format: SheetFormat,
  buffer: Buffer,
): Promise<LedgerImportResponse> {
  const grid = await readGrid(format, buffer);
  const rows = await ledger.rows(plan, ledger.today());
  const agencies = await store.planAgencies(plan);
  const checked = validateLedgerSheet(grid, { rows, agencies });
  if (checked.errors.length > 0)
    throw new AppError('INVALID_REQUEST', describe(checked.errors), { details: { errors: checked.errors } });

  const now = ledger.clock();
  await store.write(async (tx) => {
    for (const change of checked.changes) {
      const prepared = await prepareEntry(tx, change.taskId, change.input, actor.username, now, 'import');
      if (prepared.kind === 'conflict') {
        const errors: ImportCellError[] = [
          {
            row: change.row,
            ...checked.versionColumn,
            message: `Task ${change.taskId} changed while the sheet was being imported (it is now at version ${prepared.version}); export again.`,
          },
        ];
        throw new AppError('CONFLICT', describe(errors), { details: { errors } });
      }
      await tx.appendEntry(prepared.entry);
      await tx.recordAudit(
        {
          actor: actor.username,
          action: 'ledger.entry.create',
          target: change.taskId,
          ip: actor.ip,
          outcome: 'ok',
          before: prepared.current,
          after: prepared.entry,
        },
        now,
      );
    }
    await tx.recordAudit(
      {
        actor: actor.username,
        action: 'ledger.import',
        target: plan,
        ip: actor.ip,
        outcome: 'ok',
        after: {
          format,
          applied: checked.changes.length,
          unchanged: checked.unchanged,
          rows: checked.changes.map((c) => ({ row: c.row, taskId: c.taskId })),
        },
      },
      now,
    );
  });
  return { plan, applied: checked.changes.length, unchanged: checked.unchanged };
}
