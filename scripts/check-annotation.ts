// Checks a plan's annotation file against its plan text before the importer sees it, so that whoever writes
// the annotation gets every problem at once, each with the YAML line it comes from:
//   npx tsx scripts/check-annotation.ts <plan.md> <plan.yaml> [--aliases]
// It validates the zod schema, then checks that every quote occurs in the normalised plan text (within one line,
// without markdown), that task evidence lies inside the task it is about, and that task and domain titles match
// the outline the importer reads (the shared heading grammar of ingest/outline, never a copy of it). --aliases also lists where each alias matches, to spot ambiguous ones.
import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { type Annotation, annotationSchema } from '../server/src/ingest/annotation-schema.ts';
import { foldVariants } from '../server/src/ingest/char-variants.ts';
import { normalise } from '../server/src/ingest/normalise.ts';
import { walkParagraphs } from '../server/src/ingest/outline/tasks.ts';
import { type OutlineNode, parseOutline as parseDocumentOutline } from '../server/src/ingest/outline.ts';
import { readDocument } from '../server/src/ingest/read/read-document.ts';

type Path = readonly (string | number)[];
interface Finding {
  level: 'error' | 'warning';
  path: Path;
  message: string;
}

/** A task of the plan's outline (the importer's), with its text. */
interface OutlineTask {
  ref: string;
  title: string;
  text: string;
}

interface Outline {
  /** The normalised plan text (Plan.text) as lines. */
  lines: string[];
  text: string;
  domains: Map<number, string>;
  tasks: Map<string, OutlineTask>;
  /** Section text by title, e.g. the guiding-ideology section that holds priorities and key fields. */
  sections: Map<string, string>;
}

const QUOTE_MIN = 4;
const QUOTE_MAX = 30;

/** Every part's title → its text (own paragraphs and descendants'), for checks scoped to a section. */
function sectionTexts(
  nodes: OutlineNode[],
  text: string,
  into = new Map<string, string>(),
): Map<string, string> {
  for (const node of nodes) {
    const body = walkParagraphs(node)
      .map((p) => text.slice(p.start, p.end))
      .join('\n');
    into.set(node.title, body);
    sectionTexts(node.children, text, into);
  }
  return into;
}

/** The plan's outline as the importer reads it: the one heading grammar, no copy of it here. */
function parseOutline(markdown: string, file: string): Outline {
  const plan = normalise(markdown);
  const parsed = parseDocumentOutline(plan, file);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  const { outline } = parsed;
  const domains = new Map(outline.domains.map((d) => [d.number, d.title]));
  const tasks = new Map(
    outline.tasks.map((t) => {
      const ref = `${t.domain}.${t.order}`;
      return [ref, { ref, title: t.title, text: t.text }] as const;
    }),
  );
  return {
    lines: plan.text.split('\n'),
    text: plan.text,
    domains,
    tasks,
    sections: sectionTexts(outline.chapters, plan.text),
  };
}

function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) count += 1;
  return count;
}

/** What every check shares: where findings go, the quote check, and the text of a task by its ref. */
interface Checks {
  error: (path: Path, message: string) => void;
  warn: (path: Path, message: string) => void;
  quote: (path: Path, raw: string, scope?: { text: string; what: string }) => void;
  taskScope: (ref: string) => { text: string; what: string } | undefined;
}

