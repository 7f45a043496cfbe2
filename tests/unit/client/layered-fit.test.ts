// The hierarchy's folding of wide ranks: a plan's shallow, wide hierarchy (a few tasks over a hundred agencies)
// must come out about as wide as the screen is, with ranks still top to bottom and no two boxes on each other.
import { describe, expect, it } from 'vitest';
import {
  type FoldOptions,
  foldRanks,
  type LaidNode,
  quantisedAspect,
} from '../../../client/src/graph/layered-fit.ts';

const GAPS = { nodeGap: 12, rowGap: 16, rankGap: 90 };

/** Dagre's picture of a two-rank hierarchy: `top` nodes over `bottom` nodes, 110 × 60 each, 12 apart. */
function strip(top: number, bottom: number): LaidNode[] {
  const rank = (count: number, y: number, prefix: string) =>
    Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, x: i * 122 + 55, y, w: 110, h: 60 }));
  return [...rank(top, 30, 't'), ...rank(bottom, 180, 'b')];
}

function box(nodes: readonly LaidNode[], placed: Map<string, { x: number; y: number }>) {
  const xs = nodes.flatMap((n) => [
    (placed.get(n.id)?.x ?? 0) - n.w / 2,
    (placed.get(n.id)?.x ?? 0) + n.w / 2,
  ]);
  const ys = nodes.flatMap((n) => [
    (placed.get(n.id)?.y ?? 0) - n.h / 2,
    (placed.get(n.id)?.y ?? 0) + n.h / 2,
  ]);
  return { w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
}

describe('folding a wide hierarchy to the screen', () => {
  const nodes = strip(40, 100);
  const cases: Array<[string, FoldOptions]> = [
    ['16:9', { targetAspect: 16 / 9, ...GAPS }],
    ['4:3', { targetAspect: 4 / 3, ...GAPS }],
    ['2:1', { targetAspect: 2, ...GAPS }],
  ];

  it.each(cases)(
    'comes within 1.5× of a %s aspect ratio (dagre alone: 58 × wider than high)',
    (_, options) => {
      const { w, h } = box(nodes, foldRanks(nodes, options));
      const ratio = w / h / options.targetAspect;
      expect(ratio).toBeGreaterThan(1 / 1.5);
      expect(ratio).toBeLessThan(1.5);
    },
  );

  it('keeps every node of the upper rank above every node of the lower rank', () => {
    const placed = foldRanks(nodes, cases[0]?.[1] as FoldOptions);
    const lowestTop = Math.max(
      ...nodes.filter((n) => n.id.startsWith('t')).map((n) => placed.get(n.id)?.y ?? 0),
    );
    const highestBottom = Math.min(
      ...nodes.filter((n) => n.id.startsWith('b')).map((n) => placed.get(n.id)?.y ?? 0),
    );
    expect(highestBottom - lowestTop).toBeGreaterThanOrEqual(60 + 90);
  });

  it('puts no two boxes on each other and keeps the left-to-right order within each row', () => {
    const placed = foldRanks(nodes, cases[0]?.[1] as FoldOptions);
    const rows = new Map<number, LaidNode[]>();
    for (const node of nodes) {
      const y = placed.get(node.id)?.y ?? 0;
      rows.set(y, [...(rows.get(y) ?? []), node]);
    }
    expect(rows.size).toBeGreaterThan(2);
    for (const row of rows.values()) {
      const xs = row.map((n) => placed.get(n.id)?.x ?? 0);
      for (let i = 1; i < xs.length; i++) {
        expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeGreaterThanOrEqual(110 + 12 - 1e-6);
      }
    }
  });

  it('leaves a picture that already has the right shape as dagre drew it, up to a shift', () => {
    const square = strip(3, 3);
    const placed = foldRanks(square, { targetAspect: 1, ...GAPS });
    expect(new Set(square.map((n) => placed.get(n.id)?.y)).size).toBe(2);
  });
});

describe('quantisedAspect', () => {
  it('gives windows of nearly the same shape one aspect ratio', () => {
    expect(quantisedAspect(1630, 964)).toBe(quantisedAspect(1630, 940));
    expect(quantisedAspect(1000, 1000)).toBe(1);
    expect(quantisedAspect(2000, 1000)).toBe(2);
  });
});
