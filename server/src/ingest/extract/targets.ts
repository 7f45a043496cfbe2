// Quantitative targets of a plan (issue 13, item 5): the figures of every sentence (targets-figures.ts), counts that
// are no targets left out, each target owned by the smallest unit that holds it (a task, else its section, else the
// plan for goals stated before the first part), and figures the plan reports as achieved marked `reported`.
import { splitSentences } from '../sentences.ts';
import { type Figure, findFigures } from './targets-figures.ts';
import type { ExtractionInput, Span, TargetFact, TextUnit } from './types.ts';

/** Words of a sentence that report what was done (五年来…, 累计…, 完成了…). */
const PAST =
  /五年来|以来|累计|已经|已|期间|共计|同比|比上年|取得|完成了|实现了|达到了|减轻了|增长了|下降了|了/;
/** Words that set a goal (到2025年, 力争, 确保 …). */
const FUTURE = /到\s*20\d{2}|至\s*20\d{2}|力争|确保|目标|预计|争取|努力|(?<![主重需必])要(?!素|求|点)/;
/** A heading line of the plan text (# …, 第X章/节, 一、, （一）) and the words of a heading over a review of the past. */
const HEADING =
  /^(?:#+\s*|第[一二三四五六七八九十百\d]+[章节]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;
const REVIEW = /进展|成效|成就|成绩|回顾|现状|发展基础|取得/;

/** Offsets where a review of the past starts and ends: from a heading with review words to the next heading. */
function reviewSpans(text: string): Span[] {
  const spans: Span[] = [];
  let open: number | null = null;
  let at = 0;
  for (const line of text.split('\n')) {
    const heading = line.length < 60 && !line.includes('。') && HEADING.test(line.trim());
    if (heading) {
      if (open !== null) spans.push({ start: open, end: at });
      open = REVIEW.test(line) ? at : null;
    }
    at += line.length + 1;
  }
  if (open !== null) spans.push({ start: open, end: text.length });
  return spans;
}
const UNIT_RANK: Record<TextUnit['kind'], number> = {
  measure: 0,
  task: 1,
  list: 2,
  domain: 3,
  section: 4,
  chapter: 5,
  plan: 6,
};

function within(span: Span, at: number): boolean {
  return span.start <= at && at < span.end;
}

/** The node that sets a figure: the task whose span holds it, else the smallest unit above a task that does. */
function ownerOf(input: ExtractionInput, at: number, planOwner: string): string {
  const task = input.tasks.find((t) => within(t.span, at));
  if (task) return task.id;
  let best: { owner: string; rank: number } | null = null;
  for (const unit of input.units) {
    if (unit.kind === 'measure') continue;
    if (!unit.pieces.some((piece) => within(piece, at))) continue;
    const rank = UNIT_RANK[unit.kind];
    if (!best || rank < best.rank) best = { owner: unit.owner, rank };
  }
  return best?.owner ?? planOwner;
}

function kindOf(
  sentence: string,
  figure: Figure,
  planYear: number | null,
  review: Span[],
): 'target' | 'reported' {
  if (review.some((span) => within(span, figure.start))) return 'reported';
  if (figure.year !== null && planYear !== null && figure.year <= planYear) return 'reported';
  if (FUTURE.test(sentence)) return 'target';
  return PAST.test(sentence) ? 'reported' : 'target';
}

/**
 * Quantitative targets and reported figures of the plan, in text order.
 * - Counts of listed measures (方面5项), numbers of places (在10个区县), subsidies and headcounts (补贴100人) and
 *   shares with no indicator are left out: they are not targets, and their indicator would be broken.
 * - `kind: 'reported'` for figures the plan reports as achieved: under a heading of a review (进展成效, 发展基础 …),
 *   in a sentence with past words and no goal words, or due in a year up to the plan's own; these are kept since DESIGN.md's Target holds reported figures too.
 * - `owner` is a task id, else the smallest unit holding the figure, else the plan unit's owner (`plan` if the
 *   input has no plan unit). Confidence: 0.9 with a year and a comparator stated, 0.7 otherwise, 0.5 reported.
 * Pure; `value`/`valueMax` are numbers as written, `unit` as written (`%` for ％).
 */
export function extractTargets(input: ExtractionInput): TargetFact[] {
  const planOwner = input.units.find((u) => u.kind === 'plan')?.owner ?? 'plan';
  const facts: TargetFact[] = [];
  const review = reviewSpans(input.text);
  for (const sentence of splitSentences(input.text, 0)) {
    for (const figure of findFigures(sentence)) {
      if (figure.notTarget !== null) continue;
      const kind = kindOf(sentence.text, figure, input.year, review);
      facts.push({
        indicator: figure.indicator,
        value: figure.value,
        valueMax: figure.valueMax,
        unit: figure.unit,
        year: figure.year,
        comparator: figure.comparator,
        quote: figure.quote,
        start: figure.start,
        end: figure.end,
        confidence: kind === 'reported' ? 0.5 : figure.explicit ? 0.9 : 0.7,
        owner: ownerOf(input, figure.start, planOwner),
        kind,
      });
    }
  }
  return facts;
}
