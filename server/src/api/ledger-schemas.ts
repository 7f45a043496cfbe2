// Request and response schemas of /api/ledger and /api/checks: the routes validate with them and the
// OpenAPI document is generated from them.
import { z } from 'zod';
import { LEDGER_STATUSES } from '../domain/ledger-types.ts';
import { dueDateSchema, entryInputSchema, ledgerStatusSchema } from '../ledger/entry-schema.ts';
import { SORT_KEYS } from '../ledger/ledger-views.ts';

export { entryInputSchema };

const planParam = z.string().min(1).max(200);
const asOf = dueDateSchema.optional();

export const tableQuery = z
  .object({
    plan: planParam,
    domain: z.string().max(300).optional(),
    agency: z.string().max(300).optional(),
    status: z
      .string()
      .optional()
      .transform((v) => (v ? v.split(',').map((s) => s.trim()) : undefined))
      .pipe(z.array(ledgerStatusSchema).optional()),
    overdue: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => (v === undefined ? undefined : v === 'true')),
    sort: z.enum(SORT_KEYS).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    asOf,
  })
  .strict();

export const planQuery = z.object({ plan: planParam, asOf }).strict();

export const DEPENDENCY_KINDS = ['explicit', 'shared-measure', 'shared-pilot', 'similar'] as const;
export const blockedQuery = z
  .object({
    plan: planParam,
    asOf,
    kinds: z
      .string()
      .optional()
      .transform((v) => (v ? v.split(',').map((s) => s.trim()) : ['explicit']))
      .pipe(z.array(z.enum(DEPENDENCY_KINDS)).min(1)),
  })
  .strict();

export const taskParams = z.object({ taskId: z.string().min(1).max(300) });

export const sheetQuery = z
  .object({ plan: planParam, format: z.enum(['xlsx', 'csv']).default('xlsx') })
  .strict();
export const reviewQuery = z
  .object({ plan: planParam, format: z.enum(['xlsx', 'html']).default('html'), asOf })
  .strict();

// ---- response shapes (for the OpenAPI document) ----
export const ledgerEntrySchema = z.object({
  id: z.string(),
  taskId: z.string(),
  planId: z.string(),
  measureId: z.string().nullable(),
  version: z.number().int(),
  status: ledgerStatusSchema,
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  dueDate: z.string().nullable(),
  progress: z.number().int(),
  note: z.string(),
  evidenceUrl: z.string().nullable(),
  author: z.string(),
  createdAt: z.string(),
  source: z.enum(['api', 'import']),
});

export const taskRefSchema = z.object({
  taskId: z.string(),
  planId: z.string(),
  ref: z.string().nullable(),
  name: z.string(),
  nameEn: z.string().nullable(),
  domainId: z.string().nullable(),
  domainName: z.string().nullable(),
  domainNameEn: z.string().nullable(),
  domainNumber: z.number().nullable(),
  leadAgencyId: z.string().nullable(),
  leadAgencyName: z.string().nullable(),
});

export const ledgerRowSchema = taskRefSchema.extend({
  current: ledgerEntrySchema.nullable(),
  status: ledgerStatusSchema,
  version: z.number().int(),
  overdue: z.boolean(),
});

export const tableResponse = z.object({ plan: z.string(), asOf: z.string(), rows: z.array(ledgerRowSchema) });
export const historyResponse = z.object({
  task: taskRefSchema,
  version: z.number().int(),
  history: z.array(ledgerEntrySchema),
});
export const writeResponse = z.object({ entry: ledgerEntrySchema, version: z.number().int() });
export const statusResponse = z.object({
  plan: z.string(),
  asOf: z.string(),
  tasks: z.record(
    z.string(),
    z.object({
      status: ledgerStatusSchema,
      overdue: z.boolean(),
      progress: z.number(),
      version: z.number().int(),
    }),
  ),
});
const progressGroup = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  total: z.number().int(),
  counts: z.record(z.enum(LEDGER_STATUSES as [string, ...string[]]), z.number().int()),
  overdue: z.number().int(),
  meanProgress: z.number(),
});
export const dashboardResponse = z.object({
  plan: z.string(),
  asOf: z.string(),
  totals: progressGroup,
  byDomain: z.array(progressGroup),
  byAgency: z.array(progressGroup),
});
export const blockedResponse = z.object({
  plan: z.string(),
  kinds: z.array(z.string()),
  items: z.array(
    z.object({
      delayed: taskRefSchema.extend({ status: ledgerStatusSchema }),
      blocked: z.array(
        z.object({
          taskId: z.string(),
          ref: z.string().nullable(),
          name: z.string(),
          nameEn: z.string().nullable(),
          status: ledgerStatusSchema,
          depth: z.number().int(),
          path: z.array(z.string()),
        }),
      ),
    }),
  ),
});
export const checksResponse = z.object({
  plan: z.string(),
  tasksWithoutLead: z.array(z.object({ id: z.string(), ref: z.string().nullable(), name: z.string() })),
  unmentionedPilots: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string().nullable() })),
  targetsWithoutYear: z.array(z.object({ id: z.string(), name: z.string(), quote: z.string().nullable() })),
  dependencyCycles: z.array(z.object({ tasks: z.array(z.string()) })),
  orphanedLedgerTasks: z.array(z.string()),
});
export const importCellError = z.object({
  row: z.number().int(),
  column: z.string(),
  header: z.string(),
  message: z.string(),
});
export const importResponse = z.object({
  plan: z.string(),
  applied: z.number().int(),
  unchanged: z.number().int(),
});
export const conflictDetails = z.object({
  taskId: z.string(),
  current: ledgerEntrySchema.nullable(),
  currentVersion: z.number().int(),
  rejected: entryInputSchema,
  auditId: z.string(),
});
