// The audit trail: one :AuditEvent per change or security-relevant attempt, written in the same transaction
// as the change it records, so an event exists exactly when its change was committed.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type AuditEvent, LedgerLabel } from '../domain/ledger-types.ts';
import type { AuditFilter, AuditInput } from '../ledger/stores.ts';
import { int, optionalString, parseRow } from './row-schemas.ts';
import type { RawReadTx, WriteTx } from './transactions.ts';

const CREATE_AUDIT = `CREATE (a:${LedgerLabel.AuditEvent} $props)`;

/** Records the event inside `tx` and returns its id (`audit:<uuid>`). */
export async function recordAudit(tx: WriteTx, input: AuditInput, at = new Date()): Promise<string> {
  const id = `audit:${randomUUID()}`;
  await tx.run(CREATE_AUDIT, {
    props: {
      id,
      at: at.toISOString(),
      actor: input.actor,
      action: input.action,
      target: input.target,
      ip: input.ip,
      outcome: input.outcome,
      before: JSON.stringify(input.before ?? null),
      after: JSON.stringify(input.after ?? null),
    },
  });
  return id;
}

const LIST_AUDIT = `
MATCH (a:${LedgerLabel.AuditEvent})
WHERE ($actor IS NULL OR a.actor = $actor)
  AND ($action IS NULL OR a.action STARTS WITH $action)
  AND ($target IS NULL OR a.target = $target)
  AND ($since IS NULL OR a.at >= $since)
  AND ($until IS NULL OR a.at < $until)
RETURN properties(a) AS a
ORDER BY a.at DESC, a.id DESC
LIMIT $limit`;

/** `before`/`after` are stored as JSON text; text that is not JSON comes back as it is. */
function parseJson(value: string | null): unknown {
  if (value === null) return null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

const auditRow = z.object({
  id: z.string(),
  at: z.string(),
  actor: optionalString,
  action: z.string(),
  target: optionalString,
  ip: optionalString,
  outcome: z.enum(['ok', 'conflict', 'denied', 'failed']),
  before: optionalString.transform(parseJson),
  after: optionalString.transform(parseJson),
}) satisfies z.ZodType<AuditEvent, unknown>;

/** An AuditEvent from its node's properties; AppError INTERNAL when they do not fit. */
export function toAuditEvent(props: unknown): AuditEvent {
  return parseRow(auditRow, props, 'audit event');
}

export async function readAudit(tx: RawReadTx, filter: AuditFilter): Promise<AuditEvent[]> {
  const result = await tx.run(LIST_AUDIT, {
    actor: filter.actor ?? null,
    action: filter.action ?? null,
    target: filter.target ?? null,
    since: filter.since ?? null,
    until: filter.until ?? null,
    limit: int(filter.limit),
  });
  return result.records.map((r) => toAuditEvent(r.get('a')));
}
