// Recognises a plan's outline by the words of its headings (第X章 / 第X节 / 一、 / （一） / bold-led
// paragraphs), never by markdown level, which real documents apply inconsistently. The body is the only
// authority: a table of contents was already dropped by the normaliser.
import type { InputProblem } from './errors.ts';
import type { Block, NormalisedPlan, Span } from './normalise.ts';
import { parseChineseNumber } from './numerals.ts';
import { splitSentences, type TextPiece } from './sentences.ts';

export type Marker = 'chapter' | 'section' | 'part' | 'subpart';
const RANK: Record<Marker, number> = { chapter: 1, section: 2, part: 3, subpart: 4 };

const MARKERS: Array<{ marker: Marker; pattern: RegExp }> = [
  { marker: 'chapter', pattern: /^第([一二三四五六七八九十百零〇两\d]+)章\s*/ },
  { marker: 'section', pattern: /^第([一二三四五六七八九十百零〇两\d]+)节\s*/ },
  { marker: 'part', pattern: /^([一二三四五六七八九十]+)[、．]\s*/ },
  { marker: 'subpart', pattern: /^[（(]([一二三四五六七八九十\d]+)[）)]\s*/ },
];
const FRONT_MATTER = /^(前\s*言|序\s*言|引\s*言|说\s*明)$/;
const KEY_TASKS_TITLE = /任务/;
const ENUMERATED_TITLE_MAX = 40;

export interface Paragraph extends Span {
  text: string;
  line: number;
  /** The bold lead (without its punctuation) when the paragraph starts with one. */
  lead: Span | null;
}

export interface OutlineNode {
  marker: Marker;
  /** The numeral the heading carries (第四节 → 4); ids use the position instead, see `order`. */
  numeral: number | null;
  /** 1-based position among its siblings. */
  order: number;
  title: string;
  titleSpan: Span;
  line: number;
  /** Where the node starts (its heading) and ends (its last paragraph or descendant). */
  span: Span;
  paragraphs: Paragraph[];
  children: OutlineNode[];
}

export interface ParsedTask {
  domain: number;
  order: number;
  title: string;
  titleSpan: Span;
  span: Span;
  text: string;
  line: number;
  /** The task's body (after the title) in pieces, one per paragraph. */
  body: TextPiece[];
  measures: TextPiece[];
}

export interface ParsedDomain {
  number: number;
  title: string;
  titleSpan: Span;
  span: Span;
  line: number;
  node: OutlineNode;
  /** Paragraphs before the first task. */
  intro: Paragraph[];
  tasks: ParsedTask[];
}

export interface Outline {
  title: string;
  titleSpan: Span | null;
  issuer: string | null;
  issuerSpan: Span | null;
  /** Paragraphs before the first chapter (preface, foreword). */
  front: Paragraph[];
  chapters: OutlineNode[];
  /** 1-based position of the key-tasks chapter among the chapters. */
  keyChapter: number;
  domains: ParsedDomain[];
  tasks: ParsedTask[];
  warnings: string[];
}

export type OutlineResult = { ok: true; outline: Outline } | { ok: false; problems: InputProblem[] };

interface HeadingInfo {
  marker: Marker;
  numeral: number | null;
  titleSpan: Span;
  /** For enumerated paragraphs (`（一）标题。正文`): the body after the title. */
  body: Paragraph | null;
}

function toParagraph(block: Block, span: Span = block, text?: string): Paragraph {
  return {
    start: span.start,
    end: span.end,
    text: text ?? block.text,
    line: block.line,
    lead: span.start === block.start ? block.lead : null,
  };
}

function classify(block: Block): HeadingInfo | null {
  for (const { marker, pattern } of MARKERS) {
    const match = pattern.exec(block.text);
    if (!match) continue;
    const numeral = parseChineseNumber(match[1] ?? '');
    const titleStart = block.start + match[0].length;
    if (block.kind === 'heading') {
      return { marker, numeral, titleSpan: { start: titleStart, end: block.end }, body: null };
    }
    // A paragraph that opens with a part marker is an enumerated item: its first clause is the title.
    if (marker === 'chapter' || marker === 'section') return null;
    const rest = block.text.slice(match[0].length);
    const stop = rest.search(/[。：:；]/);
    if (stop <= 0 || stop > ENUMERATED_TITLE_MAX) return null;
    const titleSpan = { start: titleStart, end: titleStart + stop };
    const bodyStart = titleSpan.end + 1;
    const body =
      bodyStart < block.end
        ? toParagraph(block, { start: bodyStart, end: block.end }, block.text.slice(bodyStart - block.start))
        : null;
    return { marker, numeral, titleSpan: trimSpan(block, titleSpan), body };
  }
  return null;
}