function makeChecks(outline: Outline, findings: Finding[]): Checks {
  const error = (path: Path, message: string) => {
    findings.push({ level: 'error', path, message });
  };
  const warn = (path: Path, message: string) => {
    findings.push({ level: 'warning', path, message });
  };

  /** The first reason a quote cannot be found where it should be, if any. */
  const quoteProblem = (q: string, scope?: { text: string; what: string }): string | undefined => {
    if (/\*\*|#/.test(q)) return `quote "${q}" contains markdown`;
    if (q.includes('\n')) return `quote "${q}" spans lines`;
    if (!outline.text.includes(q)) return `quote "${q}" does not occur in the plan text`;
    if (scope && !scope.text.includes(q)) return `quote "${q}" is not in ${scope.what}`;
    return undefined;
  };
  const quote = (path: Path, raw: string, scope?: { text: string; what: string }) => {
    const q = foldVariants(raw.normalize('NFC'));
    const problem = quoteProblem(q, scope);
    if (problem) {
      error(path, problem);
      return;
    }
    const length = [...q].length;
    if (length < QUOTE_MIN || length > QUOTE_MAX) {
      warn(path, `quote "${q}" is ${length} characters (keep ${QUOTE_MIN}–${QUOTE_MAX})`);
    }
    const n = countOccurrences(outline.text, q);
    if (!scope && n > 1) warn(path, `quote "${q}" occurs ${n} times in the plan text`);
  };
  const taskScope = (ref: string) => {
    const task = outline.tasks.get(ref);
    return task && { text: task.text, what: `task ${ref} "${task.title}"` };
  };
  return { error, warn, quote, taskScope };
}

/** Keys and names are unique; every pilot status quote is in the text. */
function checkEntities(a: Annotation, { error, quote }: Checks): void {
  const names = new Map<string, string>();
  const claim = (path: Path, s: string, owner: string) => {
    const prior = names.get(s);
    if (prior && prior !== owner) error(path, `"${s}" names both ${prior} and ${owner}`);
    names.set(s, owner);
  };
  const keys = new Set<string>();
  for (const [list, entries] of [
    ['agencies', a.agencies],
    ['pilots', a.pilots],
  ] as const) {
    entries.forEach((e, i) => {
      if (keys.has(e.key)) error([list, i, 'key'], `duplicate key ${e.key}`);
      keys.add(e.key);
      claim([list, i, 'name'], e.name, e.key);
      e.aliases.forEach((alias, j) => {
        claim([list, i, 'aliases', j], alias, e.key);
      });
    });
  }
  a.pilots.forEach((p, i) => {
    quote(['pilots', i, 'statusEvidence'], p.statusEvidence);
  });
}

/** Domains and tasks exist in the outline with the same titles; responsibilities name known agencies. */
function checkDomainsAndTasks(
  a: Annotation,
  outline: Outline,
  { error, warn, quote, taskScope }: Checks,
): void {
  const agencyKeys = new Set(a.agencies.map((g) => g.key));
  a.domains.forEach((d, i) => {
    const title = outline.domains.get(d.number);
    if (title === undefined) error(['domains', i, 'number'], `the plan has no domain ${d.number}`);
    else if (title !== d.title) error(['domains', i, 'title'], `domain ${d.number} is titled "${title}"`);
  });
  for (const [number, title] of outline.domains) {
    if (!a.domains.some((d) => d.number === number))
      warn(['domains'], `domain ${number} "${title}" has no entry`);
  }

  const seenTasks = new Set<string>();
  a.tasks.forEach((t, i) => {
    const task = outline.tasks.get(t.ref);
    if (!task) {
      error(['tasks', i, 'ref'], `the plan has no task ${t.ref}`);
      return;
    }
    if (seenTasks.has(t.ref)) error(['tasks', i, 'ref'], `task ${t.ref} is annotated twice`);
    seenTasks.add(t.ref);
    if (task.title !== t.title) error(['tasks', i, 'title'], `task ${t.ref} is titled "${task.title}"`);
    const leads = t.responsibilities.filter((r) => r.role === 'lead').length;
    if (leads !== 1) warn(['tasks', i, 'responsibilities'], `task ${t.ref} has ${leads} leads`);
    const seenAgencies = new Set<string>();
    t.responsibilities.forEach((r, j) => {
      const path = ['tasks', i, 'responsibilities', j];
      if (!agencyKeys.has(r.agency)) error([...path, 'agency'], `no agency has key ${r.agency}`);
      if (seenAgencies.has(r.agency))
        error([...path, 'agency'], `${r.agency} appears twice in task ${t.ref}`);
      seenAgencies.add(r.agency);
      if (r.basis === 'text') {
        if (r.evidence === undefined) error(path, 'a text-based responsibility needs evidence');
        else quote([...path, 'evidence'], r.evidence, taskScope(t.ref));
      } else if (!r.note) warn(path, 'a curated responsibility should give its reason in note');
    });
  });
  for (const [ref, task] of outline.tasks) {
    if (!seenTasks.has(ref)) warn(['tasks'], `task ${ref} "${task.title}" has no annotation`);
  }
}

/** Curated dependencies join two existing tasks once, each quote inside its task. */
function checkDependencies(a: Annotation, { error, quote, taskScope }: Checks): void {
  const pairs = new Set<string>();
  a.dependencies.forEach((d, i) => {
    const from = taskScope(d.from);
    const to = taskScope(d.to);
    if (!from) error(['dependencies', i, 'from'], `the plan has no task ${d.from}`);
    if (!to) error(['dependencies', i, 'to'], `the plan has no task ${d.to}`);
    if (d.from === d.to) error(['dependencies', i], 'a task cannot depend on itself');
    const pair = `${d.from}->${d.to}`;
    if (pairs.has(pair)) error(['dependencies', i], `dependency ${pair} is listed twice`);
    pairs.add(pair);
    if (from) quote(['dependencies', i, 'evidence', 0], d.evidence[0], from);
    if (to) quote(['dependencies', i, 'evidence', 1], d.evidence[1], to);
  });
}

/** Links to the plan's lists quote items of the right section; translations name text of the plan. */
function checkListsAndTranslations(
  a: Annotation,
  outline: Outline,
  { error, warn, quote, taskScope }: Checks,
): void {
  const listSection = (title: string) => {
    const text = outline.sections.get(title);
    return text === undefined ? undefined : { text, what: `section "${title}"` };
  };
  for (const [list, sectionTitle] of [
    ['advances', '指导思想'],
    ['addresses', '主要问题'],
  ] as const) {
    const scope = listSection(sectionTitle);
    if (!scope && a[list].length > 0)
      warn([list], `the plan has no section "${sectionTitle}" to check items in`);
    const seen = new Set<string>();
    a[list].forEach((link, i) => {
      if (!outline.tasks.has(link.task)) error([list, i, 'task'], `the plan has no task ${link.task}`);
      const id = `${link.task}|${link.item}`;
      if (seen.has(id)) error([list, i], `link ${link.task} → "${link.item}" is listed twice`);
      seen.add(id);
      quote([list, i, 'item'], link.item, scope);
      if (link.basis === 'text' && link.evidence === undefined)
        error([list, i], 'a text-based link needs evidence');
      if (link.evidence !== undefined) quote([list, i, 'evidence'], link.evidence, taskScope(link.task));
    });
  }

  for (const key of Object.keys(a.translations)) {
    if (!outline.lines.some((l) => l.includes(key)))
      warn(['translations', key], `"${key}" is not in the plan text`);
  }
}

function checkAnnotation(a: Annotation, outline: Outline): Finding[] {
  const findings: Finding[] = [];
  const checks = makeChecks(outline, findings);
  checkEntities(a, checks);
  checkDomainsAndTasks(a, outline, checks);
  checkDependencies(a, checks);
  checkListsAndTranslations(a, outline, checks);
  return findings;
}

/** The 1-based YAML line of the deepest node that exists along a path. */
function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: Path): number {
  let node: unknown = doc.contents;
  let offset = 0;
  for (const step of path) {
    if (!(isMap(node) || isSeq(node))) break;
    const child: unknown = node.get(step, true);
    if (child === undefined) break;
    node = child;
  }
  if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range))
    offset = node.range[0];
  return counter.linePos(offset).line;
}

