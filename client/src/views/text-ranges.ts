// Offsets in the plan text (UTF-16 code units, as the API gives them): the sentence around a passage, and the
// part of the plan a passage belongs to.
import type { CyNodeData } from '../types.ts';
import { num, type PlanGraphIndex } from './data.ts';

const SENTENCE_END = /[。！？!?\n]/;

/** The sentence holding [start, end): from after the previous sentence end to its own end mark. */
export function sentenceAround(text: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1] ?? '')) from--;
  let to = Math.max(end, start);
  while (to < text.length && !SENTENCE_END.test(text[to] ?? '')) to++;
  if (to < text.length && text[to] !== '\n') to++;
  while (from < to && /\s/.test(text[from] ?? '')) from++;
  return { from, to };
}

const PART_LABELS = [
  'Task',
  'Achievement',
  'Problem',
  'Priority',
  'KeyField',
  'Principle',
  'Safeguard',
  'Target',
];
const HEADING_LABELS = ['Domain', 'Section', 'Chapter'];

/** The smallest list item or task holding the offset, else the heading it falls under. */
export function partAt(graph: PlanGraphIndex, offset: number): CyNodeData | null {
  let best: CyNodeData | null = null;
  for (const node of graph.nodes.values()) {
    if (!PART_LABELS.includes(node.label)) continue;
    const start = num(node.start);
    const end = num(node.end);
    if (start === null || end === null || offset < start || offset >= end) continue;
    if (!best || end - start < (num(best.end) ?? 0) - (num(best.start) ?? 0)) best = node;
  }
  if (best) return best;
  let heading: CyNodeData | null = null;
  for (const node of graph.nodes.values()) {
    if (!HEADING_LABELS.includes(node.label)) continue;
    const at = num(node.titleStart);
    if (at !== null && at <= offset && (!heading || at > (num(heading.titleStart) ?? -1))) heading = node;
  }
  return heading;
}
