// A seriation of a similarity matrix: average-linkage agglomerative clustering, whose dendrogram gives the
// leaf order, with each merge flipping its two halves so the most similar ends meet. Agencies that share
// tasks end up next to each other and the heat map shows blocks instead of an alphabetical scatter.

/** `similarity(i, j)` for i ≠ j, symmetric; larger is more alike. Returns the indices 0..n-1 in order. */
export function seriate(n: number, similarity: (i: number, j: number) => number): number[] {
  if (n <= 2) return [...Array(n).keys()];
  const sim: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : similarity(i, j))),
  );
  interface Cluster {
    members: number[];
    order: number[];
  }
  const clusters: Array<Cluster | null> = Array.from({ length: n }, (_, i) => ({ members: [i], order: [i] }));
  // Average linkage between live clusters, kept as a matrix updated with the Lance–Williams rule.
  const link: number[][] = sim.map((row) => [...row]);
  const s = (a: number, b: number) => sim[a]?.[b] ?? 0;

  for (let merges = 0; merges < n - 1; merges++) {
    let best: [number, number] | null = null;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < n; a++) {
      if (!clusters[a]) continue;
      for (let b = a + 1; b < n; b++) {
        if (!clusters[b]) continue;
        const value = link[a]?.[b] ?? 0;
        if (value > bestValue) {
          bestValue = value;
          best = [a, b];
        }
      }
    }
    if (!best) break;
    const [a, b] = best;
    const left = clusters[a] as Cluster;
    const right = clusters[b] as Cluster;
    const order = bestJoin(left.order, right.order, s);
    const sizeA = left.members.length;
    const sizeB = right.members.length;
    for (let c = 0; c < n; c++) {
      if (c === a || c === b || !clusters[c]) continue;
      const value = ((link[a]?.[c] ?? 0) * sizeA + (link[b]?.[c] ?? 0) * sizeB) / (sizeA + sizeB);
      (link[a] as number[])[c] = value;
      (link[c] as number[])[a] = value;
    }
    clusters[a] = { members: [...left.members, ...right.members], order };
    clusters[b] = null;
  }
  return clusters.find((cluster) => cluster !== null)?.order ?? [];
}

/** Joins two orders in the orientation whose touching ends are most similar. */
function bestJoin(left: number[], right: number[], s: (a: number, b: number) => number): number[] {
  const lFirst = left[0] as number;
  const lLast = left[left.length - 1] as number;
  const rFirst = right[0] as number;
  const rLast = right[right.length - 1] as number;
  const options: Array<[number, () => number[]]> = [
    [s(lLast, rFirst), () => [...left, ...right]],
    [s(lLast, rLast), () => [...left, ...[...right].reverse()]],
    [s(lFirst, rFirst), () => [...[...left].reverse(), ...right]],
    [s(lFirst, rLast), () => [...right, ...left]],
  ];
  let best = options[0] as [number, () => number[]];
  for (const option of options) if (option[0] > best[0]) best = option;
  return best[1]();
}
