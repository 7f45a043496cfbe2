// Turns stored ledger rows into the API's DTOs (and entries into storable properties), so no other module
// knows how a ledger entry is laid out in Neo4j.
import type { LedgerEntry, LedgerStatus, LedgerTaskRef } from '../domain/ledger-types.ts';
import { int, num } from './ledger-tx.ts';

const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export function toLedgerEntry(props: Record<string, unknown>): LedgerEntry {
  return {
    id: String(props.id),
    taskId: String(props.taskId),
    planId: String(props.planId),
    measureId: str(props.measureId),
    version: num(props.version),
    status: props.status as LedgerStatus,
    agencyId: str(props.agencyId),
    agencyName: str(props.agencyName),
    dueDate: str(props.dueDate),
    progress: num(props.progress),
    note: str(props.note) ?? '',
    evidenceUrl: str(props.evidenceUrl),
    author: String(props.author),
    createdAt: String(props.createdAt),
    source: props.source === 'import' ? 'import' : 'api',
  };
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

export function toTaskRef(row: Record<string, unknown>): LedgerTaskRef {
  return {
    taskId: String(row.taskId),
    planId: String(row.planId),
    ref: str(row.ref),
    name: String(row.name ?? ''),
    nameEn: str(row.nameEn),
    domainId: str(row.domainId),
    domainName: str(row.domainName),
    domainNameEn: str(row.domainNameEn),
    domainNumber: row.domainNumber === null || row.domainNumber === undefined ? null : num(row.domainNumber),
    leadAgencyId: str(row.leadAgencyId),
    leadAgencyName: str(row.leadAgencyName),
  };
}
