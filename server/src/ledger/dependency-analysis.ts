// Graph walks over DEPENDS_ON, kept free of I/O so they can be tested on small hand-made graphs.
// Direction: an edge from → to means `from` depends on `to`, so a delay of `to` blocks `from`.

export interface Edge {
  from: string;
  to: string;
}

export interface Downstream {
  taskId: string;
  depth: number;
  /** From this task down to the delayed one. */
  path: string[];
}

/**
 * Tasks that depend, directly or through other tasks, on `start`, nearest first (breadth-first, so each
 * task is reported with its shortest path). The walk stops at tasks `isSettled` accepts (a task already
 * done no longer waits for anything, so it passes no delay on).
 */
export function downstreamOf(
  start: string,
  edges: readonly Edge[],
  isSettled: (taskId: string) => boolean,
): Downstream[] {
  const dependents = new Map<string, string[]>();
  for (const { from, to } of edges) dependents.set(to, [...(dependents.get(to) ?? []), from]);
  const seen = new Map<string, string[]>([[start, [start]]]);
  const out: Downstream[] = [];
  let frontier = [start];
  for (let depth = 1; frontier.length > 0; depth += 1) {
    const next: string[] = [];
    for (const node of frontier) {
      for (const dependent of [...(dependents.get(node) ?? [])].sort()) {
        if (seen.has(dependent) || isSettled(dependent)) continue;
        const path = [dependent, ...(seen.get(node) ?? [])];
        seen.set(dependent, path);
        out.push({ taskId: dependent, depth, path });
        next.push(dependent);
      }
    }
    frontier = next;
  }
  return out;
}

/**
 * One concrete cycle per strongly connected component that has one (Tarjan's algorithm), written as task ids
 * in dependency order with the first id repeated at the end; a self-dependency is a cycle of one.
 */
export function dependencyCycles(edges: readonly Edge[]): string[][] {
  const successors = new Map<string, string[]>();
  for (const { from, to } of edges) {
    successors.set(from, [...(successors.get(from) ?? []), to]);
    if (!successors.has(to)) successors.set(to, []);
  }
  for (const list of successors.values()) list.sort();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;

  // Iterative, so a long dependency chain cannot overflow the call stack.
  for (const root of [...successors.keys()].sort()) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: number };
      const succ = successors.get(frame.node) ?? [];
      if (frame.next < succ.length) {
        const child = succ[frame.next] as string;
        frame.next += 1;
        if (!index.has(child)) {
          index.set(child, counter);
          low.set(child, counter);
          counter += 1;
          stack.push(child);
          onStack.add(child);
          work.push({ node: child, next: 0 });
        } else if (onStack.has(child)) {
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(child) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        for (;;) {
          const member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
          if (member === frame.node) break;
        }
        components.push(component);
      }
    }
  }

  const cycles: string[][] = [];
  for (const component of components) {
    const members = new Set(component);
    const first = [...component].sort()[0] as string;
    const selfLoop = (successors.get(first) ?? []).includes(first);
    if (component.length === 1 && !selfLoop) continue;
    if (selfLoop) {
      cycles.push([first, first]);
      continue;
    }
    cycles.push(cycleThrough(first, members, successors));
  }
  return cycles.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

/** Shortest walk from `start` back to itself inside one component (breadth-first). */
function cycleThrough(start: string, members: Set<string>, successors: Map<string, string[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const next of successors.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at) as string) path.push(at);
        return [start, ...path.slice(1).reverse(), start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}
