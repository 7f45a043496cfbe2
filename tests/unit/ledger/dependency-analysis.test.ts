// What a delay blocks and which explicit dependencies form cycles, on small hand-made graphs.
import { describe, expect, it } from 'vitest';
import { dependencyCycles, downstreamOf } from '../../../server/src/ledger/dependency-analysis.ts';

// a depends on b, b on c: a delay of c blocks b directly and a through b.
const chain = [
  { from: 'a', to: 'b' },
  { from: 'b', to: 'c' },
];

describe('downstreamOf', () => {
  it('walks against the edge direction, nearest first, with each path back to the delayed task', () => {
    expect(downstreamOf('c', chain, () => false)).toEqual([
      { taskId: 'b', depth: 1, path: ['b', 'c'] },
      { taskId: 'a', depth: 2, path: ['a', 'b', 'c'] },
    ]);
  });

  it('finds nothing downstream of a task nobody depends on', () => {
    expect(downstreamOf('a', chain, () => false)).toEqual([]);
  });

  it('stops at a settled task, which passes no delay on', () => {
    expect(downstreamOf('c', chain, (id) => id === 'b')).toEqual([]);
  });

  it('terminates on a cycle and reports each task once', () => {
    const cycle = [...chain, { from: 'c', to: 'a' }];
    expect(downstreamOf('c', cycle, () => false).map((d) => d.taskId)).toEqual(['b', 'a']);
  });
});

describe('dependencyCycles', () => {
  it('finds no cycle in a chain', () => {
    expect(dependencyCycles(chain)).toEqual([]);
  });

  it('reports a three-task cycle once, closed, starting from its smallest id', () => {
    expect(
      dependencyCycles([
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
        { from: 'a', to: 'b' },
      ]),
    ).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('reports a self-dependency and separate cycles separately', () => {
    const edges = [
      { from: 'x', to: 'x' },
      { from: 'p', to: 'q' },
      { from: 'q', to: 'p' },
      { from: 'q', to: 'z' },
    ];
    expect(dependencyCycles(edges)).toEqual([
      ['p', 'q', 'p'],
      ['x', 'x'],
    ]);
  });

  it('handles a long chain without overflowing the stack', () => {
    const edges = Array.from({ length: 50_000 }, (_, i) => ({ from: `t${i}`, to: `t${i + 1}` }));
    expect(dependencyCycles([...edges, { from: 't50000', to: 't0' }])).toHaveLength(1);
  });
});
