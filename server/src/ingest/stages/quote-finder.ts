// Locates annotation quotes in the plan text (folded like the text itself, so a quote typed with full-width digits
// or traditional heading words still matches), and collects annotation problems with the YAML line they come from.
import type { LoadedAnnotation, YamlPath } from '../annotation.ts';
import { foldVariants } from '../char-variants.ts';
import type { InputProblem } from '../errors.ts';
import type { Span } from '../normalise.ts';

export class QuoteFinder {
  readonly problems: InputProblem[] = [];
  constructor(
    private readonly text: string,
    private readonly loaded: LoadedAnnotation,
  ) {}

  /** The span of `quote`, preferring an occurrence inside `within`; null (and a problem) when it is absent. */
  find(quote: string, path: YamlPath, within?: Span): Span | null {
    const wanted = foldVariants(quote.normalize('NFC'));
    if (within) {
      const inside = this.text.slice(within.start, within.end).indexOf(wanted);
      if (inside >= 0) return { start: within.start + inside, end: within.start + inside + wanted.length };
    }
    const at = this.text.indexOf(wanted);
    if (at < 0) {
      this.fail(path, `quote not found in the plan text: “${quote}”`);
      return null;
    }
    return { start: at, end: at + wanted.length };
  }

  fail(path: YamlPath, message: string): void {
    this.problems.push({
      file: this.loaded.file,
      line: this.loaded.lineOf(path),
      message: `${path.join('.')}: ${message}`,
    });
  }
}
