// The importer's target reader until the extract stage is wired into the pipeline (extract/index.ts): a thin wrapper
// over the one recogniser of figures, extract/targets-figures.ts, keeping the shape build-plan-graph reads.

import { findFigures } from './extract/targets-figures.ts';
import type { TargetComparator } from './extract/types.ts';
import type { Span } from './normalise.ts';
import type { TextPiece } from './sentences.ts';

export type Comparator = TargetComparator;

export interface TargetFact extends Span {
  indicator: string;
  value: number;
  /** Upper bound of a range (`15-20 支`), else null. */
  valueMax: number | null;
  unit: string;
  year: number | null;
  comparator: Comparator;
  quote: string;
}

/** The figures of the sentences that are targets (list counts, place counts, subsidies and broken shares left out). */
export function extractTargets(sentences: TextPiece[]): TargetFact[] {
  return sentences
    .flatMap((sentence) => findFigures(sentence))
    .filter((figure) => figure.notTarget === null)
    .map(({ indicator, value, valueMax, unit, year, comparator, quote, start, end }) => ({
      indicator,
      value,
      valueMax,
      unit,
      year,
      comparator,
      quote,
      start,
      end,
    }));
}
