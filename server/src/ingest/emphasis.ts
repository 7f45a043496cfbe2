// Markdown emphasis (`**…**`, `__…__`, `*…*`, `_…_`) removed from a line but remembered: a Chinese official
// document sets its item leads in bold (黑体) or italics (楷体), and its title and document number as whole lines.
import type { Span } from './normalise.ts';

export type Emphasis = 'bold' | 'italic';

export interface StrippedLine {
  text: string;
  /** The emphasis every visible character of the line is set in, if one is. */
  whole: Emphasis | null;
  /** The emphasised run the line opens with, ended early at 。/：/: (the lead), when the line goes on after it. */
  lead: Span | null;
}

interface Run {
  at: number;
  length: number;
  char: string;
}

const ALNUM = /[A-Za-z0-9]/;

/** Delimiter runs: any run of `*`, and runs of `_` that are not inside a Latin word (snake_case stays). */
function delimiterRuns(line: string): Run[] {
  const runs: Run[] = [];
  for (const match of line.matchAll(/\*+|_+/g)) {
    const at = match.index ?? 0;
    const run = match[0];
    if (run.startsWith('_')) {
      const before = line[at - 1] ?? '';
      const after = line[at + run.length] ?? '';
      if (ALNUM.test(before) && ALNUM.test(after)) continue;
    }
    runs.push({ at, length: run.length, char: run[0] ?? '*' });
  }
  return runs;
}

/** Pairs runs of the same delimiter in order; an unpaired run stays in the text as a literal character. */
function pairedRuns(runs: Run[]): Array<[Run, Run]> {
  const pairs: Array<[Run, Run]> = [];
  const open = new Map<string, Run>();
  for (const run of runs) {
    const key = `${run.char}${run.length}`;
    const opener = open.get(key);
    if (opener) {
      pairs.push([opener, run]);
      open.delete(key);
    } else {
      open.set(key, run);
    }
  }
  return pairs;
}

export function stripEmphasis(line: string): StrippedLine {
  const pairs = pairedRuns(delimiterRuns(line));
  if (pairs.length === 0) return { text: line, whole: null, lead: null };
  const removed = pairs.flat().sort((a, b) => a.at - b.at);
  let text = '';
  let from = 0;
  for (const run of removed) {
    text += line.slice(from, run.at);
    from = run.at + run.length;
  }
  text += line.slice(from);
  const out = (index: number) =>
    index - removed.filter((run) => run.at < index).reduce((sum, run) => sum + run.length, 0);
  const ranges = pairs
    .map(([open, close]) => ({
      start: out(open.at + open.length),
      end: out(close.at),
      kind: (open.length >= 2 ? 'bold' : 'italic') as Emphasis,
    }))
    .filter((range) => range.end > range.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  return trimmed(text, ranges);
}

function trimmed(raw: string, ranges: Array<Span & { kind: Emphasis }>): StrippedLine {
  const shift = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const spans = ranges
    .map((r) => ({ ...r, start: Math.max(0, r.start - shift), end: Math.min(text.length, r.end - shift) }))
    .filter((r) => r.end > r.start);
  const first = spans[0];
  if (!first) return { text, whole: null, lead: null };
  const inside = new Array<boolean>(text.length).fill(false);
  for (const r of spans) inside.fill(true, r.start, r.end);
  if (text.split('').every((char, i) => inside[i] || /\s/.test(char)))
    return { text, whole: first.kind, lead: null };
  if (text.slice(0, first.start).trim() !== '') return { text, whole: null, lead: null };
  const stop = text.slice(first.start, first.end).search(/[。：:]/);
  const end = stop >= 0 && first.start + stop + 1 < first.end ? first.start + stop + 1 : first.end;
  return { text, whole: null, lead: { start: first.start, end } };
}
