// The reform ledger in the browser: an editor logs in and records progress, the graph's colour follows,
// concurrent edits end in a visible conflict with nothing lost, a bad sheet is refused row and column, and
// the admin's audit trail names who did each of these.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditResponse,
  LedgerHistoryResponse,
  LedgerTableResponse,
} from '../../server/src/domain/ledger-types.ts';
import { openPage, screenshot } from './_browser.ts';
import { createAccounts, firstPlan, logIn } from './_ledger.ts';
import { api, explorerIdle, viewReady } from './_views.ts';

let users: { mei: string; tao: string; root: string };

beforeAll(async () => {
  users = await createAccounts({ mei: 'editor', tao: 'editor', root: 'admin' });
});

const rowSelector = (taskId: string) => `.ledger-table tr[data-task-id="${taskId}"]`;

async function openDetails(page: Page, taskId: string) {
  await page.click(`${rowSelector(taskId)} [data-action="details"]`);
  await page.waitForSelector(`.ledger-drawer[data-task-id="${taskId}"] .ledger-form`);
}

async function recordEntry(
  page: Page,
  values: { status: string; progress: string; note: string; due?: string },
): Promise<void> {
  const form = '.ledger-drawer .ledger-form';
  await page.selectOption(`${form} select[name="status"]`, values.status);
  await page.fill(`${form} input[name="progress"]`, values.progress);
  await page.fill(`${form} textarea[name="note"]`, values.note);
  if (values.due) await page.fill(`${form} input[name="dueDate"]`, values.due);
  await page.click(`${form} button[type="submit"]`);
}

async function graphClasses(page: Page, taskId: string) {
  return page.evaluate((id) => {
    const node = window.__cy?.getElementById(id);
    if (!node || node.empty()) throw new Error(`no node ${id}`);
    return { classes: node.classes(), colour: node.style('background-color') as string };
  }, taskId);
}

async function historyOf(page: Page, taskId: string) {
  return api<LedgerHistoryResponse>(page, `/api/ledger/tasks/${encodeURIComponent(taskId)}`);
}

