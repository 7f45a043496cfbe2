// The planners' spreadsheet round trip: export one row per task, edit it in a spreadsheet, import it back;
// a sheet with any bad row reports row and column and adds nothing at all.
import ExcelJS from 'exceljs';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  entryUrl,
  freshLedger,
  historyUrl,
  ledgerApp,
  login,
  PLAN,
  type Session,
  storedEntries,
  taskId,
} from './_ledger.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function binary(res: request.Response, callback: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function exportXlsx(session: Session): Promise<ExcelJS.Workbook> {
  const res = await session.agent
    .get('/api/ledger/export')
    .query({ plan: PLAN, format: 'xlsx' })
    .buffer(true)
    .parse(binary)
    .expect(200);
  expect(res.headers['content-type']).toContain(XLSX);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.body);
  return workbook;
}

/** Finds cells the way a planner would: by the row's task and the column's header word. */
function sheetTools(workbook: ExcelJS.Workbook) {
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  // row.values is sparse (index 0 is a hole), so map over a dense copy.
  const headers = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
  const col = (word: string) => {
    const index = headers.findIndex((h) => h.includes(word));
    expect(index, word).toBeGreaterThan(0);
    return index;
  };
  const letter = (word: string) => sheet.getColumn(col(word)).letter;
  const rowOf = (id: string) => {
    let found = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(col('Task ID')).value === id) found = n;
    });
    expect(found, id).toBeGreaterThan(1);
    return found;
  };
  const set = (id: string, word: string, value: ExcelJS.CellValue) => {
    sheet.getRow(rowOf(id)).getCell(col(word)).value = value;
  };
  return { sheet, col, letter, rowOf, set };
}

async function upload(session: Session, workbook: ExcelJS.Workbook) {
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return session.agent
    .post('/api/ledger/import')
    .query({ plan: PLAN, format: 'xlsx' })
    .set('X-CSRF-Token', session.csrf)
    .set('Content-Type', XLSX)
    .send(body);
}

