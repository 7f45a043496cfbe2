// Every quote the graph carries, with the offsets that must slice it out of the plan text. Shared by the
// unit test of the built graph and the integration test of the stored one.
import type { Properties, PropertyValue } from '../../../server/src/domain/types.ts';

export interface QuoteRef {
  where: string;
  quote: string;
  start: number;
  end: number;
}

const asList = (value: PropertyValue | undefined): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];

/** Pairs each quote-like property with its offsets: text/quote ↔ start/end, evidence ↔ start(s)/end(s). */
export function quotesOf(where: string, props: Properties): QuoteRef[] {
  const refs: QuoteRef[] = [];
  const add = (quotes: unknown[], starts: unknown[], ends: unknown[]) => {
    quotes.forEach((quote, i) => {
      refs.push({ where, quote: String(quote), start: Number(starts[i]), end: Number(ends[i]) });
    });
  };
  if (typeof props.start === 'number') {
    const own = props.quote ?? (typeof props.evidence === 'string' ? props.evidence : props.text);
    add([own], [props.start], [props.end]);
  }
  if (Array.isArray(props.starts)) {
    add(asList(props.quotes ?? props.evidence), props.starts, asList(props.ends));
  }
  if (typeof props.titleStart === 'number') add([props.title], [props.titleStart], [props.titleEnd]);
  if (typeof props.statusStart === 'number')
    add([props.statusEvidence], [props.statusStart], [props.statusEnd]);
  return refs;
}