describe('reform ledger in the browser', () => {
  it('lets an editor log in and update a task; the graph recolours it and its history shows both entries', async () => {
    // Every domain drawn in full (lod=all): the task to recolour is not folded into its domain.
    const page = await openPage('/?lang=en&lod=all', { width: 1440, height: 900 });
    await explorerIdle(page);
    const plan = await firstPlan(page);
    const table = await api<LedgerTableResponse>(page, `/api/ledger?plan=${plan}`);
    const task = table.rows.find((row) => row.version === 0);
    if (!task) throw new Error('no task without entries');

    await page.check('[data-action="colourByProgress"]');
    await page.waitForFunction(
      (id) => window.__cy?.getElementById(id).hasClass('ledger-not-started'),
      task.taskId,
    );
    const before = await graphClasses(page, task.taskId);

    await page.click('.views-tab[data-page="ledger"]');
    await viewReady(page, 'ledger');
    await logIn(page, users.mei);
    await openDetails(page, task.taskId);
    await recordEntry(page, { status: 'in-progress', progress: '30', note: 'Drafting the rules.' });
    await page.waitForSelector('.ledger-drawer .ledger-history-item[data-version="1"]');
    await recordEntry(page, {
      status: 'delayed',
      progress: '40',
      note: 'Waiting for the province.',
      due: '2017-06-30',
    });
    await page.waitForSelector('.ledger-drawer .ledger-history-item[data-version="2"]');
    const shown = await page.$$eval('.ledger-drawer .ledger-history-item', (items) =>
      items.map((item) => ({ version: item.getAttribute('data-version'), text: item.textContent ?? '' })),
    );
    expect(shown.map((item) => item.version)).toEqual(['2', '1']);
    expect(shown[0]?.text).toContain('Waiting for the province.');
    expect(shown[1]?.text).toContain('Drafting the rules.');
    expect(shown.every((item) => item.text.includes(users.mei))).toBe(true);
    await page.waitForSelector(`${rowSelector(task.taskId)} .ledger-status.status-delayed`);
    await page.waitForSelector(`${rowSelector(task.taskId)} .ledger-overdue`);
    await screenshot(page, 'ledger-table-drawer-en');

    await page.click('.views-tab[data-page="graph"]');
    await viewReady(page, 'graph');
    await page.waitForFunction(
      (id) => window.__cy?.getElementById(id).hasClass('ledger-delayed'),
      task.taskId,
    );
    await screenshot(page, 'ledger-graph-colour-en');
    const after = await graphClasses(page, task.taskId);
    expect(after.classes).toContain('ledger-overdue');
    expect(after.classes).not.toContain('ledger-not-started');
    expect(after.colour).not.toBe(before.colour);
    const stored = await historyOf(page, task.taskId);
    expect(stored.history.map((entry) => [entry.version, entry.status, entry.author])).toEqual([
      [2, 'delayed', users.mei],
      [1, 'in-progress', users.mei],
    ]);
    await page.context().close();
  });

  it('turns two concurrent edits into one save and one visible conflict, and applies the second on top', async () => {
    const first = await openPage('/?page=ledger&lang=en', { width: 1440, height: 900 });
    const second = await openPage('/?page=ledger&lang=en', { width: 1440, height: 900 });
    await Promise.all([viewReady(first, 'ledger'), viewReady(second, 'ledger')]);
    const plan = await firstPlan(first);
    const table = await api<LedgerTableResponse>(first, `/api/ledger?plan=${plan}`);
    const task = table.rows.filter((row) => row.version === 0)[1];
    if (!task) throw new Error('no second task without entries');
    await logIn(first, users.mei);
    await logIn(second, users.tao);
    await openDetails(first, task.taskId);
    await openDetails(second, task.taskId);

    await recordEntry(first, { status: 'in-progress', progress: '50', note: 'Mei: half done.' });
    await first.waitForSelector('.ledger-drawer .ledger-history-item[data-version="1"]');
    await recordEntry(second, { status: 'done', progress: '100', note: 'Tao: finished.' });
    const conflict = await second.waitForSelector('.ledger-conflict[role="alertdialog"]');
    const sides = await conflict.$$eval('tbody tr', (rows) =>
      rows.map((row) => ({
        field: row.getAttribute('data-field'),
        theirs: row.querySelector('td.theirs')?.textContent,
        mine: row.querySelector('td.mine')?.textContent,
      })),
    );
    expect(sides).toContainEqual({ field: 'fieldNote', theirs: 'Mei: half done.', mine: 'Tao: finished.' });
    expect(sides).toContainEqual({ field: 'fieldProgress', theirs: '50%', mine: '100%' });
    expect(await conflict.textContent()).toContain(users.mei);
    await screenshot(second, 'ledger-conflict-en');
    // Nothing of Tao's is stored yet, and Mei's entry is the current one.
    expect((await historyOf(second, task.taskId)).history.map((e) => e.note)).toEqual(['Mei: half done.']);

    await second.click('.ledger-conflict [data-action="apply-mine"]');
    await second.waitForSelector('.ledger-drawer .ledger-history-item[data-version="2"]');
    const stored = await historyOf(second, task.taskId);
    expect(stored.history.map((e) => [e.version, e.author, e.note])).toEqual([
      [2, users.tao, 'Tao: finished.'],
      [1, users.mei, 'Mei: half done.'],
    ]);
    await first.context().close();
    await second.context().close();
  });

  it('refuses an XLSX import with one bad row, showing its row and column, and adds no entry', async () => {
    const page = await openPage('/?page=dashboard&lang=en', { width: 1440, height: 900 });
    await viewReady(page, 'dashboard');
    await logIn(page, users.mei);
    await page.waitForSelector('.ledger-import input[type="file"]');
    await screenshot(page, 'ledger-dashboard-en');
    const plan = await firstPlan(page);
    const before = await api<LedgerTableResponse>(page, `/api/ledger?plan=${plan}`);

    const download = page.waitForEvent('download');
    await page.click('.ledger-links a[href*="/api/ledger/export"][href*="format=xlsx"]');
    const workbook = new ExcelJS.Workbook();
    const exported = await readFile(await (await download).path());
    // exceljs types want Node's older Buffer type; the bytes are the same.
    await workbook.xlsx.load(exported as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('empty workbook');
    // row.values is sparse (index 0 is a hole): map over a dense copy.
    const headers = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
    const column = (word: string) => headers.findIndex((header) => header.includes(word));
    const good = sheet.getRow(3);
    good.getCell(column('Status')).value = 'in-progress';
    good.getCell(column('Progress')).value = 20;
    const bad = sheet.getRow(5);
    bad.getCell(column('Status')).value = 'in-progress';
    bad.getCell(column('Progress')).value = 150;
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    await page.setInputFiles('.ledger-import input[type="file"]', {
      name: 'ledger.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await page.click('.ledger-import button[type="submit"]');
    await page.waitForSelector('.ledger-import-errors');
    const errors = await page.$$eval('.ledger-import-errors tbody tr', (rows) =>
      rows.map((row) => ({ row: row.getAttribute('data-row'), column: row.getAttribute('data-column') })),
    );
    expect(errors).toEqual([{ row: '5', column: sheet.getColumn(column('Progress')).letter }]);
    await screenshot(page, 'ledger-import-errors-en');
    const after = await api<LedgerTableResponse>(page, `/api/ledger?plan=${plan}`);
    expect(after.rows.map((row) => [row.taskId, row.version])).toEqual(
      before.rows.map((row) => [row.taskId, row.version]),
    );

    // Corrected, the same sheet goes in whole: both changed rows become entries.
    bad.getCell(column('Progress')).value = 60;
    await page.setInputFiles('.ledger-import input[type="file"]', {
      name: 'ledger.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    await page.click('.ledger-import button[type="submit"]');
    await page.waitForSelector('.ledger-import-result .ledger-message[role="status"]');
    expect(await page.textContent('.ledger-import-result')).toContain('2 new entries');
    await page.context().close();
  });

  it('shows the admin an audit trail that lists these changes with their authors', async () => {
    const page = await openPage('/?page=dashboard&lang=en', { width: 1440, height: 900 });
    await viewReady(page, 'dashboard');
    expect(await page.isHidden('.views-tab[data-page="audit"]')).toBe(true);
    await logIn(page, users.root);
    await page.click('.views-tab[data-page="audit"]');
    await viewReady(page, 'audit');
    await page.waitForSelector('.audit-table');
    const rows = await page.$$eval('.audit-table tbody tr', (items) =>
      items.map((row) => ({
        action: row.getAttribute('data-action'),
        outcome: row.getAttribute('data-outcome'),
        actor: row.querySelector('.audit-actor')?.textContent,
      })),
    );
    const created = rows.filter((row) => row.action === 'ledger.entry.create');
    expect(created.filter((row) => row.actor === users.mei).length).toBeGreaterThanOrEqual(3);
    expect(created.filter((row) => row.actor === users.tao).length).toBeGreaterThanOrEqual(1);
    expect(rows).toContainEqual({ action: 'ledger.entry.rejected', outcome: 'conflict', actor: users.tao });
    expect(rows.some((row) => row.action === 'ledger.import' && row.actor === users.mei)).toBe(true);
    await screenshot(page, 'ledger-audit-en');
    const events = await api<AuditResponse>(page, '/api/admin/audit');
    expect(events.events.length).toBeGreaterThanOrEqual(rows.length);
    await page.context().close();
  });
});
