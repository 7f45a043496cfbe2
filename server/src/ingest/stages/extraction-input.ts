// What the extract stage reads from the outline (the shape of `ExtractionInput` in ingest/extract/types.ts, kept
// structurally equal so that `extractFacts(extractionInput(ctx))` type-checks once both branches are merged):
// the text, title, issuer and year, every task with its title and measures, every text unit, every table.
import type { Span } from '../normalise.ts';
import type { BuildContext, TextUnitRef } from './context.ts';
import { asPiece, taskIdOf } from './context.ts';

interface TextSpan extends Span {
  text: string;
}

export interface OutlineExtractionInput {
  text: string;
  title: string;
  issuer: string | null;
  year: number | null;
  tasks: Array<{ id: string; span: Span; title: TextSpan; measures: TextSpan[] }>;
  units: Array<{ owner: string; kind: TextUnitRef['kind']; pieces: TextSpan[] }>;
  tables: Array<{ span: Span; header: TextSpan[]; rows: TextSpan[][] }>;
}

/** The extract stage's input, built from the outline and the units the structure stage registered. */
export function extractionInput(ctx: BuildContext): OutlineExtractionInput {
  const { outline } = ctx;
  const issued = outline.meta.issuedOn ? Number(outline.meta.issuedOn.slice(0, 4)) : null;
  const period = ctx.g.node(ctx.planId)?.properties.periodStart;
  return {
    text: ctx.text,
    title: outline.title,
    issuer: outline.issuer,
    year: issued ?? (typeof period === 'number' ? period : null),
    tasks: outline.tasks.map((task) => ({
      id: taskIdOf(ctx, task),
      span: task.span,
      title: { text: task.title, ...task.titleSpan },
      measures: task.measures,
    })),
    // The front matter (preface, the body of a short notice) is the Plan's own unit: goals stated before the
    // first part are set by the plan.
    units: [
      { owner: ctx.planId, kind: 'plan' as const, pieces: outline.front.map(asPiece) },
      ...ctx.units.map(({ owner, kind, pieces }) => ({ owner, kind, pieces })),
    ],
    tables: outline.tables.map(({ span, header, rows }) => ({ span, header, rows })),
  };
}
