// The shape of a ledger write, validated at the edge (HTTP body or spreadsheet row) with one schema.
import { z } from 'zod';
import { LEDGER_STATUSES, type LedgerStatus } from '../domain/ledger-types.ts';

export const ledgerStatusSchema = z.enum(LEDGER_STATUSES as [LedgerStatus, ...LedgerStatus[]]);

/** Calendar dates only: a due date is a day, and YYYY-MM-DD strings compare in date order. */
export const dueDateSchema = z.iso.date('must be a date written YYYY-MM-DD');

export const evidenceUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// link' })
  .max(2000);

export const entryInputSchema = z
  .object({
    baseVersion: z.number().int().min(0),
    status: ledgerStatusSchema,
    agencyId: z.string().min(1).max(300).nullish(),
    measureId: z.string().min(1).max(300).nullish(),
    dueDate: dueDateSchema.nullish(),
    progress: z.number().int().min(0).max(100).optional(),
    note: z.string().max(5000).optional(),
    evidenceUrl: evidenceUrlSchema.nullish(),
  })
  .strict();
export type EntryInput = z.infer<typeof entryInputSchema>;
