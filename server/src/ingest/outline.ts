// The outline stage: normalised blocks → title block and sign-off, the tree of numbered parts (one heading grammar,
// nesting read from the document), the domains and tasks of the action parts, and the tables. It refuses only a
// document with no text; a document without enumerated items is an outline of paragraphs with a warning.
import type { InputProblem } from './errors.ts';
import type { NormalisedPlan } from './normalise.ts';
import { findDomains } from './outline/tasks.ts';
import { readTitleBlock } from './outline/title-block.ts';
import { buildTree } from './outline/tree.ts';
import type { Outline } from './outline/types.ts';

export type { Series } from './outline/heading-grammar.ts';
export type {
  DocumentMeta,
  Outline,
  OutlineNode,
  OutlineTable,
  Paragraph,
  ParsedDomain,
  ParsedTask,
  TableCell,
} from './outline/types.ts';

export type OutlineResult = { ok: true; outline: Outline } | { ok: false; problems: InputProblem[] };

/** Reads the outline of a normalised document. Errors: only a document without any text (`ok: false`). */
export function parseOutline(plan: NormalisedPlan, file: string): OutlineResult {
  const { text, blocks } = plan;
  if (blocks.length === 0 || text.trim() === '') {
    return { ok: false, problems: [{ file, line: null, message: 'the document has no text to import' }] };
  }
  const head = readTitleBlock(blocks);
  const tree = buildTree(text, blocks, head.consumed, head.restarts);
  const title = head.meta.title || tree.roots[0]?.title || file;
  const { domains, actionParts, documentLevel } = findDomains(text, tree.roots, title);
  const warnings = [...tree.warnings];
  if (tree.roots.length === 0) {
    warnings.push('no numbered parts (第一章 …, 一、 …, （一） …): imported as paragraphs only');
  } else if (domains.length === 0) {
    warnings.push(
      'no enumerated items in an action part: imported with its parts and paragraphs, but no tasks',
    );
  }
  for (const domain of domains) {
    for (const task of domain.tasks) {
      if (task.measures.length === 0)
        warnings.push(`line ${task.line}: task “${task.title}” has no measure sentences`);
    }
  }
  const first = head.meta.titleSpans[0];
  const taskParts = new Set(documentLevel ? domains[0]?.tasks.map((t) => t.titleSpan.start) : []);
  return {
    ok: true,
    outline: {
      title,
      titleSpan: first && head.meta.titleSpans.length === 1 ? first : null,
      issuer: head.meta.issuer,
      issuerSpan: head.meta.issuerSpan,
      meta: { ...head.meta, title },
      front: tree.front,
      chapters: tree.roots.filter((root) => !taskParts.has(root.titleSpan.start)),
      actionParts,
      keyChapter: actionParts[0] ?? 0,
      domains,
      tasks: domains.flatMap((domain) => domain.tasks),
      tables: tree.tables,
      warnings,
    },
  };
}
