// Undo/redo over immutable snapshots: every change to the view pushes the new state; undo and redo move
// along the timeline. A change after an undo drops the redo branch, as editors do.

export const DEFAULT_HISTORY_LIMIT = 200;

export class History<T> {
  private past: T[] = [];
  private future: T[] = [];

  constructor(
    private current: T,
    private readonly limit = DEFAULT_HISTORY_LIMIT,
    private readonly same: (a: T, b: T) => boolean = (a, b) => JSON.stringify(a) === JSON.stringify(b),
  ) {}

  get present(): T {
    return this.current;
  }
  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Records `next` as the new present; a change that changes nothing is not a step. Returns whether it was. */
  push(next: T): boolean {
    if (this.same(next, this.current)) return false;
    this.past.push(this.current);
    if (this.past.length > this.limit) this.past.shift();
    this.current = next;
    this.future = [];
    return true;
  }

  undo(): T | null {
    const previous = this.past.pop();
    if (previous === undefined) return null;
    this.future.push(this.current);
    this.current = previous;
    return previous;
  }

  redo(): T | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(this.current);
    this.current = next;
    return next;
  }

  /** Starts a new timeline at `state` (a link opened, a plan reloaded). */
  reset(state: T): void {
    this.past = [];
    this.future = [];
    this.current = state;
  }
}
