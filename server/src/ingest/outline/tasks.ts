// Finds tasks wherever a document puts them: the enumerated items (or the lead paragraphs) of its action parts are
// tasks and the level above them their domains. Where an action part's items are themselves groups of items
// (（一） groups holding 1. 2. items, or 第X节 holding bold-led paragraphs) the deeper level is the task; an item
// whose own text ends with ：and lists sub-items (第八条 …下列条件：（一）…) is one task with those sub-items as body.
import { splitSentences, type TextPiece } from '../sentences.ts';
import { partKind } from './part-kinds.ts';
import type { OutlineNode, Paragraph, ParsedDomain, ParsedTask } from './types.ts';

function hasLeads(node: OutlineNode): boolean {
  return node.paragraphs.some((p) => p.lead !== null);
}

/** An item whose own words introduce a list (`…应当具备下列条件：`): its sub-items are its body, not tasks. */
function introducesList(node: OutlineNode): boolean {
  const first = node.children[0];
  if (!first) return false;
  const before = [...node.paragraphs].filter((p) => p.start < first.span.start).at(-1);
  return before === undefined ? node.introducesList : /[：:]$/.test(before.text.trim());
}

/** A part whose children are domains: some child groups tasks of its own (sub-items or lead paragraphs). */
function isGroup(node: OutlineNode): boolean {
  if (partKind(node.title) !== 'action') return false;
  if (hasLeads(node)) return true;
  return node.children.length > 0 && !introducesList(node);
}

/** Every paragraph under a node, its descendants' heading lines included, in document order. */
export function walkParagraphs(node: OutlineNode): Paragraph[] {
  const nested = node.children.flatMap((child) => [child.head, ...walkParagraphs(child)]);
  return [...node.paragraphs, ...nested].sort((a, b) => a.start - b.start);
}

/**
 * A responsibility note standing as a sentence of its own (`（负责部门：市商务局）`, `（A牵头，B、C参与）`): who does the
 * task, not one of its measures. The cue words are those of 公文 responsibility notes.
 */
const RESPONSIBILITY_NOTE =
  /^[（(][^（）()]*(?:负责|牵头|参与|配合|责任单位|责任部门|分工)[^（）()]*[）)][。；;]?$/;

function buildTask(
  text: string,
  where: { domain: number; order: number; line: number },
  title: { start: number; end: number },
  paragraphs: Paragraph[],
  bodyStart: number,
): ParsedTask {
  const first = paragraphs[0];
  const last = paragraphs.at(-1);
  const start = first ? Math.min(first.start, title.start) : title.start;
  const end = Math.max(last ? last.end : title.end, title.end);
  const body: TextPiece[] = [];
  for (const paragraph of paragraphs) {
    const from = Math.max(bodyStart, paragraph.start);
    if (from < paragraph.end && /[^\s。：:；;，,.！!？?]/.test(text.slice(from, paragraph.end)))
      body.push({ text: text.slice(from, paragraph.end), start: from, end: paragraph.end });
  }
  const sentences = body.flatMap((piece) => splitSentences(piece.text, piece.start));
  return {
    ...where,
    title: text.slice(title.start, title.end),
    titleSpan: title,
    span: { start, end },
    text: text.slice(start, end),
    body,
    measures: sentences.filter((s) => !RESPONSIBILITY_NOTE.test(s.text)),
    notes: sentences.filter((s) => RESPONSIBILITY_NOTE.test(s.text)),
  };
}

