// Turns responsibility notes, role sentences and task tables into RoleFacts (LED_BY / INVOLVES, basis text):
// a note inside a task, or right after its end, belongs to that task; a table row belongs to the task it names.
import type { NamingContext } from './agency-names.ts';
import { type NoteItem, type ResponsibilityNote, readList, readRoles } from './roles-notes.ts';
import type { ExtractionInput, Quote, RoleFact, TableInput, TaskInput } from './types.ts';

/** A parenthesised aside: （…） or (…), without nested brackets. */
const NOTE = /[（(]([^（）()\n]{2,400})[）)]/gu;

/** Offsets from which the document's “first listed body leads” convention holds. */
function conventionStarts(text: string, ctx: NamingContext): number[] {
  const starts: number[] = [];
  for (const pattern of ctx.lexicon.conventions) {
    const global = new RegExp(pattern.source, 'gu');
    for (const match of text.matchAll(global)) starts.push(match.index ?? 0);
  }
  return starts.sort((a, b) => a - b);
}

function hasCue(text: string, ctx: NamingContext): boolean {
  const c = ctx.lexicon.grammar.cues;
  return [...c.lead, ...c.involved, ...c.shared, ...c.with, ...c.labels.lead, ...c.labels.involved].some(
    (w) => text.includes(w),
  );
}

/**
 * Every responsibility note （…） and role sentence of a text, with the roles it states, in text order.
 * A note's convention (列第一位者为牵头单位, 下同) holds for that note and every one after it.
 */
export function findResponsibilityNotes(text: string, ctx: NamingContext): ResponsibilityNote[] {
  const conventions = conventionStarts(text, ctx);
  const firstLeads = (end: number) => conventions.some((at) => at < end);
  const notes: ResponsibilityNote[] = [];
  let masked = text;
  for (const match of text.matchAll(NOTE)) {
    const start = match.index ?? 0;
    const inner = match[1] ?? '';
    masked = masked.slice(0, start) + ' '.repeat(match[0].length) + masked.slice(start + match[0].length);
    if (!hasCue(inner, ctx)) continue;
    const span = { text: inner, start: start + 1, end: start + 1 + inner.length };
    const items = readRoles(span, ctx, firstLeads(start + match[0].length), 'note');
    if (items.length > 0)
      notes.push({ evidence: quoteOf(text, start, start + match[0].length), items, form: 'note' });
  }
  for (const sentence of masked.matchAll(/[^。！？；\n]+/gu)) {
    const raw = sentence[0];
    const start = (sentence.index ?? 0) + (raw.length - raw.trimStart().length);
    const trimmed = raw.trim();
    if (trimmed.length < 4 || !hasCue(trimmed, ctx)) continue;
    const span = { text: trimmed, start, end: start + trimmed.length };
    const items = readRoles(span, ctx, firstLeads(span.end), 'sentence');
    if (items.length > 0) notes.push({ evidence: quoteOf(text, start, span.end), items, form: 'sentence' });
  }
  return notes.sort((a, b) => a.evidence.start - b.evidence.start);
}

function quoteOf(text: string, start: number, end: number): Quote {
  return { quote: text.slice(start, end), start, end };
}

/** The task a note belongs to: the one containing it, or the one it closes (only blanks between). */
function taskOf(tasks: TaskInput[], text: string, quote: Quote): TaskInput | null {
  const inside = tasks.find((t) => quote.start >= t.span.start && quote.end <= t.span.end);
  if (inside) return inside;
  return (
    tasks.find(
      (t) => t.span.end <= quote.start && /^[\s。；]*$/u.test(text.slice(t.span.end, quote.start)),
    ) ?? null
  );
}

export interface FoundRoles {
  roles: RoleFact[];
  /** Every body the notes and tables name, for the agency registry. */
  items: NoteItem[];
  warnings: string[];
}

/** Roles of the whole plan: notes and sentences attached to tasks, then task tables' rows. */
export function findRoles(input: ExtractionInput, ctx: NamingContext): FoundRoles {
  const roles: RoleFact[] = [];
  const items: NoteItem[] = [];
  const warnings: string[] = [];
  for (const note of findResponsibilityNotes(input.text, ctx)) {
    items.push(...note.items);
    const task = taskOf(input.tasks, input.text, note.evidence);
    if (!task) continue;
    for (const item of note.items) {
      roles.push({
        task: task.id,
        agency: item.agency.key,
        role: item.role,
        basis: 'text',
        confidence: note.form === 'note' ? 0.9 : 0.75,
        evidence: note.evidence,
      });
    }
  }
  for (const table of input.tables) tableRoles(table, input, ctx, roles, items, warnings);
  return { roles: dedupeRoles(roles), items, warnings };
}

const TASK_HEADER = /任务|事项|内容|工作|措施/u;
const DEADLINE_HEADER = /时限|时间|期限|进度/u;

function tableRoles(
  table: TableInput,
  input: ExtractionInput,
  ctx: NamingContext,
  roles: RoleFact[],
  items: NoteItem[],
  warnings: string[],
): void {
  const labels = ctx.lexicon.grammar.cues.labels;
  const column = (test: (h: string) => boolean) => table.header.findIndex((cell) => test(cell.text));
  const taskColumn = column((h) => TASK_HEADER.test(h) && !labels.lead.some((l) => h.includes(l)));
  const leadColumn = column((h) => labels.lead.some((l) => h.includes(l)));
  const involvedColumn = column((h) => labels.involved.some((l) => h.includes(l)));
  const deadlineColumn = column((h) => DEADLINE_HEADER.test(h));
  if (taskColumn < 0 || (leadColumn < 0 && involvedColumn < 0)) return;
  for (const row of table.rows) {
    const taskCell = row[taskColumn];
    if (!taskCell) continue;
    const task = findTaskByTitle(input.tasks, taskCell.text);
    if (!task) {
      warnings.push(`task table row “${taskCell.text}” names no task of the plan`);
      continue;
    }
    const deadline = deadlineColumn >= 0 ? row[deadlineColumn]?.text.trim() || undefined : undefined;
    for (const [index, role] of [
      [leadColumn, 'lead'],
      [involvedColumn, 'involved'],
    ] as const) {
      const cell = index >= 0 ? row[index] : undefined;
      if (!cell) continue;
      const { items: listed } = readList(cell.text, cell.start, ctx, true);
      for (const item of listed) {
        items.push({ ...item, role });
        roles.push({
          task: task.id,
          agency: item.agency.key,
          role,
          basis: 'text',
          confidence: 0.9,
          evidence: { quote: cell.text, start: cell.start, end: cell.end },
          ...(deadline ? { deadline } : {}),
        });
      }
    }
  }
}

function bare(text: string): string {
  return text.replace(/[\s。，、；：:;,.！？“”"'《》（）()*]/gu, '');
}

function findTaskByTitle(tasks: TaskInput[], cell: string): TaskInput | null {
  const wanted = bare(cell);
  if (wanted.length < 2) return null;
  return (
    tasks.find((t) => bare(t.title.text) === wanted) ??
    tasks.find((t) => bare(t.title.text).includes(wanted) || wanted.includes(bare(t.title.text))) ??
    null
  );
}

/** One fact per task, agency and role; a lead beats an involvement of the same body in the same task. */
function dedupeRoles(roles: RoleFact[]): RoleFact[] {
  const out = new Map<string, RoleFact>();
  for (const role of roles) {
    const key = `${role.task}|${role.agency}`;
    const seen = out.get(key);
    if (!seen || (seen.role === 'involved' && role.role === 'lead')) out.set(key, role);
  }
  return [...out.values()];
}
