// The canonical lightweight markup every reader produces and the normaliser reads: one block per paragraph,
// blocks separated by one blank line, `**bold**` and `*italic*` spans, `#` headings, Markdown pipe tables.
// Every format ends here, so the same document read from .md, .html or .docx gives the same string.

/** A stretch of text with one emphasis; `\n` inside `text` is a line break within the block. */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

export type MarkupBlock =
  | { kind: 'paragraph'; runs: Run[] }
  /** `level` 1–6, from an HTML h1–h6 (or a Word heading style mammoth maps to one). */
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'table'; rows: Run[][][] };

/** Spaces the normaliser treats as blanks at the edges of a line (ASCII, NBSP, ideographic space). */
const EDGE_SPACE = /^[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+$/g;

function marker(run: Run): string {
  return `${run.bold ? '**' : ''}${run.italic ? '*' : ''}`;
}

/** One line of runs as markup: equal emphasis merged, markers outside the spaces they would enclose. */
function lineMarkup(runs: Run[]): string {
  const merged: Run[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = merged.at(-1);
    const plain = run.text.trim() === '';
    if (last && (plain || (last.bold === run.bold && last.italic === run.italic))) last.text += run.text;
    else merged.push({ ...run, bold: run.bold && !plain, italic: run.italic && !plain });
  }
  let out = '';
  for (const run of merged) {
    const open = marker(run);
    if (open === '') {
      out += run.text;
      continue;
    }
    const lead = /^\s*/.exec(run.text)?.[0] ?? '';
    const trail = /\s*$/.exec(run.text)?.[0] ?? '';
    const core = run.text.slice(lead.length, run.text.length - trail.length);
    out += core === '' ? run.text : `${lead}${open}${core}${[...open].reverse().join('')}${trail}`;
  }
  return out.replace(EDGE_SPACE, '');
}

/** Splits runs at line breaks, so that emphasis closes before a break and reopens after it. */
function splitLines(runs: Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((piece, index) => {
      if (index > 0) lines.push([]);
      lines.at(-1)?.push({ ...run, text: piece });
    });
  }
  return lines;
}

/** Lines of a paragraph; an empty line between two (`<br><br>` in a page) separates two paragraphs. */
function paragraphMarkup(runs: Run[]): string {
  return splitLines(runs).map(lineMarkup).join('\n');
}

function cellMarkup(runs: Run[]): string {
  return lineMarkup(runs.map((run) => ({ ...run, text: run.text.replace(/\s*\n\s*/g, ' ') })))
    .replace(/\|/g, '\\|')
    .trim();
}

function tableMarkup(rows: Run[][][]): string {
  const cells = rows.map((row) => row.map(cellMarkup)).filter((row) => row.some((cell) => cell !== ''));
  const width = Math.max(0, ...cells.map((row) => row.length));
  if (width === 0) return '';
  const line = (row: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => row[i] ?? '').join(' | ')} |`.replace(/ {2}\|/g, ' |');
  const [head = [], ...body] = cells;
  return [line(head), `|${'---|'.repeat(width)}`, ...body.map(line)].join('\n');
}

function blockMarkup(block: MarkupBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return paragraphMarkup(block.runs);
    case 'heading': {
      const text = paragraphMarkup(block.runs)
        .trim()
        .replace(/\s*\n\s*/g, ' ');
      return text === '' ? '' : `${'#'.repeat(block.level)} ${text}`;
    }
    case 'table':
      return tableMarkup(block.rows);
  }
}

/** The blocks as canonical markup (see {@link canonicalMarkup}); empty blocks are dropped. */
export function blocksToMarkup(blocks: MarkupBlock[]): string {
  return canonicalMarkup(
    blocks
      .map(blockMarkup)
      .filter((text) => text !== '')
      .join('\n\n'),
  );
}

/** Canonical markup and, for each of its lines, the 1-based line of the input it came from. */
export interface CanonicalText {
  text: string;
  sourceLines: number[];
}

/**
 * The canonical form of markup text: LF line ends, no BOM, no HTML comments (Markdown does not render them),
 * NBSP as a space and runs of spaces as one (as both Markdown and HTML render them), no blanks at the ends of
 * lines, runs of blank lines as one, no blank lines at the start or end, one final newline.
 */
export function canonicalize(text: string): CanonicalText {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ''))
    .split('\n')
    .map((line) =>
      line
        .replace(/\u00a0/g, ' ')
        .replace(/ {2,}/g, ' ')
        .replace(EDGE_SPACE, ''),
    );
  const kept: string[] = [];
  const sourceLines: number[] = [];
  lines.forEach((line, index) => {
    if (line === '' && (kept.length === 0 || kept.at(-1) === '')) return;
    kept.push(line);
    sourceLines.push(index + 1);
  });
  while (kept.at(-1) === '') {
    kept.pop();
    sourceLines.pop();
  }
  return { text: kept.length === 0 ? '' : `${kept.join('\n')}\n`, sourceLines };
}

/** {@link canonicalize}'s text alone. */
export function canonicalMarkup(text: string): string {
  return canonicalize(text).text;
}
