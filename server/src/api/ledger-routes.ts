// /api/ledger and /api/checks: anyone may read the ledger's views; adding entries and importing sheets need
// an editor's session (with its CSRF token, or the editor token).
import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { LedgerService } from '../ledger/ledger-service.ts';
import { reviewData, reviewHtml, reviewWorkbook } from '../ledger/review-report.ts';
import { ledgerCsv, ledgerWorkbook, SHEET_MIME, xlsxBuffer } from '../ledger/spreadsheet-export.ts';
import { actorOf, requireWrite } from './auth-middleware.ts';
import { forbidden, unauthorized, WRITE_NOTE, WRITE_SECURITY } from './auth-schemas.ts';
import type { RouteMount } from './context.ts';
import { apiErrorSchema, errorResponse } from './error-schemas.ts';
import {
  blockedQuery,
  blockedResponse,
  checksResponse,
  conflictDetails,
  dashboardResponse,
  entryInputSchema,
  historyResponse,
  importCellError,
  importResponse,
  planQuery,
  reviewQuery,
  sheetQuery,
  statusResponse,
  tableQuery,
  tableResponse,
  taskParams,
  writeResponse,
} from './ledger-schemas.ts';
import { binaryContent, defineRoute, fileResponse } from './route.ts';
import { jsonResponse } from './schemas.ts';

export const SHEET_UPLOAD_LIMIT = '5mb';
const SHEET_MIMES = [SHEET_MIME.xlsx, 'text/csv'];
const tags = ['ledger'];

function attachmentName(name: string): string {
  // Plan ids are validated but may hold any character: keep the header plain ASCII.
  return name.replace(/[^\w.-]+/g, '_');
}

function errorWith(details: z.ZodType) {
  return apiErrorSchema.extend({
    error: z.object({ code: z.string(), message: z.string(), details }),
  });
}

const cellErrors = errorWith(z.object({ errors: z.array(importCellError) }));

