// Turns stored ledger rows into the API's DTOs (and entries into storable properties), so no other module
// knows how a ledger entry is laid out in Neo4j. Every row is checked by a zod schema here.
import { z } from 'zod';
import { type LedgerEntry, LedgerStatus, type LedgerTaskRef } from '../domain/ledger-types.ts';
import { int, intValue, optionalInt, optionalString, parseRow } from './row-schemas.ts';

const ledgerEntryRow = z.object({
  id: z.string(),
  taskId: z.string(),
  planId: z.string(),
  measureId: optionalString,
  version: intValue,
  status: z.enum(LedgerStatus),
  agencyId: optionalString,
  agencyName: optionalString,
  dueDate: optionalString,
  progress: intValue,
  note: optionalString.transform((note) => note ?? ''),
  evidenceUrl: optionalString,
  author: z.string(),
  createdAt: z.string(),
  // Entries written before the field existed came through the API.
  source: z
    .enum(['api', 'import'])
    .nullish()
    .transform((source) => source ?? 'api'),
}) satisfies z.ZodType<LedgerEntry, unknown>;

/** A LedgerEntry from its node's properties; AppError INTERNAL when they do not fit. */
export function toLedgerEntry(props: unknown): LedgerEntry {
  return parseRow(ledgerEntryRow, props, 'ledger entry');
}

export function entryProperties(entry: LedgerEntry) {
  return { ...entry, version: int(entry.version), progress: int(entry.progress) };
}

/** The projection every task query returns as `task`. */
export const TASK_REF_PROJECTION = `{
  taskId: t.id, planId: t.plan, ref: t.ref, name: t.name, nameEn: t.nameEn,
  domainId: d.id, domainName: d.name, domainNameEn: d.nameEn, domainNumber: d.number,
  leadAgencyId: lead.id, leadAgencyName: lead.name
}`;

/** Matches `t`, its domain `d` and its first lead agency `lead` (by name, so the choice is stable). */
export const TASK_CONTEXT = `
OPTIONAL MATCH (d:Domain)-[:HAS_TASK]->(t)
OPTIONAL MATCH (t)-[:LED_BY]->(a:Agency)
WITH t, d, a ORDER BY a.name
WITH t, d, collect(a)[0] AS lead`;

const taskRefRow = z.object({
  taskId: z.string(),
  planId: z.string(),
  ref: optionalString,
  name: optionalString.transform((name) => name ?? ''),
  nameEn: optionalString,
  domainId: optionalString,
  domainName: optionalString,
  domainNameEn: optionalString,
  domainNumber: optionalInt,
  leadAgencyId: optionalString,
  leadAgencyName: optionalString,
}) satisfies z.ZodType<LedgerTaskRef, unknown>;

/** A LedgerTaskRef from a row of TASK_REF_PROJECTION. */
export function toTaskRef(row: unknown): LedgerTaskRef {
  return parseRow(taskRefRow, row, 'task');
}
