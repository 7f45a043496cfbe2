// A layered (dagre) picture shaped like the screen. A plan's hierarchy is shallow and wide — a few ranks of
// tasks over one rank of ~100 agencies and pilots — so dagre alone draws a strip ten times wider than high.
// Neither dagre nor ELK bounds a rank's width by an aspect ratio (ELK's aspectRatio packs components and wraps
// long chains of layers, not wide layers), so after dagre has ranked and ordered the nodes, every rank wider
// than a common row width is folded into stacked rows: node j of a rank folded into k rows goes to row j mod k,
// keeping dagre's left-to-right order (and so its few crossings) and every edge pointing down.
import type { Core, NodeSingular, Position } from 'cytoscape';

/** A node as dagre placed it: centre and layout size (label included), in model units. */
export interface LaidNode {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface FoldOptions {
  /** Width / height the picture should have (the graph area's). */
  targetAspect: number;
  /** Horizontal gap between neighbours in a row, vertical gap between a rank's rows, gap between ranks. */
  nodeGap: number;
  rowGap: number;
  rankGap: number;
}

interface Rank {
  nodes: LaidNode[];
  width: number;
  rowHeight: number;
}

function ranksOf(nodes: readonly LaidNode[]): Rank[] {
  const byY = new Map<number, LaidNode[]>();
  for (const node of nodes) {
    const key = Math.round(node.y);
    byY.set(key, [...(byY.get(key) ?? []), node]);
  }
  return [...byY.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, list]) => {
      const sorted = [...list].sort((a, b) => a.x - b.x || (a.id < b.id ? -1 : 1));
      const first = sorted[0] as LaidNode;
      const last = sorted[sorted.length - 1] as LaidNode;
      return {
        nodes: sorted,
        width: last.x + last.w / 2 - (first.x - first.w / 2),
        rowHeight: Math.max(...sorted.map((n) => n.h)),
      };
    });
}

/** Rows each rank needs so that no row is wider than `rowWidth` (at least one). */
const rowsFor = (rank: Rank, rowWidth: number) => Math.max(1, Math.ceil(rank.width / rowWidth - 1e-9));

function sizeWith(ranks: readonly Rank[], rowWidth: number, options: FoldOptions) {
  let width = 0;
  let height = 0;
  ranks.forEach((rank, i) => {
    const rows = Math.min(rowsFor(rank, rowWidth), rank.nodes.length);
    width = Math.max(width, rank.width / rows);
    height += rows * rank.rowHeight + (rows - 1) * options.rowGap + (i > 0 ? options.rankGap : 0);
  });
  return { width, height };
}

/**
 * The row width whose folded picture has the aspect ratio closest to `targetAspect` (compared on a log
 * scale, so 2× too wide and 2× too tall weigh the same). Candidates are the widest rank cut into 1…n rows.
 */
function bestRowWidth(ranks: readonly Rank[], options: FoldOptions): number {
  const widest = Math.max(...ranks.map((r) => r.width));
  const most = Math.max(...ranks.map((r) => r.nodes.length));
  let best = widest;
  let bestError = Number.POSITIVE_INFINITY;
  for (let rows = 1; rows <= most; rows++) {
    const rowWidth = widest / rows;
    const { width, height } = sizeWith(ranks, rowWidth, options);
    const error = Math.abs(Math.log(width / Math.max(height, 1) / options.targetAspect));
    if (error < bestError - 1e-9) {
      best = rowWidth;
      bestError = error;
    }
  }
  return best;
}

/**
 * New centres for dagre's nodes with wide ranks folded into rows, so the picture's width / height comes
 * close to `options.targetAspect`. Ranks are dagre's rows (equal y); the result keeps their top-to-bottom
 * order and, within a row, dagre's left-to-right order, with at least `nodeGap` between neighbours' boxes.
 */
export function foldRanks(nodes: readonly LaidNode[], options: FoldOptions): Map<string, Position> {
  const out = new Map<string, Position>();
  if (nodes.length === 0) return out;
  const ranks = ranksOf(nodes);
  const rowWidth = bestRowWidth(ranks, options);
  const { width } = sizeWith(ranks, rowWidth, options);
  let top = 0;
  for (const rank of ranks) {
    const rowCount = Math.min(rowsFor(rank, rowWidth), rank.nodes.length);
    const rows: LaidNode[][] = Array.from({ length: rowCount }, (_, r) =>
      rank.nodes.filter((_node, j) => j % rowCount === r),
    );
    const left = (rank.nodes[0]?.x ?? 0) - (rank.nodes[0]?.w ?? 0) / 2;
    rows.forEach((row, r) => {
      const y = top + r * (rank.rowHeight + options.rowGap) + rank.rowHeight / 2;
      // Dagre's x squeezed by the number of rows, then pushed right where two boxes would touch.
      let right = Number.NEGATIVE_INFINITY;
      const placed = row.map((node) => {
        const x = Math.max((node.x - left) / rowCount, right + options.nodeGap + node.w / 2);
        right = x + node.w / 2;
        return { node, x };
      });
      // Each row centred on the picture's axis, so folded ranks sit under the ranks above them.
      const rowLeft = (placed[0]?.x ?? 0) - (placed[0]?.node.w ?? 0) / 2;
      const shift = (width - (right - rowLeft)) / 2 - rowLeft;
      for (const { node, x } of placed) out.set(node.id, { x: x + shift, y });
    });
    top += rowCount * rank.rowHeight + (rowCount - 1) * options.rowGap + options.rankGap;
  }
  return out;
}

/** Aspect ratios are rounded to quarter steps of log2, so windows of nearly the same shape get one picture. */
export function quantisedAspect(width: number, height: number): number {
  const ratio = width > 0 && height > 0 ? width / height : 16 / 9;
  return 2 ** (Math.round(Math.log2(ratio) * 4) / 4);
}

/**
 * A `transform` for cytoscape-dagre: on its first call (dagre has then placed every node and left its result
 * in each node's `scratch('dagre')`) it folds the ranks for the whole graph; every call returns that node's
 * folded centre.
 */
export function aspectFittingTransform(
  cy: Core,
  options: FoldOptions,
): (node: NodeSingular, position: Position) => Position {
  let folded: Map<string, Position> | null = null;
  return (node, position) => {
    if (!folded) {
      const laid = cy
        .nodes()
        .not(':parent')
        .toArray()
        .flatMap((n): LaidNode[] => {
          const placed = n.scratch('dagre') as
            | { x: number; y: number; width: number; height: number }
            | undefined;
          return placed ? [{ id: n.id(), x: placed.x, y: placed.y, w: placed.width, h: placed.height }] : [];
        });
      folded = foldRanks(laid, options);
    }
    return folded.get(node.id()) ?? position;
  };
}
