// `npm run import -- <file|folder> [--annotations <plan.yaml>] [--plan-id ID] [--dry-run] [--format json|table]
//  [--report <file.md>]`: imports one document (.md, .txt, .html, .docx) or every document of a folder.
// Exit codes: 0 all imported (or dry run printed), 1 a file was refused or the command line is wrong (each
// refusal names file:line and why), 2 database error. Data goes to stdout (a folder's JSON as JSON Lines, one
// document per line), logs and progress to stderr, so `--dry-run --format json > graph.json` stays clean.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import Table from 'cli-table3';
import { ConfigError, loadConfig } from '../server/src/config/env.ts';
import type { ImportSummary } from '../server/src/ingest/build-plan-graph.ts';
import { ImportInputError } from '../server/src/ingest/errors.ts';
import { type BuiltPlan, buildPlanFromFiles, type PlanSource } from '../server/src/ingest/plan-files.ts';
import { ensureNeo4j, type Neo4jConnection } from '../server/src/neo4j/driver.ts';
import { type ImportProgress, importPlan } from '../server/src/neo4j/plan-writer.ts';
import { corpusReport, type DocumentRow, documentRow } from './import-report.ts';

const USAGE =
  'usage: npm run import -- <file|folder> [--annotations <plan.yaml>] [--plan-id ID] [--dry-run] [--format json|table] [--report <file.md>]';
/** What a folder import picks up (README.md, a folder's own description, is skipped). */
const DOCUMENT = /\.(md|markdown|txt|html?|docx)$/i;
const log = (line: string) => process.stderr.write(`${line}\n`);

class UsageError extends Error {}

function parseCli(argv: string[]) {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        annotations: { type: 'string' },
        'no-annotations': { type: 'boolean', default: false },
        'plan-id': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        format: { type: 'string', default: 'table' },
        report: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  }
  try {
    parsed = parse();
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const target = positionals[0];
  if (positionals.length !== 1 || !target)
    throw new UsageError(`expected exactly one file or folder\n${USAGE}`);
  if (values.format !== 'json' && values.format !== 'table') {
    throw new UsageError(`--format must be json or table, not ${values.format}\n${USAGE}`);
  }
  const planId = values['plan-id'];
  if (planId !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(planId)) {
    throw new UsageError('--plan-id must be lower-case ASCII letters, digits and dashes');
  }
  const folder = isFolder(target);
  if (folder && (planId !== undefined || values.annotations !== undefined)) {
    throw new UsageError('--plan-id and --annotations name one document: give a file, not a folder');
  }
  return {
    target,
    folder,
    annotationsPath: values['no-annotations'] ? null : values.annotations,
    planId,
    dryRun: values['dry-run'],
    format: values.format,
    report: values.report ?? null,
  };
}
type Cli = ReturnType<typeof parseCli>;

function isFolder(target: string): boolean {
  try {
    return statSync(target).isDirectory();
  } catch {
    return false;
  }
}

/** The folder's documents, sorted by name; not recursive. */
function folderDocuments(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter(
      (entry) => entry.isFile() && DOCUMENT.test(entry.name) && entry.name.toLowerCase() !== 'readme.md',
    )
    .map((entry) => path.join(folder, entry.name))
    .sort();
}

/** Colours only on a terminal, so a redirected summary stays plain text. */
const tableStyle = process.stdout.isTTY ? {} : { style: { head: [], border: [] } };

function summaryTable(summary: ImportSummary): string {
  const counts = new Table({ head: ['nodes', 'count', 'relationships', 'count'], ...tableStyle });
  const labels = Object.entries(summary.counts.labels);
  const rels = Object.entries(summary.counts.relationships);
  for (let i = 0; i < Math.max(labels.length, rels.length); i += 1) {
    counts.push([labels[i]?.[0] ?? '', labels[i]?.[1] ?? '', rels[i]?.[0] ?? '', rels[i]?.[1] ?? '']);
  }
  const parts = [`plan ${summary.planId}`, counts.toString()];
  if (summary.candidates.length > 0) {
    const candidates = new Table({
      head: ['pilot-like phrase not in the annotation', 'times'],
      ...tableStyle,
    });
    for (const c of summary.candidates) candidates.push([c.phrase, c.count]);
    parts.push(candidates.toString());
  }
  if (summary.warnings.length > 0) {
    const warnings = new Table({ head: ['warnings'], colWidths: [100], wordWrap: true, ...tableStyle });
    for (const w of summary.warnings) warnings.push([w]);
    parts.push(warnings.toString());
  }
  return parts.join('\n');
}

function documentsTable(rows: DocumentRow[]): string {
  const table = new Table({
    head: ['file', 'kind', 'parts', 'tasks', 'measures', 'targets', 'warnings', 'ms'],
    ...tableStyle,
  });
  for (const row of rows) {
    table.push(
      row.refused !== null
        ? [row.file, 'refused', '', '', '', '', '', row.ms]
        : [row.file, row.kind, row.parts, row.tasks, row.measures, row.targets, row.warnings, row.ms],
    );
  }
  return table.toString();
}

