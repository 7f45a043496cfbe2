// Dictionary matching of the annotation's agencies and pilots: every name and alias, leftmost-longest, so
// that `某市综合保税区` counts once (as the longer term) and never also as `综合保税区`.
import type { Span } from './normalise.ts';

export interface Term {
  text: string;
  entity: string;
}

export interface Match extends Span {
  entity: string;
  quote: string;
}

export class Dictionary {
  private readonly byFirstChar = new Map<string, Term[]>();

  constructor(terms: Term[]) {
    for (const term of terms) {
      if (term.text.length === 0) continue;
      const first = term.text[0] ?? '';
      const list = this.byFirstChar.get(first) ?? [];
      list.push(term);
      this.byFirstChar.set(first, list);
    }
    for (const list of this.byFirstChar.values()) list.sort((a, b) => b.text.length - a.text.length);
  }

  /** Matches in `text`, which starts at absolute offset `base`. */
  find(text: string, base = 0): Match[] {
    const matches: Match[] = [];
    let i = 0;
    while (i < text.length) {
      const candidates = this.byFirstChar.get(text[i] ?? '');
      const hit = candidates?.find((term) => text.startsWith(term.text, i));
      if (hit) {
        matches.push({
          entity: hit.entity,
          quote: hit.text,
          start: base + i,
          end: base + i + hit.text.length,
        });
        i += hit.text.length;
      } else {
        i += 1;
      }
    }
    return matches;
  }
}