/** The ledger's views and the plan checks: open to every reader. */
function readRoutes({ router, registry }: RouteMount, ledger: LedgerService): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/ledger',
    summary: 'Ledger table: one row per task with its current entry; filter and sort',
    tags,
    request: { query: tableQuery },
    responses: jsonResponse('Rows', tableResponse),
    handler: async ({ query }, _req, res) => {
      res.json(await ledger.table(query.plan, query, query.asOf));
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/ledger/status',
    summary: 'Status, overdue flag and progress per task id (for colouring the graph)',
    tags,
    request: { query: planQuery },
    responses: jsonResponse('Status per task', statusResponse),
    handler: async ({ query }, _req, res) => {
      res.json(await ledger.status(query.plan, query.asOf));
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/ledger/dashboard',
    summary: 'Progress per domain and per responsible agency',
    tags,
    request: { query: planQuery },
    responses: jsonResponse('Groups', dashboardResponse),
    handler: async ({ query }, _req, res) => {
      res.json(await ledger.dashboard(query.plan, query.asOf));
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/ledger/blocked',
    summary: 'Tasks downstream of each delayed task along DEPENDS_ON (a depends on b: a delay of b blocks a)',
    tags,
    request: { query: blockedQuery },
    responses: jsonResponse('Delayed tasks and what they block', blockedResponse),
    handler: async ({ query }, _req, res) => {
      res.json(await ledger.blocked(query.plan, query.kinds, query.asOf));
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/ledger/tasks/:taskId',
    summary: "A task's ledger history, newest first",
    tags,
    request: { params: taskParams },
    responses: jsonResponse('History', historyResponse),
    handler: async ({ params }, _req, res) => {
      res.json(await ledger.history(params.taskId));
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/checks',
    summary:
      'Plan checks: tasks without a lead, unmentioned pilots, targets without a year, explicit dependency cycles',
    tags,
    request: { query: planQuery },
    responses: jsonResponse('Findings', checksResponse),
    handler: async ({ query }, _req, res) => {
      res.json(await ledger.checks(query.plan));
    },
  });
}

/** Appending an entry: an editor's write. */
function entryRoutes(
  { router, registry }: RouteMount,
  ledger: LedgerService,
  editor: RequestHandler[],
): void {
  defineRoute(router, registry, {
    method: 'post',
    path: '/ledger/tasks/:taskId/entries',
    summary: 'Append an entry (editor). baseVersion is the version you read; a stale one gets 409',
    description: `${WRITE_NOTE} Fields left out carry over from the current entry; null clears them.`,
    tags,
    security: WRITE_SECURITY,
    before: editor,
    request: { params: taskParams, body: entryInputSchema },
    responses: {
      201: { description: 'The new entry', content: { 'application/json': { schema: writeResponse } } },
      ...unauthorized,
      ...forbidden,
      409: errorResponse(
        'Stale baseVersion: the current state and your rejected entry (kept in the audit trail)',
        errorWith(conflictDetails),
      ),
    },
    handler: async ({ params, body }, req, res) => {
      res.status(201).json(await ledger.write(actorOf(req, res), params.taskId, body));
    },
  });
}

/** The ledger as a spreadsheet (export, import) and the review report. */
function sheetRoutes(
  { router, registry }: RouteMount,
  ledger: LedgerService,
  editor: RequestHandler[],
): void {
  defineRoute(router, registry, {
    method: 'get',
    path: '/ledger/export',
    summary: 'The ledger sheet (one row per task) as XLSX or CSV',
    tags,
    request: { query: sheetQuery },
    responses: { 200: fileResponse('Spreadsheet', SHEET_MIMES) },
    handler: async ({ query }, _req, res) => {
      const rows = (await ledger.table(query.plan, {})).rows;
      res.attachment(attachmentName(`ledger-${query.plan}.${query.format}`));
      res.type(SHEET_MIME[query.format]);
      res.send(query.format === 'xlsx' ? await xlsxBuffer(ledgerWorkbook(rows)) : ledgerCsv(rows));
    },
  });

  defineRoute(router, registry, {
    method: 'post',
    path: '/ledger/import',
    summary: 'Import a ledger sheet (editor): all rows or none',
    description: `${WRITE_NOTE} The body is the XLSX or CSV file itself. Errors name row and column.`,
    tags,
    security: WRITE_SECURITY,
    before: editor,
    request: { query: sheetQuery, upload: { mediaTypes: SHEET_MIMES, limit: SHEET_UPLOAD_LIMIT } },
    responses: {
      ...jsonResponse('Applied', importResponse),
      400: errorResponse('Rows with errors (or a malformed request); nothing was imported', cellErrors),
      ...unauthorized,
      ...forbidden,
      409: errorResponse('A task changed during the import; nothing was imported', cellErrors),
    },
    handler: async ({ query, upload }, req, res) => {
      res.json(
        await ledger.importSheet(actorOf(req, res), query.plan, query.format, upload ?? Buffer.alloc(0)),
      );
    },
  });

  defineRoute(router, registry, {
    method: 'get',
    path: '/ledger/review',
    summary: 'Mid-term review report as a printable HTML page or an XLSX workbook',
    tags,
    request: { query: reviewQuery },
    responses: {
      200: {
        description: 'Report',
        content: { 'text/html': { schema: z.string() }, ...binaryContent([SHEET_MIME.xlsx]) },
      },
    },
    handler: async ({ query }, _req, res) => {
      const data = await reviewData(ledger, query.plan, query.asOf ?? ledger.today());
      if (query.format === 'xlsx') {
        res.attachment(attachmentName(`review-${query.plan}-${data.dashboard.asOf}.xlsx`));
        res.type(SHEET_MIME.xlsx).send(await xlsxBuffer(reviewWorkbook(data)));
      } else {
        res.type('html').send(reviewHtml(data));
      }
    },
  });
}

export function ledgerRoutes(ledger: LedgerService) {
  const editor = [requireWrite('editor')];
  return (context: RouteMount): void => {
    readRoutes(context, ledger);
    entryRoutes(context, ledger, editor);
    sheetRoutes(context, ledger, editor);
  };
}
