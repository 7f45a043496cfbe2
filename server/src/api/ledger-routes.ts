// /api/ledger and /api/checks: anyone may read the ledger's views; adding entries and importing sheets need
// an editor's session and its CSRF token.
import express, { type Request, type Response, Router } from 'express';
import { importLedgerSheet } from '../ledger/ledger-import.ts';
import type { Clock, LedgerService } from '../ledger/ledger-service.ts';
import { reviewData, reviewHtml, reviewWorkbook } from '../ledger/review-report.ts';
import { ledgerCsv, ledgerWorkbook, SHEET_MIME, xlsxBuffer } from '../ledger/spreadsheet-export.ts';
import type { LedgerDb } from '../neo4j/ledger-tx.ts';
import { actorOf, requireWrite } from './auth-middleware.ts';
import {
  blockedQuery,
  entryInputSchema,
  planQuery,
  reviewQuery,
  sheetQuery,
  tableQuery,
  taskParams,
} from './ledger-schemas.ts';
import { parseInput } from './ledger-validation.ts';

export const SHEET_UPLOAD_LIMIT = '5mb';

function attachment(res: Response, name: string): void {
  // Plan ids are validated but may hold any character: keep the header plain ASCII.
  res.attachment(name.replace(/[^\w.-]+/g, '_'));
}

export function ledgerRoutes(db: LedgerDb, ledger: LedgerService, clock: Clock): Router {
  const router = Router();

  router.get('/ledger', async (req: Request, res: Response) => {
    const q = parseInput(tableQuery, req.query, 'query');
    res.json(await ledger.table(q.plan, q, q.asOf));
  });

  router.get('/ledger/status', async (req: Request, res: Response) => {
    const q = parseInput(planQuery, req.query, 'query');
    res.json(await ledger.status(q.plan, q.asOf));
  });

  router.get('/ledger/dashboard', async (req: Request, res: Response) => {
    const q = parseInput(planQuery, req.query, 'query');
    res.json(await ledger.dashboard(q.plan, q.asOf));
  });

  router.get('/ledger/blocked', async (req: Request, res: Response) => {
    const q = parseInput(blockedQuery, req.query, 'query');
    res.json(await ledger.blocked(q.plan, q.kinds, q.asOf));
  });

  router.get('/ledger/tasks/:taskId', async (req: Request, res: Response) => {
    const p = parseInput(taskParams, req.params, 'path');
    res.json(await ledger.history(p.taskId));
  });

  router.post(
    '/ledger/tasks/:taskId/entries',
    requireWrite('editor'),
    async (req: Request, res: Response) => {
      const p = parseInput(taskParams, req.params, 'path');
      const body = parseInput(entryInputSchema, req.body, 'body');
      res.status(201).json(await ledger.write(actorOf(req, res), p.taskId, body));
    },
  );

  router.get('/ledger/export', async (req: Request, res: Response) => {
    const q = parseInput(sheetQuery, req.query, 'query');
    const rows = (await ledger.table(q.plan, {})).rows;
    attachment(res, `ledger-${q.plan}.${q.format}`);
    res.type(SHEET_MIME[q.format]);
    res.send(q.format === 'xlsx' ? await xlsxBuffer(ledgerWorkbook(rows)) : ledgerCsv(rows));
  });

  router.post(
    '/ledger/import',
    requireWrite('editor'),
    express.raw({ type: () => true, limit: SHEET_UPLOAD_LIMIT }),
    async (req: Request, res: Response) => {
      const q = parseInput(sheetQuery, req.query, 'query');
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      res.json(await importLedgerSheet(db, ledger, clock, actorOf(req, res), q.plan, q.format, body));
    },
  );

  router.get('/ledger/review', async (req: Request, res: Response) => {
    const q = parseInput(reviewQuery, req.query, 'query');
    const data = await reviewData(ledger, q.plan, q.asOf ?? ledger.today());
    if (q.format === 'xlsx') {
      attachment(res, `review-${q.plan}-${data.dashboard.asOf}.xlsx`);
      res.type(SHEET_MIME.xlsx).send(await xlsxBuffer(reviewWorkbook(data)));
    } else {
      res.type('html').send(reviewHtml(data));
    }
  });

  router.get('/checks', async (req: Request, res: Response) => {
    const q = parseInput(planQuery, req.query, 'query');
    res.json(await ledger.checks(q.plan));
  });

  return router;
}
