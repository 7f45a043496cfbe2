// Rows read from Neo4j are checked at the boundary: a stored value outside the ledger's vocabulary is a clear
// INTERNAL error naming the field, not a value cast into the type; driver integers become numbers.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/src/domain/errors.ts';
import { toAuditEvent } from '../../../server/src/neo4j/ledger-audit-store.ts';
import { toLedgerEntry, toTaskRef } from '../../../server/src/neo4j/ledger-mapper.ts';

const stored = {
  id: 'ledger:1',
  taskId: 'p:task:1.1',
  planId: 'p',
  version: neo4j.int(3),
  status: 'delayed',
  agencyId: 'p:agency:a',
  agencyName: '市财政局',
  dueDate: '2020-06-30',
  progress: neo4j.int(40),
  note: '资金未到位',
  author: 'ed1',
  createdAt: '2020-07-01T08:00:00.000Z',
  source: 'import',
};

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an error');
}

describe('ledger rows at the driver boundary', () => {
  it('reads a stored entry, absent properties as null and driver integers as numbers', () => {
    expect(toLedgerEntry(stored)).toEqual({
      ...stored,
      version: 3,
      progress: 40,
      measureId: null,
      evidenceUrl: null,
    });
  });

  it('refuses a status outside the ledger vocabulary, naming the field', () => {
    const error = thrown(() => toLedgerEntry({ ...stored, status: 'finished' }));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toContain('ledger entry');
    expect(error.message).toContain('status');
  });

  it('refuses an integer JavaScript cannot hold exactly rather than rounding it', () => {
    const error = thrown(() => toLedgerEntry({ ...stored, version: neo4j.int('9007199254740993') }));
    expect(error.message).toContain('version');
  });

  it('reads a task without domain or lead', () => {
    expect(toTaskRef({ taskId: 't', planId: 'p', name: '任务', domainNumber: null })).toMatchObject({
      domainId: null,
      domainNumber: null,
      leadAgencyId: null,
      ref: null,
    });
  });

  it('reads audit payloads back from their JSON text and refuses an unknown outcome', () => {
    const event = { id: 'audit:1', at: '2020-07-01T08:00:00Z', action: 'auth.login', outcome: 'ok' };
    expect(toAuditEvent({ ...event, after: '{"role":"editor"}' })).toMatchObject({
      actor: null,
      after: { role: 'editor' },
      before: null,
    });
    expect(thrown(() => toAuditEvent({ ...event, outcome: 'maybe' })).message).toContain('outcome');
  });
});
