// What every stage of the graph build shares: the plan's id and text, its outline, the optional annotation, the
// graph being built, and the text units later stages scan. Stages run in the order of DESIGN.md's pipeline
// (structure → lists → extract → overlay → links) and only add to the graph.
import { nodeId } from '../../domain/model.ts';
import type { LoadedAnnotation } from '../annotation.ts';
import type { Annotation } from '../annotation-schema.ts';
import type { GraphBuilder } from '../graph-builder.ts';
import type { Outline, Paragraph, ParsedTask } from '../outline.ts';
import type { TextPiece } from '../sentences.ts';
import type { QuoteFinder } from './quote-finder.ts';

/** A node whose text is scanned for mentions and targets; `sentences`: split the pieces into sentences first. */
export interface TextUnitRef {
  owner: string;
  kind: 'plan' | 'chapter' | 'section' | 'domain' | 'task' | 'measure' | 'list';
  pieces: TextPiece[];
  sentences: boolean;
}

export interface BuildContext {
  planId: string;
  text: string;
  file: string;
  outline: Outline;
  g: GraphBuilder;
  loaded: LoadedAnnotation | null;
  annotation: Annotation | null;
  /** Collects annotation problems with their YAML lines; null without an annotation. */
  finder: QuoteFinder | null;
  units: TextUnitRef[];
  warnings: string[];
}

export function idOf(ctx: BuildContext, kind: string, key: string | number): string {
  return nodeId(ctx.planId, kind, key);
}

/** `<part>.<domain>.<task>`: the top-level part holding the domain, the plan-wide domain number, the task's order. */
export function taskKey(ctx: BuildContext, task: ParsedTask): string {
  const domain = ctx.outline.domains.find((d) => d.number === task.domain);
  return `${domain?.part ?? 0}.${task.domain}.${task.order}`;
}

export function taskIdOf(ctx: BuildContext, task: ParsedTask): string {
  return idOf(ctx, 'task', taskKey(ctx, task));
}

/** The annotation's reference of a task: `<domain>.<task>`. */
export function taskRef(task: ParsedTask): string {
  return `${task.domain}.${task.order}`;
}

export function englishName(ctx: BuildContext, title: string): string | null {
  return ctx.annotation?.translations[title] ?? null;
}

export function asPiece(paragraph: Paragraph): TextPiece {
  return { text: paragraph.text, start: paragraph.start, end: paragraph.end };
}

export function ownText(
  paragraphs: Paragraph[],
  text: string,
): { text: string; start: number; end: number } | null {
  const first = paragraphs[0];
  const last = paragraphs.at(-1);
  if (!first || !last) return null;
  return { text: text.slice(first.start, last.end), start: first.start, end: last.end };
}
