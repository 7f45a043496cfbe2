// Describes the ledger, auth, admin and checks routes in the API's OpenAPI registry, from the same zod schemas
// the routes validate with.
import type { OpenAPIRegistry, ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  accountView,
  auditEventSchema,
  auditExportQuery,
  auditQuery,
  createAccountBody,
  loginBody,
  sessionResponse,
  updateAccountBody,
  usernameParams,
} from './auth-schemas.ts';
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

function errorBody(details?: z.ZodType) {
  return z.object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      ...(details ? { details } : { details: z.unknown().optional() }),
    }),
  });
}

function json(description: string, schema: z.ZodType): ResponseConfig {
  return { description, content: { 'application/json': { schema } } };
}

const bad = json('Invalid request: the message names the field.', errorBody());
const unauthorized = json('Not logged in (no live session cookie).', errorBody());
const forbidden = json('Missing or wrong X-CSRF-Token header, or a role too low for this.', errorBody());
const notFound = json('No such plan, task or account.', errorBody());
const WRITE_NOTE =
  "Needs a session cookie (POST /api/auth/login) and the session's CSRF token in the X-CSRF-Token header.";
const SHEET_MIMES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'];
const binary = z.string().meta({ format: 'binary' });

export function registerLedgerOpenApi(registry: OpenAPIRegistry): void {
  const tags = ['ledger'];
  registry.registerPath({
    method: 'get',
    path: '/api/ledger',
    summary: 'Ledger table: one row per task with its current entry; filter and sort',
    tags,
    request: { query: tableQuery },
    responses: { 200: json('Rows', tableResponse), 400: bad, 404: notFound },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/ledger/status',
    summary: 'Status, overdue flag and progress per task id (for colouring the graph)',
    tags,
    request: { query: planQuery },
    responses: { 200: json('Status per task', statusResponse), 400: bad, 404: notFound },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/ledger/dashboard',
    summary: 'Progress per domain and per responsible agency',
    tags,
    request: { query: planQuery },
    responses: { 200: json('Groups', dashboardResponse), 400: bad, 404: notFound },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/ledger/blocked',
    summary: 'Tasks downstream of each delayed task along DEPENDS_ON (a depends on b: a delay of b blocks a)',
    tags,
    request: { query: blockedQuery },
    responses: {
      200: json('Delayed tasks and what they block', blockedResponse),
      400: bad,
      404: notFound,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/ledger/tasks/{taskId}',
    summary: "A task's ledger history, newest first",
    tags,
    request: { params: taskParams },
    responses: { 200: json('History', historyResponse), 404: notFound },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/ledger/tasks/{taskId}/entries',
    summary: 'Append an entry (editor). baseVersion is the version you read; a stale one gets 409',
    description: `${WRITE_NOTE} Fields left out carry over from the current entry; null clears them.`,
    tags,
    request: {
      params: taskParams,
      body: { required: true, content: { 'application/json': { schema: entryInputSchema } } },
    },
    responses: {
      201: json('The new entry', writeResponse),
      400: bad,
      401: unauthorized,
      403: forbidden,
      404: notFound,
      409: json(
        'Stale baseVersion: the current state and your rejected entry (kept in the audit trail)',
        errorBody(conflictDetails),
      ),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/ledger/export',
    summary: 'The ledger sheet (one row per task) as XLSX or CSV',
    tags,
    request: { query: sheetQuery },
    responses: {
      200: {
        description: 'Spreadsheet',
        content: Object.fromEntries(SHEET_MIMES.map((m) => [m, { schema: binary }])),
      },
      400: bad,
      404: notFound,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/ledger/import',
    summary: 'Import a ledger sheet (editor): all rows or none',
    description: `${WRITE_NOTE} The body is the XLSX or CSV file itself. Errors name row and column.`,
    tags,
    request: {
      query: sheetQuery,
      body: { required: true, content: Object.fromEntries(SHEET_MIMES.map((m) => [m, { schema: binary }])) },
    },
    responses: {
      200: json('Applied', importResponse),
      400: json(
        'Rows with errors; nothing was imported',
        errorBody(z.object({ errors: z.array(importCellError) })),
      ),
      401: unauthorized,
      403: forbidden,
      409: json(
        'A task changed during the import; nothing was imported',
        errorBody(z.object({ errors: z.array(importCellError) })),
      ),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/ledger/review',
    summary: 'Mid-term review report as a printable HTML page or an XLSX workbook',
    tags,
    request: { query: reviewQuery },
    responses: {
      200: {
        description: 'Report',
        content: { 'text/html': { schema: z.string() }, [SHEET_MIMES[0] as string]: { schema: binary } },
      },
      400: bad,
      404: notFound,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/checks',
    summary:
      'Plan checks: tasks without a lead, unmentioned pilots, targets without a year, explicit dependency cycles',
    tags,
    request: { query: planQuery },
    responses: { 200: json('Findings', checksResponse), 400: bad, 404: notFound },
  });

  const auth = ['auth'];
  registry.registerPath({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Log in: sets the HTTP-only session cookie and returns the CSRF token',
    description: 'Ten failed logins per address per minute; the eleventh gets 429.',
    tags: auth,
    request: { body: { required: true, content: { 'application/json': { schema: loginBody } } } },
    responses: {
      200: json('Logged in', sessionResponse),
      401: json('Wrong username or password', errorBody()),
      429: json('Too many failed logins', errorBody()),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Log out (ends the session)',
    description: WRITE_NOTE,
    tags: auth,
    responses: { 204: { description: 'Logged out' }, 401: unauthorized, 403: forbidden },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/auth/session',
    summary: 'The logged-in user and the CSRF token to send with writes (nulls when anonymous)',
    tags: auth,
    responses: { 200: json('Session', sessionResponse) },
  });

  const admin = ['admin'];
  registry.registerPath({
    method: 'get',
    path: '/api/admin/users',
    summary: 'Accounts (admin)',
    tags: admin,
    responses: {
      200: json('Accounts', z.object({ users: z.array(accountView) })),
      401: unauthorized,
      403: forbidden,
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/admin/users',
    summary: 'Create an account (admin)',
    description: WRITE_NOTE,
    tags: admin,
    request: { body: { required: true, content: { 'application/json': { schema: createAccountBody } } } },
    responses: {
      201: json('Created', accountView),
      400: bad,
      401: unauthorized,
      403: forbidden,
      409: json('The username is taken', errorBody()),
    },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/admin/users/{username}',
    summary: "Change an account's role, disable it or set its password (admin); ends its sessions",
    description: WRITE_NOTE,
    tags: admin,
    request: {
      params: usernameParams,
      body: { required: true, content: { 'application/json': { schema: updateAccountBody } } },
    },
    responses: {
      200: json('Updated', accountView),
      400: bad,
      401: unauthorized,
      403: forbidden,
      404: notFound,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/audit',
    summary: 'The audit trail, newest first (admin)',
    tags: admin,
    request: { query: auditQuery },
    responses: {
      200: json('Events', z.object({ events: z.array(auditEventSchema) })),
      400: bad,
      401: unauthorized,
      403: forbidden,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/admin/audit/export',
    summary: 'The audit trail as a CSV or JSON download (admin)',
    tags: admin,
    request: { query: auditExportQuery },
    responses: {
      200: {
        description: 'Download',
        content: {
          'text/csv': { schema: z.string() },
          'application/json': { schema: z.object({ events: z.array(auditEventSchema) }) },
        },
      },
      400: bad,
      401: unauthorized,
      403: forbidden,
    },
  });
}
