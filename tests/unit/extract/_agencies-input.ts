// Builds an ExtractionInput by hand from a small Markdown document, as the outline stage would: markdown
// decoration removed, one paragraph per line, a task for each paragraph led by bold text or an item number
// （一）, the task title its lead, and pipe tables with cell offsets. For extractor-level tests only.
import { readFileSync } from 'node:fs';
import type {
  ExtractionInput,
  TableInput,
  TaskInput,
  TextSpan,
} from '../../../server/src/ingest/extract/types.ts';
import { normalise } from '../../../server/src/ingest/normalise.ts';

const ITEM = /^[（(][一二三四五六七八九十\d]+[）)]/u;

export function inputFromMarkdown(markdown: string, issuer: string | null = null): ExtractionInput {
  const lines = markdown
    .replace(/<!--[\s\S]*?-->/gu, '')
    .split('\n')
    .map((line) =>
      line
        .replace(/^#+\s*/u, '')
        .replace(/\*/gu, '')
        .trim(),
    );
  let text = '';
  const paragraphs: Array<TextSpan & { bold: string | null; raw: string }> = [];
  const raws = markdown.replace(/<!--[\s\S]*?-->/gu, '').split('\n');
  lines.forEach((line, index) => {
    if (!line) return;
    const start = text.length;
    text += `${line}\n`;
    const raw = raws[index] ?? '';
    const bold = /^\*\*(.+?)\*\*/u.exec(raw.replace(/^\*(?=\*\*)/u, ''))?.[1] ?? null;
    paragraphs.push({ text: line, start, end: start + line.length, bold, raw });
  });
  const title = paragraphs[0]?.text ?? '';
  const tasks: TaskInput[] = [];
  const tables: TableInput[] = [];
  let table: TableInput | null = null;
  for (const p of paragraphs.slice(1)) {
    if (p.text.startsWith('|')) {
      const cells = cellsOf(p);
      if (cells.every((c) => /^-+$/u.test(c.text))) continue;
      if (!table) {
        table = { span: { start: p.start, end: p.end }, header: cells, rows: [] };
        tables.push(table);
      } else {
        table.rows.push(cells);
        table.span.end = p.end;
      }
      continue;
    }
    table = null;
    const numbered = ITEM.exec(p.text);
    if (!p.bold && !numbered) continue;
    const lead = p.bold ?? p.text.slice(numbered?.[0].length ?? 0).split(/[。；]/u)[0] ?? '';
    const at = p.text.indexOf(lead);
    const titleText = lead.replace(/[。：，]$/u, '');
    tasks.push({
      id: `t${tasks.length + 1}`,
      span: { start: p.start, end: p.end },
      title: { text: titleText, start: p.start + at, end: p.start + at + titleText.length },
      measures: [{ text: p.text, start: p.start, end: p.end }],
    });
  }
  const units = paragraphs.map((p, i) => ({
    owner: `p${i}`,
    kind: 'section' as const,
    pieces: [{ text: p.text, start: p.start, end: p.end }],
  }));
  const year = /((?:19|20)\d{2})年/u.exec(markdown)?.[1];
  return { text, title, issuer, year: year ? Number(year) : null, tasks, units, tables };
}

function cellsOf(p: TextSpan): TextSpan[] {
  const cells: TextSpan[] = [];
  let at = p.text.indexOf('|') + 1;
  while (at < p.text.length) {
    const next = p.text.indexOf('|', at);
    if (next < 0) break;
    const raw = p.text.slice(at, next);
    const lead = raw.length - raw.trimStart().length;
    const cell = raw.trim();
    cells.push({ text: cell, start: p.start + at + lead, end: p.start + at + lead + cell.length });
    at = next + 1;
  }
  return cells;
}

export function inputFromFile(path: string, issuer: string | null = null): ExtractionInput {
  return inputFromMarkdown(readFileSync(path, 'utf8'), issuer);
}

export const CASES = '/work/shared/cases/importer';
export const CORPUS = '/work/shared/corpus/state-council';

/** The seed or a corpus document through the importer's own normaliser: its blocks are the units. */
export function inputFromPlan(markdown: string): ExtractionInput {
  const plan = normalise(markdown);
  const blocks = plan.blocks.map((b) => ({ text: b.text, start: b.start, end: b.end }));
  const title = blocks[0]?.text ?? '';
  const units = blocks.map((piece, i) => ({ owner: `b${i}`, kind: 'section' as const, pieces: [piece] }));
  return { text: plan.text, title, issuer: null, year: null, tasks: [], units, tables: [] };
}
