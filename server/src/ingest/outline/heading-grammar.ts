// The one heading grammar of Chinese official documents (GB/T 9704-2012 公文格式, and the numbering the State
// Council's documents use): 第X编 / 第X章 / 第X节 / 第X条, 一、, （一）, 1. / 1． / 1、, 1.1, （1）, ①. It says
// which series a block opens and where its title and body are; how the series nest is read from each document
// (`SeriesNesting`), never from Markdown heading levels or a fixed list. The importer, the annotation checker and
// any other reader use this module.
import type { Block, Span } from '../normalise.ts';
import { parseChineseNumber } from '../numerals.ts';

/** A numbering series. `decimal-N` is a dotted number with N parts (1.1 → decimal-2). */
export type Series =
  | 'part'
  | 'chapter'
  | 'section'
  | 'article'
  | 'cn'
  | 'paren-cn'
  | 'arabic'
  | 'paren-arabic'
  | 'circled'
  | `decimal-${number}`;

const CN = '一二三四五六七八九十百零〇两';
const NUMBERED: Array<{ series: Series; pattern: RegExp }> = [
  { series: 'part', pattern: new RegExp(`^第([${CN}\\d]+)编\\s*`) },
  { series: 'chapter', pattern: new RegExp(`^第([${CN}\\d]+)章\\s*`) },
  { series: 'section', pattern: new RegExp(`^第([${CN}\\d]+)节\\s*`) },
  { series: 'article', pattern: new RegExp(`^第([${CN}\\d]+)条(?![件例款目])\\s*`) },
  { series: 'cn', pattern: /^([一二三四五六七八九十百]+)[、．.]\s*/ },
  { series: 'paren-cn', pattern: /^[（(]([一二三四五六七八九十百]+)[）)]\s*/ },
  { series: 'paren-arabic', pattern: /^[（(](\d{1,3})[）)]\s*/ },
  { series: 'circled', pattern: /^([①-⑳])\s*/ },
  { series: 'arabic', pattern: /^(\d{1,3})(?:[.．、](?!\d)|\s+(?=\p{Script=Han}))\s*/u },
];
const DECIMAL = /^(\d{1,3}(?:[.．]\d{1,3})+)(?:[.．、]?\s+|[.．、])(?=\S)/;
/** Punctuation that ends a title or a lead. */
const TITLE_END = /[。：:；;！!？?]/;
const CLAUSE_END = /[，,。：:；;！!？?]/;

export interface Marker {
  series: Series;
  /** The numeral the marker carries (第四节 → 4, ③ → 3, 2.3 → 3); null when unreadable. */
  numeral: number | null;
  /** Length of the marker with the spaces after it (`（一）` → 3). */
  length: number;
}

/** The numbering marker a text starts with, if any. A bare `1 总则` counts only in a heading line. */
export function readMarker(text: string, heading = true): Marker | null {
  const decimal = DECIMAL.exec(text);
  if (decimal?.[1]) {
    const parts = decimal[1].split(/[.．]/);
    return { series: `decimal-${parts.length}`, numeral: Number(parts.at(-1)), length: decimal[0].length };
  }
  for (const { series, pattern } of NUMBERED) {
    const match = pattern.exec(text);
    if (!match) continue;
    if (series === 'arabic' && !heading && !/^\d{1,3}[.．、]/.test(text)) return null;
    const digits = match[1] ?? '';
    const numeral =
      series === 'circled' ? (digits.codePointAt(0) ?? 0x2460) - 0x245f : parseChineseNumber(digits);
    return { series, numeral, length: match[0].length };
  }
  return null;
}

/** A block that opens an item of a series: its title and, for an item written inline, the body after it. */
export interface Heading {
  marker: Marker;
  /** Where the marker starts (the block's start). */
  start: number;
  titleSpan: Span;
  /** The rest of the block after the title (`（一）标题。正文` → 正文), null when the block is only a title. */
  body: Span | null;
}

