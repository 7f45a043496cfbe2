import type { PassageContext, Properties } from '../domain/types.ts';

// Places quotes in the plan text and gives the contiguous text around each: its own sentence(s) and one more
// sentence on each side.
const SENTENCE_END = /[。！？；!?;\n]/u;

function isEnd(char: string | undefined): boolean {
  return char !== undefined && SENTENCE_END.test(char);
}

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/u.test(char);
}

function sentenceStart(text: string, index: number): number {
  let i = index;
  while (i > 0 && !isEnd(text[i - 1])) i--;
  return i;
}

/** Index just past the terminator of the sentence containing `index`. */
function sentenceEnd(text: string, index: number): number {
  let i = index;
  while (i < text.length && !isEnd(text[i])) i++;
  return Math.min(text.length, i + 1);
}

/**
 * The plan's own contiguous text around a quote: the sentence(s) holding `[start, end)` plus one whole sentence
 * on each side (fewer at the text's ends), with surrounding white space left out.
 * `text.slice(context.start, context.end) === context.text`, and `context.start <= start < end <= context.end`.
 * `before`/`after` are the parts of `context.text` before and after the quote, so
 * `before + quote + after === context.text` (the sentence's own rest is never dropped).
 */
export function contextAround(
  text: string,
  start: number,
  end: number,
): { context: PassageContext; before: string; after: string } {
  let ownStart = sentenceStart(text, start);
  while (ownStart > 0 && isSpace(text[ownStart - 1])) ownStart--;
  let from = ownStart === 0 ? 0 : sentenceStart(text, ownStart - 1);
  let ownEnd = end > start && isEnd(text[end - 1]) ? end : sentenceEnd(text, Math.max(start, end - 1));
  while (ownEnd < text.length && isSpace(text[ownEnd])) ownEnd++;
  let to = ownEnd >= text.length ? text.length : sentenceEnd(text, ownEnd);
  while (from < start && isSpace(text[from])) from++;
  while (to > end && isSpace(text[to - 1])) to--;
  return {
    context: { text: text.slice(from, to), start: from, end: to },
    before: text.slice(from, start),
    after: text.slice(end, to),
  };
}

/** Where a quote stands in the text: its recorded offsets when they hold, else its first occurrence. */
export function locateQuote(
  text: string,
  quote: string,
  start: number | null,
  end: number | null,
): { start: number; end: number } | null {
  if (start !== null && end !== null && text.slice(start, end) === quote) return { start, end };
  const found = quote.length > 0 ? text.indexOf(quote) : -1;
  return found < 0 ? null : { start: found, end: found + quote.length };
}

export interface RawQuote {
  quote: string;
  start: number | null;
  end: number | null;
}

const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

function listed(quotes: unknown, starts: unknown, ends: unknown): RawQuote[] {
  if (!Array.isArray(quotes)) return [];
  const s = Array.isArray(starts) ? starts : [];
  const e = Array.isArray(ends) ? ends : [];
  return quotes.flatMap((quote, i) =>
    typeof quote === 'string' ? [{ quote, start: num(s[i]), end: num(e[i]) }] : [],
  );
}

/**
 * The quotes a node or relationship carries as evidence: `quote` (+`start`/`end`), `quotes`/`starts`/`ends`
 * for every occurrence, `evidence` as one string or a list (+`starts`/`ends`), and a pilot's
 * `statusEvidence` (+`statusStart`/`statusEnd`).
 */
export function evidenceQuotes(props: Properties): RawQuote[] {
  const quotes: RawQuote[] = [];
  if (Array.isArray(props.quotes)) quotes.push(...listed(props.quotes, props.starts, props.ends));
  else if (typeof props.quote === 'string') {
    quotes.push({ quote: props.quote, start: num(props.start), end: num(props.end) });
  }
  if (typeof props.evidence === 'string') {
    quotes.push({ quote: props.evidence, start: num(props.start), end: num(props.end) });
  } else quotes.push(...listed(props.evidence, props.starts, props.ends));
  if (typeof props.statusEvidence === 'string') {
    quotes.push({ quote: props.statusEvidence, start: num(props.statusStart), end: num(props.statusEnd) });
  }
  return quotes;
}
