import { describe, expect, it } from 'vitest';
import { History } from '../../../client/src/model/history.ts';

describe('the undo history', () => {
  it('undoes and redoes changes in order', () => {
    const history = new History(1);
    history.push(2);
    history.push(3);
    expect(history.undo()).toBe(2);
    expect(history.undo()).toBe(1);
    expect(history.undo()).toBeNull();
    expect(history.redo()).toBe(2);
    expect(history.present).toBe(2);
  });

  it('drops the redo branch when a new change follows an undo', () => {
    const history = new History('a');
    history.push('b');
    history.undo();
    history.push('c');
    expect(history.canRedo).toBe(false);
    expect(history.undo()).toBe('a');
  });

  it('does not record a change that changes nothing', () => {
    const history = new History({ layout: 'grouped' });
    expect(history.push({ layout: 'grouped' })).toBe(false);
    expect(history.canUndo).toBe(false);
  });

  it('forgets the oldest steps beyond its limit', () => {
    const history = new History(0, 3);
    for (let i = 1; i <= 5; i += 1) history.push(i);
    const seen: number[] = [];
    for (let s = history.undo(); s !== null; s = history.undo()) seen.push(s);
    expect(seen).toEqual([4, 3, 2]);
  });
});
