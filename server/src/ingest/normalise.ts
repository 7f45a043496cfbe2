// Turns a plan's markdown into the normalised text every offset of the graph points into, plus the list of
// blocks (headings, paragraphs, tables) the outline parser reads. Character variants are folded, HTML comments
// and Markdown decoration (`#`, `**`, `*`, `__`, `_`) are dropped from the text but remembered (a whole line or a
// lead in emphasis), because the source's heading levels are unreliable: what a block is follows from its words.
import { foldVariants } from './char-variants.ts';
import { type Emphasis, stripEmphasis } from './emphasis.ts';

export type BlockKind = 'heading' | 'paragraph' | 'table';
export type { Emphasis } from './emphasis.ts';

export interface Span {
  start: number;
  end: number;
}

export interface Block extends Span {
  kind: BlockKind;
  /** Markdown heading level (`#` count), 0 when the line is not a markdown heading. Never used for nesting. */
  mdLevel: number;
  text: string;
  /** 1-based source line where the block starts. */
  line: number;
  /** Source lines of the pieces a page-break re-join (or a table's rows) glued together: `at` is the offset inside `text`. */
  pieces: Array<{ at: number; line: number }>;
  /** For `**标题。**正文` or `*标题。*正文` paragraphs: the lead's span in the normalised text, punctuation excluded. */
  lead: Span | null;
  /** The emphasis the whole line is set in (a bold title, an italic document number), if any. */
  emphasis: Emphasis | null;
  /** For a table: each row's cells as absolute spans (row 0 is the header); null for other blocks. */
  cells: Span[][] | null;
}

export interface NormalisedPlan {
  text: string;
  blocks: Block[];
}

const TOC_HEADING = /^目\s*录$/;
const TOC_LINE = /(?:\.{3,}|…{2,}|·{3,}|\t)\s*\d{1,4}\s*$/;
const RULE_LINE = /^[\s\-—–_=*|+]{3,}$/;
const PAGE_NUMBER = /^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d{1,4}\s*页(?:\s*共\s*\d+\s*页)?)$/;
const SENTENCE_END = /[。！？；：!?;:…”’」』）)》]$/;
const DATE_LINE =
  /^\d{4}\s*年\s*[\d一二三四五六七八九十〇○]{1,3}\s*月(?:\s*[\d一二三四五六七八九十〇○]{1,3}\s*日)?$/;
const ATTACHMENT_LINE = /^附\s*件/;
const TABLE_ROW = /^\|.*\|$/;
const TABLE_RULE = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;
const MARKER_START =
  /^(?:第[一二三四五六七八九十百零〇两\d]+[编章节条]|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:[.．、]|\s)|[①-⑳])/;
const HEADING_MAX = 40;
/** A short line without punctuation beside a full one is a line of its own (an issuing body, a name), not half of a broken paragraph. */
const JOIN_MIN = 20;

interface RawLine {
  line: number;
  mdLevel: number;
  text: string;
  lead: Span | null;
  emphasis: Emphasis | null;
}

function collapseSpaces(text: string): string {
  return text.replace(/[\t ]+/g, ' ').trim();
}