/** Tasks led by emphasised leads (`**标题。**正文`), each with the plain paragraphs that continue it. */
function leadTasks(
  text: string,
  node: OutlineNode,
  domain: number,
): { tasks: ParsedTask[]; intro: Paragraph[] } {
  const tasks: ParsedTask[] = [];
  const intro: Paragraph[] = [];
  let current: { lead: Paragraph; paragraphs: Paragraph[] } | null = null;
  const flush = () => {
    const lead = current?.lead.lead;
    if (!current || !lead) return;
    const skip = current.lead.text.slice(lead.end - current.lead.start).search(/[^。：:；;，,.！!？?\s]/);
    const bodyStart = skip < 0 ? current.lead.end : lead.end + skip;
    const where = { domain, order: tasks.length + 1, line: current.lead.line };
    tasks.push(buildTask(text, where, lead, current.paragraphs, bodyStart));
  };
  for (const paragraph of walkParagraphs(node)) {
    if (paragraph.lead) {
      flush();
      current = { lead: paragraph, paragraphs: [paragraph] };
    } else if (current) {
      current.paragraphs.push(paragraph);
    } else {
      intro.push(paragraph);
    }
  }
  flush();
  return { tasks, intro };
}

/** The tasks of a domain: its lead paragraphs when it has some, else its enumerated items. */
export function tasksOf(
  text: string,
  node: OutlineNode,
  domain: number,
): { tasks: ParsedTask[]; intro: Paragraph[] } {
  if (walkParagraphs(node).some((p) => p.lead !== null)) {
    return leadTasks(text, node, domain);
  }
  const tasks = node.children.map((child, index) =>
    buildTask(
      text,
      { domain, order: index + 1, line: child.line },
      child.titleSpan,
      [child.head, ...walkParagraphs(child)],
      child.titleSpan.end,
    ),
  );
  return { tasks, intro: node.paragraphs };
}

export interface ActionDomains {
  domains: ParsedDomain[];
  /** 1-based orders of the top-level parts that hold domains. */
  actionParts: number[];
  /** True when the top-level parts are themselves the tasks of one domain, the document body (part 0). */
  documentLevel: boolean;
}

function domainOf(text: string, node: OutlineNode, number: number, part: number): ParsedDomain {
  const { tasks, intro } = tasksOf(text, node, number);
  return {
    number,
    part,
    title: node.title,
    titleSpan: node.titleSpan,
    span: node.span,
    line: node.line,
    node,
    intro,
    tasks,
  };
}

/** The domains of one top-level action part: its group children, or the part itself. */
function partDomains(text: string, root: OutlineNode, next: number): ParsedDomain[] {
  if (root.children.some(isGroup)) {
    const domains: ParsedDomain[] = [];
    for (const child of root.children) {
      // A child that only introduces a list (…予以保留：（一）…) or holds no items stays a section.
      if (!isGroup(child)) continue;
      const domain = domainOf(text, child, next + domains.length, root.order);
      if (domain.tasks.length > 0) domains.push(domain);
    }
    return domains;
  }
  if (root.children.length === 0 && !hasLeads(root)) return [];
  const domain = domainOf(text, root, next, root.order);
  return domain.tasks.length > 0 ? [domain] : [];
}

/** Domains and tasks of the whole document, numbered in document order. */
export function findDomains(text: string, roots: OutlineNode[], title: string): ActionDomains {
  const domains: ParsedDomain[] = [];
  const actionParts: number[] = [];
  for (const root of roots) {
    // Articles (第X条) are a regulation's items, never its parts: without chapters they are the document's tasks.
    if (partKind(root.title) !== 'action' || root.series === 'article') continue;
    const found = partDomains(text, root, domains.length + 1);
    if (found.length > 0) actionParts.push(root.order);
    domains.push(...found);
  }
  if (domains.length > 0) return { domains, actionParts, documentLevel: false };
  // No part holds items: the document's own numbered parts are its tasks (a notice of 一、二、三、 paragraphs).
  const items = roots.filter((root) => partKind(root.title) === 'action');
  if (items.length === 0) return { domains, actionParts, documentLevel: false };
  const first = items[0] as OutlineNode;
  const last = items.at(-1) as OutlineNode;
  const body: OutlineNode = {
    ...first,
    title,
    titleSpan: { start: first.span.start, end: first.span.start },
    order: 0,
    span: { start: first.span.start, end: last.span.end },
    paragraphs: [],
    children: items,
    tables: [],
  };
  const domain = domainOf(text, body, 1, 0);
  return { domains: [{ ...domain, node: null }], actionParts: [], documentLevel: true };
}
