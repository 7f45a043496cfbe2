// The matrix's seriation: hidden blocks of similar items come out contiguous, whatever order they went in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seriate } from '../../../client/src/views/matrix/seriation.ts';

/** Items in `blocks` groups: alike within a group, barely alike across groups. */
function blockSimilarity(groupOf: number[]) {
  return (i: number, j: number) => (groupOf[i] === groupOf[j] ? 0.8 + ((i * 7 + j * 7) % 5) / 50 : 0.05);
}

describe('seriation order', () => {
  it('returns every index exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer(), (n, seed) => {
        const order = seriate(n, (i, j) => Math.abs(Math.sin(seed + i * j + i + j)));
        expect([...order].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
      }),
    );
  });

  it('puts the members of each hidden block next to each other', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 30 }), (groupOf) => {
        const order = seriate(groupOf.length, blockSimilarity(groupOf));
        const groups = order.map((i) => groupOf[i]);
        // Contiguous blocks: each group appears in one run.
        const runs = groups.filter((group, k) => k === 0 || group !== groups[k - 1]);
        expect(runs.length).toBe(new Set(groupOf).size);
      }),
    );
  });
});
