// Reads an HTML page body (as government sites publish documents, or as mammoth renders a .docx) into
// markup blocks: paragraphs with their bold and italic runs, h1–h6 headings, and tables. htmlparser2 does the
// parsing (entities, broken markup); this file only decides what each element means for the document.
import { Parser } from 'htmlparser2';
import { blocksToMarkup, type MarkupBlock, type Run } from './markup.ts';

/**
 * Elements whose content is not document text. Not `head` itself: pages that never close it (browsers close it
 * at the first body element) would lose their text; the head's only text is in `title`, `style` and `script`.
 */
const SKIPPED = new Set(['script', 'style', 'title', 'noscript', 'template', 'iframe', 'object', 'svg']);
/** Elements that end the paragraph before them and start a new one. */
const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'nav',
  'aside',
  'center',
  'pre',
  'hr',
  'body',
  'html',
  'form',
  'fieldset',
  'address',
  'figure',
]);
const HEADING = /^h([1-6])$/;
/**
 * Typefaces that mark emphasis in Chinese official documents (GB/T 9704-2012 layout): 楷体 (KaiTi) sets the
 * second-level headings and leads, which the corpus convention reads as italics; 黑体 (HeiTi) sets the
 * first-level headings, read as bold.
 */
const ITALIC_FACE = /楷体|楷書|楷书|kaiti|stkaiti/i;
const BOLD_FACE = /黑体|黑體|heiti|simhei|stheiti/i;

interface Emphasis {
  bold: boolean;
  italic: boolean;
}

function styleOf(style: string | undefined): Partial<Emphasis> {
  if (!style) return {};
  const result: Partial<Emphasis> = {};
  for (const declaration of style.split(';')) {
    const [name = '', value = ''] = declaration.split(':').map((part) => part.trim().toLowerCase());
    if (name === 'font-weight') result.bold = /bold|bolder|[6-9]00/.test(value);
    if (name === 'font-style') result.italic = /italic|oblique/.test(value);
    if (name === 'font-family' || name === 'font') {
      if (ITALIC_FACE.test(value)) result.italic = true;
      if (BOLD_FACE.test(value)) result.bold = true;
    }
  }
  return result;
}

/** The emphasis an element sets for its content, given the emphasis around it. */
function emphasisOf(name: string, attributes: Record<string, string>, outer: Emphasis): Emphasis {
  const own = styleOf(attributes.style);
  let bold = own.bold ?? outer.bold;
  let italic = own.italic ?? outer.italic;
  if (name === 'strong' || name === 'b') bold = true;
  if (name === 'em' || name === 'i') italic = true;
  if (name === 'font' && attributes.face) {
    if (ITALIC_FACE.test(attributes.face)) italic = true;
    if (BOLD_FACE.test(attributes.face)) bold = true;
  }
  return { bold, italic };
}

/** Source line breaks inside Chinese text are layout, not spaces; elsewhere whitespace runs are one space. */
function collapseWhitespace(text: string): string {
  return text
    .replace(
      /([\u2e80-\u9fff\uff00-\uffef\u3000-\u303f])[ \t\r\n]*\n[ \t\r\n]*(?=[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f])/g,
      '$1',
    )
    .replace(/[ \t\r\n\f]+/g, ' ')
    .replace(/\u00a0/g, ' ');
}

type Paragraphs = Run[][];

const visible = (runs: Run[]) => runs.some((run) => run.text.trim() !== '');
const cellLength = (cell: Paragraphs) => cell.flat().reduce((n, run) => n + run.text.trim().length, 0);

/**
 * Whether a table lays out a page rather than holding data (old government sites put the whole document in
 * one): it holds another table, no row has two cells with text, or a cell holds a document's worth of text.
 */
function isLayoutTable(rows: Paragraphs[][], nested: boolean): boolean {
  if (nested) return true;
  if (!rows.some((row) => row.filter((cell) => cell.some(visible)).length >= 2)) return true;
  return rows.some((row) =>
    row.some((cell) => cell.filter(visible).length > LAYOUT_PARAGRAPHS || cellLength(cell) > LAYOUT_CHARS),
  );
}
/** More paragraphs or characters than this in one cell: the table is the page's layout. */
const LAYOUT_PARAGRAPHS = 5;
const LAYOUT_CHARS = 1000;

/** Collects blocks while the parser walks the page. */
class BlockCollector {
  readonly blocks: MarkupBlock[] = [];
  private runs: Run[] = [];
  private heading = 0;
  private rows: Paragraphs[][] | null = null;
  private tableDepth = 0;
  private nested = false;
  /** The open cell of the outermost table, as paragraphs. */
  private cell: Paragraphs | null = null;

