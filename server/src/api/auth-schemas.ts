// Request and response schemas of /api/auth and /api/admin, used to validate and to describe the API, and the
// answers every guarded route documents (401, 403).
import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ROLES, type Role } from '../domain/ledger-types.ts';
import { errorResponse } from './error-schemas.ts';

/** How a write authorises itself, for the description of every guarded route. */
export const WRITE_NOTE =
  "Needs a session: the cookie from POST /api/auth/login with the session's CSRF token in the X-CSRF-Token header, or (scripts) `Authorization: Bearer <EDITOR_TOKEN>`, which acts as the built-in editor `script:editor-token`.";

/** The security schemes of the OpenAPI document (registered by openapi-routes.ts). */
export const SECURITY_SCHEMES = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'rge_session',
    description: 'From POST /api/auth/login.',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: "The session's CSRF token (GET /api/auth/session); every write with the cookie sends it.",
  },
  editorToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'EDITOR_TOKEN, for scripts: a session of the built-in editor `script:editor-token`.',
  },
} as const;
/** Alternatives, each naming the SECURITY_SCHEMES it needs together (OpenAPI `security`). */
export type SecurityRequirements = Array<Record<string, string[]>>;

/** Editor writes: the cookie with its CSRF token, or the editor token. */
export const WRITE_SECURITY: SecurityRequirements = [
  { sessionCookie: [], csrfToken: [] },
  { editorToken: [] },
];
/** Admin writes: an admin's login with its CSRF token (the editor token is only an editor). */
export const ADMIN_WRITE_SECURITY: SecurityRequirements = [{ sessionCookie: [], csrfToken: [] }];
/** Admin reads: an admin's login. */
export const ADMIN_READ_SECURITY: SecurityRequirements = [{ sessionCookie: [] }];

export const unauthorized: Record<number, ResponseConfig> = {
  401: errorResponse('No session: not logged in, and no valid editor token.'),
};
export const forbidden: Record<number, ResponseConfig> = {
  403: errorResponse('Missing or wrong X-CSRF-Token header, or a role too low for this.'),
};

export const roleSchema = z.enum(ROLES as [Role, ...Role[]]);
/**
 * Letters and digits of any script and `. _ @ -`. The documented pattern (copied verbatim into OpenAPI, so it
 * carries no flag: ECMA-262 needs `u` for `\p{L}`) excludes whitespace and the other ASCII punctuation;
 * the refinement then checks letters and digits exactly.
 */
export const usernameSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[^\s!-,/:-?[-^`{-~]+$/, 'may hold letters, digits and . _ @ - only')
  .refine((name) => /^[\p{L}\p{N}._@-]+$/u.test(name), 'may hold letters, digits and . _ @ - only');

export const loginBody = z
  .object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1000) })
  .strict();

export const sessionResponse = z.object({
  user: z.object({ username: z.string(), role: roleSchema }).nullable(),
  csrfToken: z.string().nullable(),
});

export const accountView = z.object({
  username: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
});

export const createAccountBody = z
  .object({ username: usernameSchema, role: roleSchema, password: z.string().min(1).max(1000) })
  .strict();

export const updateAccountBody = z
  .object({
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: z.string().min(1).max(1000).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'name at least one of role, disabled, password');

export const usernameParams = z.object({ username: usernameSchema });

export const auditQuery = z
  .object({
    actor: z.string().max(64).optional(),
    action: z.string().max(64).optional(),
    target: z.string().max(300).optional(),
    since: z.iso.datetime().or(z.iso.date()).optional(),
    until: z.iso.datetime().or(z.iso.date()).optional(),
    limit: z.coerce.number().int().min(1).max(10_000).default(500),
  })
  .strict();

export const auditExportQuery = auditQuery.extend({ format: z.enum(['csv', 'json']).default('csv') });

export const auditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  ip: z.string().nullable(),
  outcome: z.enum(['ok', 'conflict', 'denied', 'failed']),
  before: z.unknown(),
  after: z.unknown(),
});
