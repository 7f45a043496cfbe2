// `npm run import -- <file|folder> [--annotations <plan.yaml>] [--plan-id ID] [--dry-run] [--format json|table]
//  [--report <file.md>]`: imports one document (.md, .txt, .html, .docx) or every document of a folder.
// Exit codes: 0 all imported (or dry run printed), 1 a file was refused or the command line is wrong (each
// refusal names file:line and why), 2 database error or importer bug (for a connection lost while committing:
// after reading back whether the plan was stored, see import-commit-check.ts). Data goes to stdout (a folder's JSON
// as JSON Lines, one document per line), logs and progress to stderr, so `--dry-run --format json > graph.json`
// stays clean.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig } from '../server/src/config/env.ts';
import { ImportInputError } from '../server/src/ingest/errors.ts';
import { type BuiltPlan, buildPlanFromFiles, type PlanSource } from '../server/src/ingest/plan-files.ts';
import { ensureNeo4j, type Neo4jConnection } from '../server/src/neo4j/driver.ts';
import { type ImportProgress, importPlan } from '../server/src/neo4j/plan-writer.ts';
import { committedDigest, digestQuery } from './import-commit-check.ts';
import {
  corpusReport,
  type DocumentRow,
  documentRow,
  documentsTable,
  summaryTable,
} from './import-report.ts';

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

function refusedRow(file: string, reason: string, ms: number): DocumentRow {
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

interface Failure {
  reason: string;
  /** A bug of the importer rather than bad input. */
  internal: boolean;
}

/**
 * Builds one document. A refusal is logged (file:line: why) and returned; so, in a folder, is an importer bug
 * (with its stack), so that one document cannot stop the others. A single file's bug is thrown as before.
 */
async function tryBuild(source: PlanSource, folder: boolean): Promise<BuiltPlan | Failure> {
  try {
    return await buildPlanFromFiles(source);
  } catch (error) {
    if (error instanceof ImportInputError) {
      log(error.message);
      return { reason: error.problems[0]?.message ?? error.message, internal: false };
    }
    if (!folder || !(error instanceof Error)) throw error;
    log(`${source.markdownPath}: importer error (please report it): ${error.stack ?? error.message}`);
    return { reason: `importer error: ${error.message}`, internal: true };
  }
}

async function connect(): Promise<Neo4jConnection> {
  return ensureNeo4j(loadConfig(), log).catch((error: unknown) => {
    throw new DatabaseError(error);
  });
}

/** Imports (or dry-runs) each document in turn, one plan per transaction; returns one row per document. */
async function importDocuments(cli: Cli, files: string[]): Promise<{ rows: DocumentRow[]; bugs: number }> {
  const rows: DocumentRow[] = [];
  let bugs = 0;
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
      const built = await tryBuild(source, cli.folder);
      if ('reason' in built) {
        rows.push(refusedRow(file, built.reason, performance.now() - started));
        if (built.internal) bugs += 1;
        continue;
      }
      const row = documentRow(file, built.format, built.graph, built.summary.warnings.length, built.buildMs);
      if (cli.dryRun) {
        if (cli.format === 'json') process.stdout.write(`${JSON.stringify(built.graph)}\n`);
        else if (single) process.stdout.write(`${summaryTable(built.summary)}\n`);
        if (single) {
          const { nodes, relationships } = built.graph;
          log(`dry run: ${nodes.length} nodes, ${relationships.length} relationships, nothing written`);
        }
        rows.push(row);
        continue;
      }
      connection ??= await connect();
      const outcome = await writeOne(cli, connection, source, built, single);
      if (!outcome) {
        // Committed, as the digest read back shows; the summary is the one of the graph that was written.
        const summary = cli.format === 'json' ? JSON.stringify(built.summary) : summaryTable(built.summary);
        process.stdout.write(`${summary}\n`);
        rows.push(row);
        continue;
      }
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
  return { rows, bugs };
}

/**
 * Writes one plan in one transaction; for a single file, with a bar over the writer's stages. Returns null when
 * the connection died while committing but the plan's digest, read back, shows the commit went through.
 */
async function writeOne(
  cli: Cli,
  connection: Neo4jConnection,
  source: PlanSource,
  built: BuiltPlan,
  single: boolean,
) {
  const bar = single ? progressBar(cli, 'importing {stage} [{bar}] {value}/{total}') : null;
  let started = false;
  let commitSent = false;
  const progress: ImportProgress = (stage, done, total) => {
    if (stage === 'commit') commitSent = true;
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
      async (error: unknown) => {
        if (error instanceof ImportInputError) throw error;
        if (!commitSent) throw new DatabaseError(error);
        bar?.stop();
        return commitOutcome(connection, built, error);
      },
    );
  } finally {
    bar?.stop();
  }
}

/** After a connection lost during commit: null when the plan's digest shows it committed, else a DatabaseError. */
async function commitOutcome(connection: Neo4jConnection, built: BuiltPlan, error: unknown): Promise<null> {
  const plan = built.graph.plan;
  log(
    `The connection to Neo4j failed while the import was committing; checking whether ${plan.id} was stored…`,
  );
  const digest = {
    planId: plan.id,
    sha256: String(plan.sha256),
    annotationSha256: typeof plan.annotationSha256 === 'string' ? plan.annotationSha256 : null,
  };
  const stored = await committedDigest(connection.driver, connection.database, digest);
  if (stored === 'committed') {
    log(`The import of ${plan.id} committed: the database holds this plan (sha256 ${digest.sha256}).`);
    return null;
  }
  throw new DatabaseError(
    stored === 'not-committed'
      ? new Error(
          `the import of ${plan.id} did not commit; the database still holds what it held before (${error instanceof Error ? error.message : String(error)})`,
        )
      : new Error(
          `the import of ${plan.id} may have committed; check with ${digestQuery(plan.id)} — sha256 ${digest.sha256} means it did`,
        ),
  );
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const cli = parseCli(argv);
  const started = performance.now();
  const files = cli.folder ? folderDocuments(cli.target) : [cli.target];
  if (files.length === 0)
    throw new UsageError(`${cli.target}: no .md, .txt, .html or .docx documents in this folder`);
  const { rows, bugs } = await importDocuments(cli, files);
  const wallMs = performance.now() - started;
  const refused = rows.filter((row) => row.refused !== null).length;
  if (cli.folder && cli.format === 'table') process.stdout.write(`${documentsTable(rows)}\n`);
  if (cli.report) {
    writeFileSync(cli.report, corpusReport(rows, `npm run import -- ${argv.join(' ')}`, wallMs, new Date()));
    log(`report written to ${cli.report}`);
  }
  const written = cli.dryRun ? 'nothing written' : 'written to Neo4j';
  if (cli.folder) {
    const documents = `${rows.length} document${rows.length === 1 ? '' : 's'}`;
    log(`${documents}, ${refused} refused, ${(wallMs / 1000).toFixed(1)} s (${written})`);
  }
  return bugs > 0 ? 2 : refused > 0 ? 1 : 0;
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