  private target(): Run[] {
    const paragraph = this.cell?.at(-1);
    return paragraph ?? this.runs;
  }

  text(text: string, emphasis: Emphasis, pre: boolean): void {
    const piece = pre ? text.replace(/\r\n?/g, '\n') : collapseWhitespace(text);
    if (piece !== '') this.target().push({ text: piece, ...emphasis });
  }

  lineBreak(): void {
    this.target().push({ text: '\n', bold: false, italic: false });
  }

  endParagraph(): void {
    if (this.cell) {
      if (visible(this.cell.at(-1) ?? [])) this.cell.push([]);
      return;
    }
    if (visible(this.runs)) {
      this.blocks.push(
        this.heading > 0
          ? { kind: 'heading', level: this.heading, runs: this.runs }
          : { kind: 'paragraph', runs: this.runs },
      );
    }
    this.runs = [];
  }

  startHeading(level: number): void {
    this.endParagraph();
    if (!this.cell) this.heading = level;
  }

  endHeading(): void {
    this.endParagraph();
    this.heading = 0;
  }

  startTable(): void {
    this.tableDepth += 1;
    if (this.tableDepth > 1) {
      this.nested = true;
      this.endParagraph();
      return;
    }
    this.endParagraph();
    this.rows = [];
    this.nested = false;
  }

  endTable(): void {
    this.tableDepth -= 1;
    if (this.tableDepth > 0) {
      this.endParagraph();
      return;
    }
    if (!this.rows) return;
    this.endCell();
    const rows = this.rows;
    this.rows = null;
    if (!isLayoutTable(rows, this.nested)) {
      this.blocks.push({ kind: 'table', rows: rows.map((row) => row.map((cell) => joinParagraphs(cell))) });
      return;
    }
    for (const paragraph of rows.flat(2)) {
      if (visible(paragraph)) this.blocks.push({ kind: 'paragraph', runs: paragraph });
    }
  }

  startRow(): void {
    if (this.tableDepth === 1) this.rows?.push([]);
    else this.endParagraph();
  }

  startCell(): void {
    if (this.tableDepth > 1) {
      this.target().push({ text: ' ', bold: false, italic: false });
      return;
    }
    if (!this.rows) return;
    this.endCell();
    if (this.rows.length === 0) this.rows.push([]);
    this.cell = [[]];
  }

  endCell(): void {
    if (this.tableDepth > 1 || !this.cell) return;
    this.rows?.at(-1)?.push(this.cell);
    this.cell = null;
  }
}

/** A data table's cell on one line: its paragraphs and line breaks become spaces. */
function joinParagraphs(cell: Paragraphs): Run[] {
  return cell
    .filter(visible)
    .flatMap((paragraph, i) => [...(i > 0 ? [{ text: ' ', bold: false, italic: false }] : []), ...paragraph]);
}

/**
 * Reads an HTML document or fragment into canonical markup (see markup.ts). Never throws on malformed
 * markup: htmlparser2 recovers as browsers do. Returns '' when the page holds no text.
 */
export function htmlToMarkup(html: string): string {
  const out = new BlockCollector();
  const stack: Array<{ emphasis: Emphasis; skip: boolean; pre: boolean }> = [];
  const top = () => stack.at(-1) ?? { emphasis: { bold: false, italic: false }, skip: false, pre: false };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const outer = top();
        const skip = outer.skip || SKIPPED.has(name);
        stack.push({
          emphasis: emphasisOf(name, attributes, outer.emphasis),
          skip,
          pre: outer.pre || name === 'pre',
        });
        if (skip) return;
        const heading = HEADING.exec(name)?.[1];
        if (heading) out.startHeading(Number(heading));
        else if (name === 'table') out.startTable();
        else if (name === 'tr') out.startRow();
        else if (name === 'td' || name === 'th') out.startCell();
        else if (name === 'br') out.lineBreak();
        else if (BLOCKS.has(name)) out.endParagraph();
      },
      ontext(text) {
        const current = top();
        if (!current.skip) out.text(text, current.emphasis, current.pre);
      },
      onclosetag(name) {
        const closed = stack.pop();
        if (!closed || closed.skip) return;
        if (HEADING.test(name)) out.endHeading();
        else if (name === 'table') out.endTable();
        else if (name === 'td' || name === 'th') out.endCell();
        else if (BLOCKS.has(name)) out.endParagraph();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  out.endParagraph();
  return blocksToMarkup(out.blocks);
}
