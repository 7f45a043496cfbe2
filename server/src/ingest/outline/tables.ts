// A table block of the normalised text as rows of cells with offsets: the first row is the header (序号 / 任务 /
// 牵头单位 / 配合单位 / 完成时限 in a task-assignment table). The extract stage reads them; the outline never turns
// table rows into domains or tasks.
import type { Block } from '../normalise.ts';
import type { OutlineTable, TableCell } from './types.ts';

export function readTable(text: string, block: Block): OutlineTable {
  const rows: TableCell[][] = (block.cells ?? []).map((row) =>
    row.map((span) => ({ ...span, text: text.slice(span.start, span.end) })),
  );
  return {
    span: { start: block.start, end: block.end },
    line: block.line,
    header: rows[0] ?? [],
    rows: rows.slice(1),
  };
}
