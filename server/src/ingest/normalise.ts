// Turns a plan's markdown into the normalised text every offset of the graph points into, plus the list of
// blocks (headings and paragraphs) the outline parser reads. Markdown decoration (`#`, `**`) is dropped
// from the text because the source's heading levels are unreliable; what a block is follows from its words.

export type BlockKind = 'heading' | 'paragraph';

export interface Span {
  start: number;
  end: number;
}

export interface Block extends Span {
  kind: BlockKind;
  /** Markdown heading level (`#` count), 0 when the line is not a markdown heading. */
  mdLevel: number;
  text: string;
  /** 1-based source line where the block starts. */
  line: number;
  /** Source lines of the pieces a page-break re-join glued together: `at` is the offset inside `text`. */
  pieces: Array<{ at: number; line: number }>;
  /** For `**标题。**正文` paragraphs: the bold lead's span in the normalised text, punctuation excluded. */
  lead: Span | null;
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
const MARKER_START =
  /^(?:第[一二三四五六七八九十百零〇两\d]+[章节]|[一二三四五六七八九十]+[、．]|[（(][一二三四五六七八九十\d]+[）)])/;
const HEADING_MAX = 40;

interface RawLine {
  line: number;
  mdLevel: number;
  text: string;
  lead: { start: number; end: number } | null;
  wholeBold: boolean;
}

function collapseSpaces(text: string): string {
  return text.replace(/[\t\u00a0\u3000 ]+/g, ' ').trim();
}

/** Strips markdown decoration from one line, remembering where a bold lead sat in the cleaned text. */
function cleanLine(raw: string, line: number): RawLine {
  let rest = raw.trim();
  let mdLevel = 0;
  const heading = /^(#{1,6})\s+(.*)$/.exec(rest);
  if (heading?.[1] !== undefined && heading[2] !== undefined) {
    mdLevel = heading[1].length;
    rest = heading[2].trim();
  }
  rest = rest.replace(/\s+#+\s*$/, '');
  let lead: RawLine['lead'] = null;
  let wholeBold = false;
  const bold = /^(\*\*|__)(.+?)\1(.*)$/.exec(rest);
  if (bold?.[2] !== undefined && bold[3] !== undefined) {
    const title = collapseSpaces(bold[2].replace(/\*\*/g, ''));
    const body = collapseSpaces(bold[3].replace(/\*\*/g, ''));
    if (body === '') {
      wholeBold = true;
      rest = title;
    } else {
      lead = { start: 0, end: title.length };
      rest = title + body;
    }
  } else {
    rest = collapseSpaces(rest.replace(/\*\*/g, ''));
  }
  return { line, mdLevel, text: rest, lead, wholeBold };
}

function looksLikeHeading(line: RawLine): boolean {
  if (line.mdLevel > 0 || line.wholeBold) return true;
  return MARKER_START.test(line.text) && line.text.length <= HEADING_MAX && !/[。；！？]/.test(line.text);
}

function isArtefact(text: string): boolean {
  return (
    text === '' ||
    RULE_LINE.test(text) ||
    PAGE_NUMBER.test(text) ||
    TOC_HEADING.test(text) ||
    TOC_LINE.test(text)
  );
}

export function normalise(markdown: string): NormalisedPlan {
  const source = markdown
    .normalize('NFC')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  const lines = source
    .split('\n')
    .map((raw, index) => ({ raw, line: index + 1 }))
    .filter(({ raw }) => !TOC_LINE.test(raw.trim()))
    .map(({ raw, line }) => cleanLine(raw, line))
    .filter((line) => !isArtefact(line.text));

  const blocks: Array<Omit<Block, 'start' | 'end' | 'lead'> & { lead: Span | null }> = [];
  for (const line of lines) {
    const kind: BlockKind = looksLikeHeading(line) ? 'heading' : 'paragraph';
    const previous = blocks.at(-1);
    // A page break splits a paragraph mid-sentence: the first half has no closing punctuation and the
    // second half starts neither a heading nor a bold-led paragraph.
    if (
      previous &&
      previous.kind === 'paragraph' &&
      kind === 'paragraph' &&
      line.lead === null &&
      !SENTENCE_END.test(previous.text)
    ) {
      const at = previous.text.length;
      const glue = /[A-Za-z0-9]$/.test(previous.text) && /^[A-Za-z0-9]/.test(line.text) ? ' ' : '';
      previous.text += glue + line.text;
      previous.pieces.push({ at: at + glue.length, line: line.line });
      continue;
    }
    blocks.push({
      kind,
      mdLevel: line.mdLevel,
      text: line.text,
      line: line.line,
      pieces: [{ at: 0, line: line.line }],
      lead: kind === 'paragraph' ? line.lead : null,
    });
  }

  let offset = 0;
  const placed: Block[] = blocks.map((block) => {
    const start = offset;
    offset += block.text.length + 1;
    const lead = block.lead ? trimLead(block.text, block.lead, start) : null;
    return { ...block, start, end: start + block.text.length, lead };
  });
  return { text: placed.map((block) => block.text).join('\n'), blocks: placed };
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
