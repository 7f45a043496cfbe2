// Test fixtures: a Markdown document rewritten as a government web page and as a Word file, the way those
// formats carry the same content (bold → <strong>/bold run, 楷体 italics → <span style="font-family:楷体">/
// italic run, pipe tables → tables, `#` → h1–h6), so a test can check all three read the same.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

interface Span {
  text: string;
  bold: boolean;
  italic: boolean;
}

type Block =
  | { kind: 'heading'; level: number; spans: Span[] }
  | { kind: 'paragraph'; lines: Span[][] }
  | { kind: 'table'; rows: string[][] };

function spans(line: string): Span[] {
  const out: Span[] = [];
  const pattern = /\*\*(.+?)\*\*|\*(.+?)\*/g;
  let at = 0;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    if (match.index > at) out.push({ text: line.slice(at, match.index), bold: false, italic: false });
    out.push({
      text: match[1] ?? match[2] ?? '',
      bold: match[1] !== undefined,
      italic: match[2] !== undefined,
    });
    at = match.index + match[0].length;
  }
  if (at < line.length) out.push({ text: line.slice(at), bold: false, italic: false });
  return out;
}

/** The Markdown's blocks: `#` headings, pipe tables (separator row dropped), paragraphs of lines. */
export function markdownBlocks(markdown: string): Block[] {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk): Block => {
      const heading = /^(#{1,6})\s+(.*)$/.exec(chunk);
      if (heading?.[1] && heading[2] !== undefined) {
        return { kind: 'heading', level: heading[1].length, spans: spans(heading[2]) };
      }
      const lines = chunk.split('\n');
      if (lines.every((line) => line.startsWith('|'))) {
        const rows = lines
          .filter((line) => !/^\|[\s|:-]+\|$/.test(line))
          .map((line) =>
            line
              .slice(1, -1)
              .split('|')
              .map((cell) => cell.trim()),
          );
        return { kind: 'table', rows };
      }
      return { kind: 'paragraph', lines: lines.map(spans) };
    });
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function spanHtml(span: Span): string {
  if (span.bold) return `<strong>${escapeHtml(span.text)}</strong>`;
  if (span.italic)
    return `<span style="font-family:楷体_GB2312; font-size:16pt">${escapeHtml(span.text)}</span>`;
  return escapeHtml(span.text);
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${block.spans.map(spanHtml).join('')}</h${block.level}>`;
    case 'paragraph':
      return `<p style="text-indent:2em">&nbsp;&nbsp;${block.lines.map((line) => line.map(spanHtml).join('')).join('<br/>\n')}</p>`;
    case 'table': {
      const [head = [], ...rows] = block.rows;
      const row = (cells: string[], tag: string) =>
        `<tr>${cells.map((cell) => `<${tag}><p>${escapeHtml(cell)}</p></${tag}>`).join('')}</tr>`;
      return `<table border="1"><tbody>${row(head, 'th')}${rows.map((r) => row(r, 'td')).join('')}</tbody></table>`;
    }
  }
}

/** A page as government sites serve it: head with script and style, indented <p>s, <br> line breaks. */
export function markdownToHtml(markdown: string): string {
  const body = markdownBlocks(markdown).map(blockHtml);
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>页面标题</title>',
    '<style>p { margin: 0 }</style><script>var x = "<p>不是正文</p>";</script></head>',
    `<body><div class="pages_content">\n${body.join('\n')}\n</div></body></html>`,
  ].join('\n');
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

function runs(line: Span[], breakBefore: boolean): TextRun[] {
  return line.map(
    (span, i) =>
      new TextRun({
        text: span.text,
        bold: span.bold,
        italics: span.italic,
        break: breakBefore && i === 0 ? 1 : 0,
      }),
  );
}

function blockDocx(block: Block): Paragraph | Table {
  switch (block.kind) {
    case 'heading':
      return new Paragraph({ heading: HEADINGS[block.level - 1], children: runs(block.spans, false) });
    case 'paragraph':
      return new Paragraph({ children: block.lines.flatMap((line, i) => runs(line, i > 0)) });
    case 'table':
      return new Table({
        rows: block.rows.map(
          (cells) =>
            new TableRow({
              children: cells.map((cell) => new TableCell({ children: [new Paragraph(cell)] })),
            }),
        ),
      });
  }
}

/** A Word document built with the `docx` library: bold and italic runs, line breaks, heading styles, a table. */
export async function markdownToDocx(markdown: string): Promise<Uint8Array> {
  const children = markdownBlocks(markdown).map(blockDocx);
  const document = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** Markdown without its emphasis and heading marks: what a user's .txt copy of the document holds. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/\*(.+?)\*/g, '$1')
    .replace(/^#+\s+/gm, '');
}
