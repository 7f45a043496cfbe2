// /api/admin: account management and the audit trail (list and export), for admins only.
import { z } from 'zod';
import type { AuditEvent, AuditResponse } from '../domain/ledger-types.ts';
import type { AuthService } from '../ledger/auth-service.ts';
import { csvText } from '../ledger/spreadsheet-export.ts';
import { actorOf, requireRole, requireWrite } from './auth-middleware.ts';
import {
  ADMIN_READ_SECURITY,
  ADMIN_WRITE_SECURITY,
  accountView,
  auditEventSchema,
  auditExportQuery,
  auditQuery,
  createAccountBody,
  forbidden,
  unauthorized,
  updateAccountBody,
  usernameParams,
  WRITE_NOTE,
} from './auth-schemas.ts';
import type { RouteMount } from './context.ts';
import { errorResponse } from './error-schemas.ts';
import { defineRoute } from './route.ts';
import { jsonResponse } from './schemas.ts';

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

const tags = ['admin'];
const guarded = { ...unauthorized, ...forbidden };
const auditEvents = z.object({ events: z.array(auditEventSchema) });

export function adminRoutes(auth: AuthService) {
  const admin = [requireRole('admin')];
  const adminWrite = [requireWrite('admin')];
  return ({ router, registry }: RouteMount): void => {
    defineRoute(router, registry, {
      method: 'get',
      path: '/admin/users',
      summary: 'Accounts (admin)',
      tags,
      security: ADMIN_READ_SECURITY,
      before: admin,
      request: {},
      responses: { ...jsonResponse('Accounts', z.object({ users: z.array(accountView) })), ...guarded },
      handler: async (_input, _req, res) => {
        res.json({ users: await auth.listAccounts() });
      },
    });

    defineRoute(router, registry, {
      method: 'post',
      path: '/admin/users',
      summary: 'Create an account (admin)',
      description: WRITE_NOTE,
      tags,
      security: ADMIN_WRITE_SECURITY,
      before: adminWrite,
      request: { body: createAccountBody },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: accountView } } },
        ...guarded,
        409: errorResponse('The username is taken'),
      },
      handler: async ({ body }, req, res) => {
        res
          .status(201)
          .json(await auth.createAccount(actorOf(req, res), body.username, body.role, body.password));
      },
    });

    defineRoute(router, registry, {
      method: 'patch',
      path: '/admin/users/:username',
      summary: "Change an account's role, disable it or set its password (admin); ends its sessions",
      description: WRITE_NOTE,
      tags,
      security: ADMIN_WRITE_SECURITY,
      before: adminWrite,
      request: { params: usernameParams, body: updateAccountBody },
      responses: { ...jsonResponse('Updated', accountView), ...guarded },
      handler: async ({ params, body }, req, res) => {
        res.json(await auth.updateAccount(actorOf(req, res), params.username, body));
      },
    });

    defineRoute(router, registry, {
      method: 'get',
      path: '/admin/audit',
      summary: 'The audit trail, newest first (admin)',
      tags,
      security: ADMIN_READ_SECURITY,
      before: admin,
      request: { query: auditQuery },
      responses: { ...jsonResponse('Events', auditEvents), ...guarded },
      handler: async ({ query }, _req, res) => {
        const payload: AuditResponse = { events: await auth.auditTrail(query) };
        res.set('Cache-Control', 'no-store').json(payload);
      },
    });

    defineRoute(router, registry, {
      method: 'get',
      path: '/admin/audit/export',
      summary: 'The audit trail as a CSV or JSON download (admin)',
      tags,
      security: ADMIN_READ_SECURITY,
      before: admin,
      request: { query: auditExportQuery },
      responses: {
        200: {
          description: 'Download',
          content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: auditEvents } },
        },
        ...guarded,
      },
      handler: async ({ query }, _req, res) => {
        const { format, ...filter } = query;
        const events = await auth.auditTrail(filter);
        res.set('Cache-Control', 'no-store');
        res.attachment(`audit.${format}`);
        if (format === 'json') res.type('json').send(JSON.stringify({ events }, null, 2));
        else res.type('text/csv; charset=utf-8').send(auditCsv(events));
      },
    });
  };
}
