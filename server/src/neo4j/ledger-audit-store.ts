// The audit trail: one :AuditEvent per change or security-relevant attempt, written in the same transaction
// as the change it records, so an event exists exactly when its change was committed.
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import { type AuditEvent, LedgerLabel } from '../domain/ledger-types.ts';
import { int, type LedgerDb, ledgerRead, ledgerWrite } from './ledger-tx.ts';

export interface AuditInput {
  actor: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  outcome: AuditEvent['outcome'];
  before?: unknown;
  after?: unknown;
}

const CREATE_AUDIT = `CREATE (a:${LedgerLabel.AuditEvent} $props)`;

export async function recordAudit(
  tx: ManagedTransaction,
  input: AuditInput,
  at = new Date(),
): Promise<string> {
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

export async function recordAuditAlone(db: LedgerDb, input: AuditInput): Promise<string> {
  return ledgerWrite(db, (tx) => recordAudit(tx, input));
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  target?: string;
  since?: string;
  until?: string;
  limit: number;
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

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export function toAuditEvent(props: Record<string, unknown>): AuditEvent {
  return {
    id: String(props.id),
    at: String(props.at),
    actor: (props.actor as string | null) ?? null,
    action: String(props.action),
    target: (props.target as string | null) ?? null,
    ip: (props.ip as string | null) ?? null,
    outcome: props.outcome as AuditEvent['outcome'],
    before: parseJson(props.before),
    after: parseJson(props.after),
  };
}

export async function listAudit(db: LedgerDb, filter: AuditFilter): Promise<AuditEvent[]> {
  return ledgerRead(db, async (tx) => {
    const result = await tx.run<{ a: Record<string, unknown> }>(LIST_AUDIT, {
      actor: filter.actor ?? null,
      action: filter.action ?? null,
      target: filter.target ?? null,
      since: filter.since ?? null,
      until: filter.until ?? null,
      limit: int(filter.limit),
    });
    return result.records.map((r) => toAuditEvent(r.get('a')));
  });
}
