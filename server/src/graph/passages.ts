import type { Properties } from '../domain/types.ts';

// Places quotes in the plan text and gives the whole sentence before and after the one(s) holding each quote.
const SENTENCE_END = /[。！？；!?;\n]/u;

function isEnd(char: string | undefined): boolean {
  return char !== undefined && SENTENCE_END.test(char);
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

export function sentencesAround(text: string, start: number, end: number): { before: string; after: string } {
  const ownStart = sentenceStart(text, start);
  const before = ownStart === 0 ? '' : text.slice(sentenceStart(text, ownStart - 1), ownStart);
  const ownEnd = end > start && isEnd(text[end - 1]) ? end : sentenceEnd(text, end);
  const after = ownEnd >= text.length ? '' : text.slice(ownEnd, sentenceEnd(text, ownEnd));
  return { before: before.trim(), after: after.trim() };
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