function trim(text: string, base: number, span: Span): Span {
  let { start, end } = span;
  const at = (i: number) => text[i - base] ?? '';
  while (start < end && /\s/.test(at(start))) start += 1;
  while (end > start && /[\s。：:；;，,.！!？?]/.test(at(end - 1))) end -= 1;
  return { start, end };
}

/**
 * Reads a block as the opening of an enumerated item. Numbering decides, not the length of the first clause:
 * `（一）` + a 120-character first clause is still item （一）. The title is the lead (bold or italic) when the
 * block has one, else the text up to the first 。/：/；; an article (`第一条　为了…`) has no title of its own, so
 * its title runs from the marker to the end of its first clause.
 */
export function readHeading(block: Block): Heading | null {
  if (block.kind === 'table') return null;
  const marker = readMarker(block.text, block.kind === 'heading');
  if (!marker) return null;
  const text = block.text;
  const base = block.start;
  const titleStart = base + marker.length;
  const titled = (end: number, bodyFrom: number): Heading => {
    const titleSpan = trim(text, base, { start: titleStart, end });
    if (titleSpan.end > titleSpan.start) {
      const bodyStart = skipPunctuation(text, base, bodyFrom);
      return {
        marker,
        start: base,
        titleSpan,
        body: bodyStart < block.end ? { start: bodyStart, end: block.end } : null,
      };
    }
    const rest = text.slice(marker.length);
    const clause = rest.search(CLAUSE_END);
    const clauseEnd = clause < 0 ? block.end : titleStart + clause;
    return {
      marker,
      start: base,
      titleSpan: trim(text, base, { start: base, end: clauseEnd }),
      body:
        titleStart < block.end ? { start: skipPunctuation(text, base, titleStart), end: block.end } : null,
    };
  };
  if (block.lead && block.lead.start <= titleStart) {
    const leadEnd = Math.max(block.lead.end, titleStart);
    return titled(leadEnd, leadEnd);
  }
  if (block.kind === 'heading') return titled(block.end, block.end);
  const rest = text.slice(marker.length);
  const stop = rest.search(TITLE_END);
  const end = stop < 0 ? block.end : titleStart + stop;
  return titled(end, stop < 0 ? block.end : end + 1);
}

function skipPunctuation(text: string, base: number, from: number): number {
  let at = from;
  while (at - base < text.length && /[\s。：:；;，,.！!？?]/.test(text[at - base] ?? '')) at += 1;
  return at;
}

/**
 * The nesting of the series as one document uses them, learned pair by pair: the first time a series opens while
 * another is the innermost open one, and nothing is known yet between the two, it nests under it — and keeps that
 * relation (and what follows from it) for the rest of the document. So a later 一、 directly under a 第四章 closes
 * the chapter's other items and sits under the chapter, and a document may put （1） under 1. or 1. under （1）.
 */
export class SeriesNesting {
  private readonly inside = new Map<Series, Set<Series>>();

  /** True when `outer` is known to contain `inner`, directly or through other series. */
  contains(outer: Series, inner: Series, seen = new Set<Series>()): boolean {
    if (seen.has(outer)) return false;
    seen.add(outer);
    for (const next of this.inside.get(outer) ?? []) {
      if (next === inner || this.contains(next, inner, seen)) return true;
    }
    return false;
  }

  /**
   * How many of the open items (outermost first) stay open when an item of `series` opens: the new item nests
   * under the last one kept. Learns the relation with the innermost open series when it is new.
   */
  keep(series: Series, open: readonly Series[]): number {
    let depth = open.length;
    while (depth > 0) {
      const top = open[depth - 1] as Series;
      if (top !== series && this.contains(top, series)) break;
      if (top === series || this.contains(series, top)) {
        depth -= 1;
        continue;
      }
      this.learn(top, series);
      break;
    }
    return depth;
  }

  private learn(outer: Series, inner: Series): void {
    const set = this.inside.get(outer) ?? new Set<Series>();
    set.add(inner);
    this.inside.set(outer, set);
  }
}