function trimSpan(block: Block, span: Span): Span {
  let { start, end } = span;
  const at = (i: number) => block.text[i - block.start] ?? '';
  while (start < end && /[\s*]/.test(at(start))) start += 1;
  while (end > start && /[\s*。：:]/.test(at(end - 1))) end -= 1;
  return { start, end };
}

function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

function nodeHasLeads(node: OutlineNode): boolean {
  return node.paragraphs.some((p) => p.lead !== null) || node.children.some(nodeHasLeads);
}

function walkParagraphs(node: OutlineNode): Array<{ paragraph: Paragraph; heading: OutlineNode }> {
  const own = node.paragraphs.map((paragraph) => ({ paragraph, heading: node }));
  const nested = node.children.flatMap(walkParagraphs);
  return [...own, ...nested].sort((a, b) => a.paragraph.start - b.paragraph.start);
}

function buildTask(
  text: string,
  domain: number,
  order: number,
  title: Span,
  paragraphs: Paragraph[],
  firstBodyStart: number,
  line: number,
): ParsedTask {
  const first = paragraphs[0];
  const last = paragraphs.at(-1);
  const start = first ? Math.min(first.start, title.start) : title.start;
  const end = last ? last.end : title.end;
  const body: TextPiece[] = [];
  for (const paragraph of paragraphs) {
    const from = paragraph === first ? Math.max(firstBodyStart, paragraph.start) : paragraph.start;
    if (from < paragraph.end)
      body.push({ text: text.slice(from, paragraph.end), start: from, end: paragraph.end });
  }
  const measures = body.flatMap((piece) => splitSentences(piece.text, piece.start));
  return {
    domain,
    order,
    title: spanText(text, title),
    titleSpan: title,
    span: { start, end },
    text: text.slice(start, end),
    line,
    body,
    measures,
  };
}

/** Tasks of one domain: its bold-led paragraphs (with the plain paragraphs that continue them), else its parts. */
function tasksOf(
  text: string,
  domain: OutlineNode,
  number: number,
): { tasks: ParsedTask[]; intro: Paragraph[] } {
  const entries = walkParagraphs(domain);
  const tasks: ParsedTask[] = [];
  const intro: Paragraph[] = [];
  if (entries.some((entry) => entry.paragraph.lead !== null)) {
    let current: { lead: Paragraph; paragraphs: Paragraph[] } | null = null;
    const flush = () => {
      if (!current?.lead.lead) return;
      const lead = current.lead.lead;
      const leadEnd = current.lead.text
        .slice(lead.end - current.lead.start)
        .search(/[^。：:；;，,.！!？?\s]/);
      const bodyStart = leadEnd < 0 ? current.lead.end : lead.end + leadEnd;
      tasks.push(
        buildTask(text, number, tasks.length + 1, lead, current.paragraphs, bodyStart, current.lead.line),
      );
    };
    let previousHeading: OutlineNode | null = null;
    for (const { paragraph, heading } of entries) {
      if (paragraph.lead) {
        flush();
        current = { lead: paragraph, paragraphs: [paragraph] };
      } else if (current && heading === previousHeading) {
        current.paragraphs.push(paragraph);
      } else if (!current) {
        intro.push(paragraph);
      }
      previousHeading = heading;
    }
    flush();
    return { tasks, intro };
  }
  intro.push(...domain.paragraphs);
  for (const child of domain.children) {
    const paragraphs = walkParagraphs(child).map((entry) => entry.paragraph);
    const headingLine: Paragraph = {
      start: child.span.start,
      end: child.titleSpan.end,
      text: text.slice(child.span.start, child.titleSpan.end),
      line: child.line,
      lead: null,
    };
    const task = buildTask(
      text,
      number,
      tasks.length + 1,
      child.titleSpan,
      [headingLine, ...paragraphs],
      child.titleSpan.end,
      child.line,
    );
    tasks.push(task);
  }
  return { tasks, intro };
}

