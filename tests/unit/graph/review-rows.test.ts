// The review page keeps a rejected fact readable although it is gone from the graph: a rejected role still says
// which task, which agency and which role it was (the new-user test saw a bare "→").
import { describe, expect, it } from 'vitest';
import type { ReviewFact, StoredDecision } from '../../../server/src/domain/curation.ts';
import { reviewRows } from '../../../server/src/graph/curation-service.ts';

const open: ReviewFact = {
  id: 'p:agency:a',
  kind: 'agency',
  name: '市财政局',
  nameEn: null,
  basis: 'extracted',
  confidence: 0.9,
  quotes: [],
  aliases: [],
  role: null,
  from: null,
  to: null,
  status: 'open',
};

function rejected(target: string, name: string): StoredDecision {
  return {
    decision: {
      id: 'c-1',
      action: 'reject',
      target,
      by: 'editor',
      at: '2026-11-30T00:00:00Z',
      was: { name, quote: '由市财政局牵头', confidence: 0.6 },
    },
    state: 'applied',
    reason: null,
  };
}

describe('review rows', () => {
  it('lists a rejected lead role with its ends, its role and its quote, before the more confident facts', () => {
    const rows = reviewRows([open], [rejected('p:task:1|LED_BY|p:agency:a', '完善预算制度 → 市财政局')]);
    expect(rows.map((r) => r.id)).toEqual(['p:task:1|LED_BY|p:agency:a', 'p:agency:a']);
    expect(rows[0]).toMatchObject({
      kind: 'role',
      role: 'lead',
      name: '完善预算制度 → 市财政局',
      quotes: ['由市财政局牵头'],
      status: 'rejected',
    });
  });

  it('says "involved" for a rejected INVOLVES role, and no role for a rejected agency', () => {
    const rows = reviewRows(
      [],
      [rejected('p:task:1|INVOLVES|p:agency:b', 'x → y'), rejected('p:agency:c', '市商务局')],
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.role]))).toEqual({
      'p:task:1|INVOLVES|p:agency:b': 'involved',
      'p:agency:c': null,
    });
  });
});