function aliasReport(a: Annotation, outline: Outline): string[] {
  const out: string[] = [];
  for (const e of [...a.agencies, ...a.pilots]) {
    for (const s of [e.name, ...e.aliases]) {
      const n = countOccurrences(outline.text, s);
      if (n === 0) continue;
      const at = outline.lines
        .filter((l) => l.includes(s))
        .map((l) => {
          const i = l.indexOf(s);
          return l.slice(Math.max(0, i - 8), i + s.length + 8);
        });
      out.push(`${e.key}  "${s}" ×${n}: ${at.join(' | ')}`);
    }
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
  const [planPath, yamlPath] = argv.filter((x) => !x.startsWith('--'));
  if (!planPath || !yamlPath) {
    console.error('usage: check-annotation <plan.md|.txt|.html|.docx> <plan.yaml> [--aliases]');
    return 2;
  }
  // The plan is read as the importer reads it (any format, any encoding), so offsets and quotes agree.
  const document = await readDocument(readFileSync(planPath), planPath);
  const outline = parseOutline(document.text, planPath);
  const counter = new LineCounter();
  const doc = parseDocument(readFileSync(yamlPath, 'utf8'), { lineCounter: counter, prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) console.error(`${yamlPath}:${e.linePos?.[0]?.line ?? '?'}: ${e.message}`);
    return 1;
  }
  const parsed = annotationSchema.safeParse(doc.toJS());
  const findings: Finding[] = parsed.success
    ? checkAnnotation(parsed.data, outline)
    : parsed.error.issues.map((issue) => ({
        level: 'error' as const,
        path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: `${issue.path.join('.')}: ${issue.message}`,
      }));
  for (const f of findings) {
    console.error(`${yamlPath}:${lineOf(doc, counter, f.path)}: ${f.level}: ${f.message}`);
  }
  if (parsed.success && argv.includes('--aliases'))
    for (const line of aliasReport(parsed.data, outline)) console.log(line);
  const errors = findings.filter((f) => f.level === 'error').length;
  const a = parsed.success ? parsed.data : undefined;
  console.error(
    `${errors} errors, ${findings.length - errors} warnings` +
      (a
        ? ` (${a.agencies.length} agencies, ${a.pilots.length} pilots, ${a.tasks.length}/${outline.tasks.size} tasks, ` +
          `${a.dependencies.length} dependencies, ${a.advances.length} advances, ${a.addresses.length} addresses)`
        : ''),
  );
  return errors > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