export function parseOutline(plan: NormalisedPlan, file: string): OutlineResult {
  const { text, blocks } = plan;
  const warnings: string[] = [];
  const firstMarker = blocks.findIndex((block) => classify(block) !== null);
  const titleBlock = blocks.find(
    (block, index) =>
      block.kind === 'heading' && !FRONT_MATTER.test(block.text) && (firstMarker < 0 || index < firstMarker),
  );
  const titleIndex = titleBlock ? blocks.indexOf(titleBlock) : -1;
  const issuerBlock = blocks[titleIndex + 1];
  const hasIssuer =
    titleBlock !== undefined &&
    issuerBlock !== undefined &&
    issuerBlock.kind === 'paragraph' &&
    issuerBlock.text.length <= 30 &&
    !/[。；，！？]/.test(issuerBlock.text) &&
    classify(issuerBlock) === null;

  const headings = blocks.map((block) => ({ block, info: classify(block) }));
  const ranks = [...new Set(headings.flatMap(({ info }) => (info ? [RANK[info.marker]] : [])))].sort(
    (a, b) => a - b,
  );
  const chapterRank = ranks[0];
  if (chapterRank === undefined) {
    return {
      ok: false,
      problems: [
        {
          file,
          line: blocks[0]?.line ?? 1,
          message:
            'no recognisable structure: expected chapter headings (第一章 …), section headings (第一节 …) or numbered parts (一、 …)',
        },
      ],
    };
  }

  const roots: OutlineNode[] = [];
  const front: Paragraph[] = [];
  const stack: Array<{ node: OutlineNode; rank: number }> = [];
  const extend = (end: number) => {
    for (const open of stack) open.node.span.end = Math.max(open.node.span.end, end);
  };
  headings.forEach(({ block, info }, index) => {
    if (index === titleIndex || (hasIssuer && index === titleIndex + 1)) return;
    if (info) {
      const rank = RANK[info.marker];
      while (stack.length > 0 && (stack.at(-1)?.rank ?? 0) >= rank) stack.pop();
      if (rank < chapterRank) return;
      const parent = stack.at(-1)?.node;
      const siblings = parent ? parent.children : roots;
      if (!parent && rank !== chapterRank) {
        warnings.push(
          `line ${block.line}: “${block.text}” stands outside any chapter and was read as a chapter`,
        );
      }
      const node: OutlineNode = {
        marker: info.marker,
        numeral: info.numeral,
        order: siblings.length + 1,
        title: spanText(text, info.titleSpan),
        titleSpan: info.titleSpan,
        line: block.line,
        span: { start: block.start, end: block.end },
        paragraphs: info.body ? [info.body] : [],
        children: [],
      };
      if (info.numeral !== null && info.numeral !== node.order) {
        warnings.push(
          `line ${block.line}: “${block.text.slice(0, 20)}” is numbered ${info.numeral} but is item ${node.order} of its level; ids use ${node.order}`,
        );
      }
      siblings.push(node);
      extend(block.end);
      stack.push({ node, rank });
      return;
    }
    if (block.kind === 'heading' && FRONT_MATTER.test(block.text)) {
      stack.length = 0;
      return;
    }
    const paragraph = toParagraph(block);
    const open = stack.at(-1)?.node;
    if (open) {
      open.paragraphs.push(paragraph);
      extend(block.end);
    } else {
      front.push(paragraph);
    }
  });

  const chapters = roots;
  const scored = chapters.map((chapter, index) => ({
    index,
    chapter,
    score: chapter.children.filter(nodeHasLeads).length,
  }));
  const withTasks = scored.filter((entry) => entry.score > 0 || entry.chapter.children.length > 0);
  const byTitle = withTasks.find((entry) => KEY_TASKS_TITLE.test(entry.chapter.title) && entry.score > 0);
  const best = [...withTasks].sort((a, b) => b.score - a.score || a.index - b.index)[0];
  const key =
    byTitle ?? (best && best.score > 0 ? best : withTasks.find((e) => KEY_TASKS_TITLE.test(e.chapter.title)));
  if (!key) {
    const first = chapters[0];
    return {
      ok: false,
      problems: [
        {
          file,
          line: first?.line ?? 1,
          message:
            'no key-tasks chapter: expected a chapter (e.g. 第三章 重点改革任务) whose sections hold bold-led task paragraphs (**标题。**正文) or numbered parts',
        },
      ],
    };
  }

  const domains: ParsedDomain[] = key.chapter.children.map((node, index) => {
    const { tasks, intro } = tasksOf(text, node, index + 1);
    return {
      number: index + 1,
      title: node.title,
      titleSpan: node.titleSpan,
      span: node.span,
      line: node.line,
      node,
      intro,
      tasks,
    };
  });
  for (const domain of domains) {
    if (domain.tasks.length === 0)
      warnings.push(`line ${domain.line}: domain “${domain.title}” has no tasks`);
    for (const task of domain.tasks) {
      if (task.measures.length === 0)
        warnings.push(`line ${task.line}: task “${task.title}” has no measure sentences`);
    }
  }
  const tasks = domains.flatMap((domain) => domain.tasks);
  if (tasks.length === 0) {
    return {
      ok: false,
      problems: [
        {
          file,
          line: key.chapter.line,
          message: `the key-tasks chapter “${key.chapter.title}” holds no task paragraphs: expected bold-led paragraphs (**标题。**正文) under its sections`,
        },
      ],
    };
  }

  return {
    ok: true,
    outline: {
      title: titleBlock?.text ?? chapters[0]?.title ?? file,
      titleSpan: titleBlock ? { start: titleBlock.start, end: titleBlock.end } : null,
      issuer: hasIssuer ? (issuerBlock?.text ?? null) : null,
      issuerSpan: hasIssuer && issuerBlock ? { start: issuerBlock.start, end: issuerBlock.end } : null,
      front,
      chapters,
      keyChapter: key.index + 1,
      domains,
      tasks,
      warnings,
    },
  };
}
