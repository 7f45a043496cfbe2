// Cuts a line of the plan text into segments by overlapping ranges (mentions, the target passage, find hits,
// the graph selection's passages), so each segment carries the classes of every range that covers it.

export interface MarkRange {
  start: number;
  end: number;
  className: string;
  /** The node a click on this range opens (mentions). */
  node?: string;
}

export interface Segment {
  start: number;
  end: number;
  ranges: MarkRange[];
}

export function segments(lineStart: number, lineEnd: number, ranges: readonly MarkRange[]): Segment[] {
  const inside = ranges.filter(
    (range) => range.end > lineStart && range.start < lineEnd && range.end > range.start,
  );
  const cuts = new Set<number>([lineStart, lineEnd]);
  for (const range of inside) {
    cuts.add(Math.max(lineStart, range.start));
    cuts.add(Math.min(lineEnd, range.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const result: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end <= start) continue;
    result.push({ start, end, ranges: inside.filter((range) => range.start <= start && range.end >= end) });
  }
  return result;
}

/** Every occurrence of `needle` in `text`, as [start, end) pairs. */
export function findAll(text: string, needle: string): Array<[number, number]> {
  if (needle === '') return [];
  const hits: Array<[number, number]> = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    hits.push([at, at + needle.length]);
  }
  return hits;
}