/** Strips markdown decoration from one line, remembering where an emphasised lead sat in the cleaned text. */
function cleanLine(raw: string, line: number): RawLine {
  let rest = collapseSpaces(foldVariants(raw));
  let mdLevel = 0;
  const heading = /^(#{1,6})\s+(.*)$/.exec(rest);
  if (heading?.[1] !== undefined && heading[2] !== undefined) {
    mdLevel = heading[1].length;
    rest = heading[2].trim();
  }
  rest = rest.replace(/\s+#+\s*$/, '');
  if (RULE_LINE.test(rest)) {
    return { line, mdLevel, text: TABLE_RULE.test(rest) ? rest : '', lead: null, emphasis: null };
  }
  const stripped = stripEmphasis(rest);
  return { line, mdLevel, text: stripped.text, lead: stripped.lead, emphasis: stripped.whole };
}

function looksLikeHeading(line: RawLine): boolean {
  if (line.mdLevel > 0 || line.emphasis !== null) return true;
  return MARKER_START.test(line.text) && line.text.length <= HEADING_MAX && !/[。；！？]/.test(line.text);
}

function isArtefact(text: string): boolean {
  return text === '' || RULE_LINE.test(text) || PAGE_NUMBER.test(text) || TOC_LINE.test(text);
}

/** Source lines without HTML comments (each replaced by as many newlines, so line numbers stay true). */
function sourceLines(markdown: string): string[] {
  return markdown
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => '\n'.repeat(comment.split('\n').length - 1))
    .split('\n');
}

/** Drops a table of contents: from a 目录 heading to the line where its first entry starts the body again. */
function dropTableOfContents(lines: RawLine[]): RawLine[] {
  const at = lines.findIndex((line) => TOC_HEADING.test(line.text));
  if (at < 0) return lines;
  const first = lines[at + 1];
  const resume = first ? lines.findIndex((line, i) => i > at + 1 && line.text === first.text) : -1;
  return resume < 0 ? lines.filter((_, i) => i !== at) : [...lines.slice(0, at), ...lines.slice(resume)];
}

type Draft = Omit<Block, 'start' | 'end' | 'cells'> & { cellTexts: string[][] | null };

function tableCells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

function canJoin(previous: Draft | undefined, kind: BlockKind, line: RawLine): previous is Draft {
  return (
    previous !== undefined &&
    previous.kind === 'paragraph' &&
    kind === 'paragraph' &&
    line.lead === null &&
    !SENTENCE_END.test(previous.text) &&
    !DATE_LINE.test(line.text) &&
    !DATE_LINE.test(previous.text) &&
    !ATTACHMENT_LINE.test(previous.text) &&
    !(line.text.length < JOIN_MIN && !/[\p{P}]/u.test(line.text)) &&
    !(previous.text.length < JOIN_MIN && !/[\p{P}]/u.test(previous.text) && line.text.length >= JOIN_MIN) &&
    !MARKER_START.test(line.text)
  );
}

export function normalise(markdown: string): NormalisedPlan {
  const cleaned = sourceLines(markdown)
    .map((raw, index) => ({ raw, line: index + 1 }))
    .filter(({ raw }) => !TOC_LINE.test(raw.trim()))
    .map(({ raw, line }) => cleanLine(raw, line))
    .filter((line) => !isArtefact(line.text) || TABLE_RULE.test(line.text));
  const lines = dropTableOfContents(cleaned).filter((line) => !TOC_HEADING.test(line.text));

  const blocks: Draft[] = [];
  for (const line of lines) {
    const previous = blocks.at(-1);
    if (TABLE_ROW.test(line.text) || (TABLE_RULE.test(line.text) && previous?.kind === 'table')) {
      if (TABLE_RULE.test(line.text)) continue;
      const cells = tableCells(line.text);
      const text = cells.join(' | ');
      if (previous?.kind === 'table' && previous.cellTexts) {
        previous.pieces.push({ at: previous.text.length + 1, line: line.line });
        previous.text += `\n${text}`;
        previous.cellTexts.push(cells);
      } else {
        blocks.push({ ...emptyDraft(line, 'table', text), cellTexts: [cells] });
      }
      continue;
    }
    if (isArtefact(line.text)) continue;
    const kind: BlockKind = looksLikeHeading(line) ? 'heading' : 'paragraph';
    // A page break splits a paragraph mid-sentence: the first half has no closing punctuation and the
    // second half starts neither a heading, an enumerated item, a lead nor a date.
    if (canJoin(previous, kind, line)) {
      const at = previous.text.length;
      const glue = /[A-Za-z0-9]$/.test(previous.text) && /^[A-Za-z0-9]/.test(line.text) ? ' ' : '';
      previous.text += glue + line.text;
      previous.pieces.push({ at: at + glue.length, line: line.line });
      continue;
    }
    blocks.push({ ...emptyDraft(line, kind, line.text), lead: line.lead });
  }
  return place(blocks);
}

function emptyDraft(line: RawLine, kind: BlockKind, text: string): Draft {
  return {
    kind,
    mdLevel: line.mdLevel,
    text,
    line: line.line,
    pieces: [{ at: 0, line: line.line }],
    lead: null,
    emphasis: kind === 'table' ? null : line.emphasis,
    cellTexts: null,
  };
}

/** Lays the blocks end to end, one per line of the normalised text, and turns relative spans absolute. */
function place(blocks: Draft[]): NormalisedPlan {
  let offset = 0;
  const placed: Block[] = blocks.map(({ cellTexts, ...block }) => {
    const start = offset;
    offset += block.text.length + 1;
    const lead = block.lead ? trimLead(block.text, block.lead, start) : null;
    return { ...block, start, end: start + block.text.length, lead, cells: cellSpans(cellTexts, start) };
  });
  return { text: placed.map((block) => block.text).join('\n'), blocks: placed };
}

/** Cell spans of a table block laid out as `a | b | c` rows separated by newlines. */
function cellSpans(rows: string[][] | null, base: number): Span[][] | null {
  if (!rows) return null;
  let offset = base;
  return rows.map((row) => {
    const spans = row.map((cell) => {
      const span = { start: offset, end: offset + cell.length };
      offset += cell.length + 3;
      return span;
    });
    offset += 1 - 3 + (row.length === 0 ? 3 : 0);
    return spans;
  });
}

/** The lead's span without its closing punctuation (`标题。` → `标题`), as absolute offsets. */
function trimLead(text: string, lead: Span, base: number): Span | null {
  let end = lead.end;
  while (end > lead.start && /[。：:；;，,.！!？?\s]/.test(text[end - 1] ?? '')) end -= 1;
  return end > lead.start ? { start: base + lead.start, end: base + end } : null;
}

/** The source line of an absolute offset inside a block, following page-break re-joins. */
export function sourceLineAt(block: Block, offset: number): number {
  const inside = offset - block.start;
  let line = block.line;
  for (const piece of block.pieces) if (piece.at <= inside) line = piece.line;
  return line;
}