describe('the ledger sheet', () => {
  let app: Express;
  let mei: Session;

  beforeAll(async () => {
    await freshLedger({ mei: 'editor' });
    app = ledgerApp();
    mei = await login(app, 'mei');
  });

  it('exports one row per task under bilingual headers, with each task id and version', async () => {
    const { sheet, col } = sheetTools(await exportXlsx(mei));
    expect(sheet.rowCount).toBe(40);
    const ids = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1) ids.add(String(row.getCell(col('Task ID')).value));
    });
    expect(ids.size).toBe(39);
    expect(ids).toContain(taskId('1.1'));
    expect(sheet.getRow(2).getCell(col('Status')).value).toBe('not-started');
    expect(sheet.getRow(2).getCell(col('Version')).value).toBe(0);
  });

  it('imports the rows a planner changed, as new entries, and leaves the others alone', async () => {
    const workbook = await exportXlsx(mei);
    const { set } = sheetTools(workbook);
    set(taskId('1.1'), 'Status', '推进中');
    set(taskId('1.1'), 'Progress', 45);
    set(taskId('1.1'), 'Due date', new Date(Date.UTC(2019, 5, 30)));
    set(taskId('2.3'), 'Status', 'done');
    set(taskId('2.3'), 'Progress', 100);
    set(taskId('2.3'), 'Evidence', 'https://example.org/report.pdf');
    const res = await upload(mei, workbook);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ plan: PLAN, applied: 2, unchanged: 37 });

    const history = await request(app)
      .get(historyUrl(taskId('1.1')))
      .expect(200);
    expect(history.body.history[0]).toMatchObject({
      status: 'in-progress',
      progress: 45,
      dueDate: '2019-06-30',
      source: 'import',
      author: 'mei',
    });
    expect(history.body.history[0].agencyId).toBe(history.body.task.leadAgencyId);
  });

  it('rejects a sheet with one bad row, naming its row and column, and adds no entry at all', async () => {
    const before = await storedEntries();
    const workbook = await exportXlsx(mei);
    const tools = sheetTools(workbook);
    tools.set(taskId('1.2'), 'Status', 'in-progress');
    tools.set(taskId('3.1'), 'Status', 'in-progress');
    tools.set(taskId('3.1'), 'Progress', 150);
    tools.set(taskId('4.1'), 'Status', 'delayed');
    const badRow = tools.rowOf(taskId('3.1'));

    const res = await upload(mei, workbook);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([
      expect.objectContaining({
        row: badRow,
        column: tools.letter('Progress'),
        header: expect.stringContaining('Progress'),
      }),
    ]);
    expect(res.body.error.message).toContain(`row ${badRow}, column ${tools.letter('Progress')}`);
    expect(await storedEntries()).toEqual(before);
  });

  it('reports every bad cell at once: unknown status, agency and date', async () => {
    const workbook = await exportXlsx(mei);
    const tools = sheetTools(workbook);
    tools.set(taskId('5.1'), 'Status', 'finished');
    tools.set(taskId('5.2'), 'Status', 'done');
    tools.set(taskId('5.2'), 'Responsible agency', '不存在的局');
    tools.set(taskId('5.3'), 'Status', 'done');
    tools.set(taskId('5.3'), 'Due date', '2019-13-45');
    const res = await upload(mei, workbook);
    expect(res.status).toBe(400);
    const cells = res.body.error.details.errors.map(
      (e: { row: number; column: string }) => `${e.column}${e.row}`,
    );
    expect(cells).toEqual([
      `${tools.letter('Status')}${tools.rowOf(taskId('5.1'))}`,
      `${tools.letter('Responsible agency')}${tools.rowOf(taskId('5.2'))}`,
      `${tools.letter('Due date')}${tools.rowOf(taskId('5.3'))}`,
    ]);
  });

  it('refuses a row whose task changed since the export, naming the version column', async () => {
    const workbook = await exportXlsx(mei);
    const tools = sheetTools(workbook);
    const task = taskId('6.1');
    await mei.agent
      .post(entryUrl(task))
      .set('X-CSRF-Token', mei.csrf)
      .send({ baseVersion: 0, status: 'in-progress' })
      .expect(201);
    tools.set(task, 'Status', 'done');
    const res = await upload(mei, workbook);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([
      expect.objectContaining({ row: tools.rowOf(task), column: tools.letter('Version') }),
    ]);
    const history = await request(app).get(historyUrl(task)).expect(200);
    expect(history.body.history.map((e: { status: string }) => e.status)).toEqual(['in-progress']);
  });

  it('round-trips CSV too, accepting Chinese status words', async () => {
    const exported = await mei.agent
      .get('/api/ledger/export')
      .query({ plan: PLAN, format: 'csv' })
      .expect(200);
    expect(exported.headers['content-type']).toMatch(/text\/csv/);
    const lines = exported.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.filter((l) => l.length > 0)).toHaveLength(40);
    const header = lines[0]?.split(',') ?? [];
    const statusAt = header.findIndex((h) => h.includes('Status'));
    const target = taskId('7.1');
    const edited = lines
      .map((line) => {
        if (!line.endsWith(`,${target}`)) return line;
        const cells = line.split(',');
        cells[statusAt] = '已完成';
        return cells.join(',');
      })
      .join('\r\n');
    const res = await mei.agent
      .post('/api/ledger/import')
      .query({ plan: PLAN, format: 'csv' })
      .set('X-CSRF-Token', mei.csrf)
      .set('Content-Type', 'text/csv')
      .send(edited);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.applied).toBe(1);
    const status = await request(app).get('/api/ledger/status').query({ plan: PLAN }).expect(200);
    expect(status.body.tasks[target].status).toBe('done');
  });

  it('refuses an anonymous import and one without the CSRF token', async () => {
    const body = Buffer.from(await (await exportXlsx(mei)).xlsx.writeBuffer());
    await request(app)
      .post('/api/ledger/import')
      .query({ plan: PLAN })
      .set('Content-Type', XLSX)
      .send(body)
      .expect(401);
    await mei.agent
      .post('/api/ledger/import')
      .query({ plan: PLAN })
      .set('Content-Type', XLSX)
      .send(body)
      .expect(403);
  });

  it('answers a file that is not a workbook with 400', async () => {
    const res = await mei.agent
      .post('/api/ledger/import')
      .query({ plan: PLAN, format: 'xlsx' })
      .set('X-CSRF-Token', mei.csrf)
      .set('Content-Type', XLSX)
      .send(Buffer.from('not a zip file'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_REQUEST');
  });
});
