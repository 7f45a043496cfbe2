// /api/admin: account management and the audit trail (list and export), for admins only.
import { type Request, type Response, Router } from 'express';
import type { AuditEvent, AuditResponse } from '../domain/ledger-types.ts';
import type { AuthService } from '../ledger/auth-service.ts';
import { csvText } from '../ledger/spreadsheet-export.ts';
import { listAudit } from '../neo4j/ledger-audit-store.ts';
import type { LedgerDb } from '../neo4j/ledger-tx.ts';
import { actorOf, requireRole, requireWrite } from './auth-middleware.ts';
import {
  auditExportQuery,
  auditQuery,
  createAccountBody,
  updateAccountBody,
  usernameParams,
} from './auth-schemas.ts';
import { parseInput } from './ledger-validation.ts';

const AUDIT_COLUMNS = ['id', 'at', 'actor', 'action', 'target', 'ip', 'outcome', 'before', 'after'] as const;

export function auditCsv(events: AuditEvent[]): string {
  return csvText(
    [...AUDIT_COLUMNS],
    events.map((e) => [
      e.id,
      e.at,
      e.actor,
      e.action,
      e.target,
      e.ip,
      e.outcome,
      JSON.stringify(e.before),
      JSON.stringify(e.after),
    ]),
  );
}

export function adminRoutes(db: LedgerDb, auth: AuthService): Router {
  const router = Router();

  router.get('/admin/users', requireRole('admin'), async (_req: Request, res: Response) => {
    res.json({ users: await auth.listAccounts() });
  });

  router.post('/admin/users', requireWrite('admin'), async (req: Request, res: Response) => {
    const body = parseInput(createAccountBody, req.body, 'body');
    res
      .status(201)
      .json(await auth.createAccount(actorOf(req, res), body.username, body.role, body.password));
  });

  router.patch('/admin/users/:username', requireWrite('admin'), async (req: Request, res: Response) => {
    const p = parseInput(usernameParams, req.params, 'path');
    const body = parseInput(updateAccountBody, req.body, 'body');
    res.json(await auth.updateAccount(actorOf(req, res), p.username, body));
  });

  router.get('/admin/audit', requireRole('admin'), async (req: Request, res: Response) => {
    const q = parseInput(auditQuery, req.query, 'query');
    const payload: AuditResponse = { events: await listAudit(db, q) };
    res.set('Cache-Control', 'no-store').json(payload);
  });

  router.get('/admin/audit/export', requireRole('admin'), async (req: Request, res: Response) => {
    const { format, ...filter } = parseInput(auditExportQuery, req.query, 'query');
    const events = await listAudit(db, filter);
    res.set('Cache-Control', 'no-store');
    res.attachment(`audit.${format}`);
    if (format === 'json') res.type('json').send(JSON.stringify({ events }, null, 2));
    else res.type('text/csv; charset=utf-8').send(auditCsv(events));
  });

  return router;
}