function refusedRow(file: string, error: ImportInputError, ms: number): DocumentRow {
  const reason = error.problems[0]?.message ?? error.message;
  return { ...emptyCounts, file: path.basename(file), refused: reason, ms: Math.round(ms) };
}
const emptyCounts = {
  format: '',
  kind: '',
  title: '',
  parts: 0,
  tasks: 0,
  measures: 0,
  targets: 0,
  warnings: 0,
};

/** A progress bar on a terminal (table output only); null when stderr is piped. */
function progressBar(cli: Cli, format: string): cliProgress.SingleBar | null {
  return process.stderr.isTTY && cli.format === 'table'
    ? new cliProgress.SingleBar(
        { format, stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
}

/** Builds one document; a refusal is logged (file:line: why) and returned as null. */
async function tryBuild(source: PlanSource): Promise<BuiltPlan | ImportInputError> {
  try {
    return await buildPlanFromFiles(source);
  } catch (error) {
    if (!(error instanceof ImportInputError)) throw error;
    log(error.message);
    return error;
  }
}

async function connect(): Promise<Neo4jConnection> {
  return ensureNeo4j(loadConfig(), log).catch((error: unknown) => {
    throw new DatabaseError(error);
  });
}

/** Imports (or dry-runs) each document in turn, one plan per transaction; returns one row per document. */
async function importDocuments(cli: Cli, files: string[]): Promise<DocumentRow[]> {
  const rows: DocumentRow[] = [];
  const single = !cli.folder;
  let connection: Neo4jConnection | null = null;
  const bar = single ? null : progressBar(cli, '{bar} {value}/{total} {file}');
  bar?.start(files.length, 0, { file: '' });
  try {
    for (const file of files) {
      bar?.update(rows.length, { file: path.basename(file) });
      const source: PlanSource = {
        markdownPath: file,
        annotationsPath: cli.annotationsPath,
        planId: cli.planId,
      };
      const started = performance.now();
      const built = await tryBuild(source);
      if (built instanceof ImportInputError) {
        rows.push(refusedRow(file, built, performance.now() - started));
        continue;
      }
      const row = documentRow(file, built.format, built.graph, built.summary.warnings.length, built.buildMs);
      if (cli.dryRun) {
        if (cli.format === 'json') process.stdout.write(`${JSON.stringify(built.graph)}\n`);
        else if (single) process.stdout.write(`${summaryTable(built.summary)}\n`);
        rows.push(row);
        continue;
      }
      connection ??= await connect();
      const outcome = await writeOne(cli, connection, source, single);
      if (cli.format === 'json') {
        process.stdout.write(`${JSON.stringify({ ...outcome.summary, timings: outcome.timings })}\n`);
      } else if (single) {
        process.stdout.write(`${summaryTable(outcome.summary)}\n`);
        log(`imported ${outcome.planId} in ${Math.round(outcome.timings.totalMs)} ms`);
      }
      rows.push({ ...row, ms: Math.round(outcome.timings.totalMs) });
    }
    bar?.update(rows.length, { file: '' });
  } finally {
    bar?.stop();
    await connection?.close();
  }
  return rows;
}

/** Writes one plan in one transaction; for a single file, with a bar over the writer's stages. */
async function writeOne(cli: Cli, connection: Neo4jConnection, source: PlanSource, single: boolean) {
  const bar = single ? progressBar(cli, 'importing {stage} [{bar}] {value}/{total}') : null;
  let started = false;
  const progress: ImportProgress = (stage, done, total) => {
    if (!bar) return;
    if (!started) {
      bar.start(total, done, { stage });
      started = true;
    }
    bar.setTotal(total);
    bar.update(done, { stage });
  };
  try {
    return await importPlan(connection.driver, connection.database, source, progress).catch(
      (error: unknown) => {
        throw error instanceof ImportInputError ? error : new DatabaseError(error);
      },
    );
  } finally {
    bar?.stop();
  }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const cli = parseCli(argv);
  const started = performance.now();
  const files = cli.folder ? folderDocuments(cli.target) : [cli.target];
  if (files.length === 0)
    throw new UsageError(`${cli.target}: no .md, .txt, .html or .docx documents in this folder`);
  const rows = await importDocuments(cli, files);
  const wallMs = performance.now() - started;
  const refused = rows.filter((row) => row.refused !== null).length;
  if (cli.folder && cli.format === 'table') process.stdout.write(`${documentsTable(rows)}\n`);
  if (cli.report) {
    writeFileSync(cli.report, corpusReport(rows, `npm run import -- ${argv.join(' ')}`, wallMs, new Date()));
    log(`report written to ${cli.report}`);
  }
  const written = cli.dryRun ? 'nothing written' : 'written to Neo4j';
  if (cli.folder || cli.dryRun) {
    log(`${rows.length} documents, ${refused} refused, ${(wallMs / 1000).toFixed(1)} s (${written})`);
  }
  return refused > 0 ? 1 : 0;
}

class DatabaseError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/** Exits only once stdout has flushed: a piped `--format json` graph is larger than one pipe buffer. */
function exit(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

main().then(exit, (error: unknown) => {
  if (error instanceof ImportInputError || error instanceof UsageError || error instanceof ConfigError) {
    log(error.message);
    exit(1);
  } else if (error instanceof DatabaseError) {
    log(`database error: ${error.message}`);
    exit(2);
  } else {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    exit(2);
  }
});
