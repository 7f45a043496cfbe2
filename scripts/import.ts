// `npm run import -- <file|folder>... [--annotations <plan.yaml>] [--plan-id ID] [--dry-run] [--format json|table]
//  [--report <file.md>] [--force] [--batch N]`: imports one document (.md, .txt, .html, .docx), or every document
// of one or more folders and files (import-corpus.ts: plans whose sha256 digests match the stored ones are
// skipped, the others written N plans per transaction). Exit codes: 0 all imported, unchanged (or dry run
// printed), 1 a file was refused or the command line is wrong (each refusal names file:line and why), 2 database
// error, a plan whose write failed, or importer bug (for a connection lost while committing one file: after
// reading back whether the plan was stored, see import-commit-check.ts). Data goes to stdout (many documents'
// JSON as JSON Lines, one document per line), logs and progress to stderr, so `--dry-run --format json >
// graph.json` stays clean.
import { statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig } from '../server/src/config/env.ts';
import { DEFAULT_BATCH_SIZE } from '../server/src/import/corpus-import.ts';
import { type ImportProgress, writeBuiltPlan } from '../server/src/import/plan-import.ts';
import { ImportInputError } from '../server/src/ingest/errors.ts';
import { type BuiltPlan, buildPlanFromFiles, type PlanSource } from '../server/src/ingest/plan-files.ts';
import { ensureNeo4j, type Neo4jConnection } from '../server/src/neo4j/driver.ts';
import { committedDigest, digestQuery } from './import-commit-check.ts';
import { folderDocuments, importMany } from './import-corpus.ts';
import {
  corpusReport,
  corpusSummaryTable,
  type DocumentRow,
  documentRow,
  documentsTable,
  statusCounts,
  summaryTable,
} from './import-report.ts';

const USAGE =
  'usage: npm run import -- <file|folder>... [--annotations <plan.yaml>] [--plan-id ID] [--dry-run] [--format json|table] [--report <file.md>] [--force] [--batch N]';
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
        force: { type: 'boolean', default: false },
        batch: { type: 'string' },
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
  if (positionals.length === 0 || !target)
    throw new UsageError(`expected a file or a folder (or several)\n${USAGE}`);
  if (values.format !== 'json' && values.format !== 'table') {
    throw new UsageError(`--format must be json or table, not ${values.format}\n${USAGE}`);
  }
  const planId = values['plan-id'];
  if (planId !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(planId)) {
    throw new UsageError('--plan-id must be lower-case ASCII letters, digits and dashes');
  }
  const folder = positionals.length > 1 || isFolder(target);
  if (folder && (planId !== undefined || values.annotations !== undefined)) {
    throw new UsageError('--plan-id and --annotations name one document: give one file, not a folder');
  }
  const batchSize = values.batch === undefined ? DEFAULT_BATCH_SIZE : Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new UsageError(
      `--batch must be a whole number of plans per transaction (≥ 1), not ${values.batch}`,
    );
  }
  return {
    targets: positionals,
    target,
    folder,
    force: values.force,
    batchSize,
    annotationsPath: values['no-annotations'] ? null : values.annotations,
    planId,
    dryRun: values['dry-run'],
    format: values.format as 'json' | 'table',
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

/** A progress bar on a terminal (table output only); null when stderr is piped. */
function progressBar(cli: Cli, format: string): cliProgress.SingleBar | null {
  return process.stderr.isTTY && cli.format === 'table'
    ? new cliProgress.SingleBar(
        { format, stream: process.stderr, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
    : null;
}

async function connect(): Promise<Neo4jConnection> {
  return ensureNeo4j(loadConfig(), log).catch((error: unknown) => {
    throw new DatabaseError(error);
  });
}

/** Imports (or dry-runs) one document in one transaction, built once; returns its row. Throws its refusal. */
async function importOne(cli: Cli): Promise<DocumentRow> {
  const source: PlanSource = {
    markdownPath: cli.target,
    annotationsPath: cli.annotationsPath,
    planId: cli.planId,
  };
  const built = await buildPlanFromFiles(source);
  const row = documentRow(
    cli.target,
    built.format,
    built.graph,
    built.summary.warnings.length,
    built.buildMs,
  );
  if (cli.dryRun) {
    if (cli.format === 'json') process.stdout.write(`${JSON.stringify(built.graph)}\n`);
    else process.stdout.write(`${summaryTable(built.summary)}\n`);
    const { nodes, relationships } = built.graph;
    log(`dry run: ${nodes.length} nodes, ${relationships.length} relationships, nothing written`);
    return { ...row, status: 'dry run' };
  }
  const connection = await connect();
  try {
    const outcome = await writeOne(cli, connection, built);
    if (!outcome) {
      // Committed, as the digest read back shows; the summary is the one of the graph that was written.
      const summary = cli.format === 'json' ? JSON.stringify(built.summary) : summaryTable(built.summary);
      process.stdout.write(`${summary}\n`);
      return { ...row, status: 'imported' };
    }
    if (cli.format === 'json') {
      process.stdout.write(`${JSON.stringify({ ...outcome.summary, timings: outcome.timings })}\n`);
    } else {
      process.stdout.write(`${summaryTable(outcome.summary)}\n`);
      log(`imported ${outcome.planId} in ${Math.round(outcome.timings.totalMs)} ms`);
    }
    return { ...row, status: 'imported', ms: Math.round(outcome.timings.totalMs) };
  } finally {
    await connection.close();
  }
}

/**
 * Writes one built plan in one transaction, with a bar over the writer's stages. Returns null when
 * the connection died while committing but the plan's digest, read back, shows the commit went through.
 */
async function writeOne(cli: Cli, connection: Neo4jConnection, built: BuiltPlan) {
  const bar = progressBar(cli, 'importing {stage} [{bar}] {value}/{total}');
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
    return await writeBuiltPlan(connection.driver, connection.database, built, progress).catch(
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

/** The documents the targets name: each folder's documents sorted by name, files as given. */
function documentsOf(targets: string[]): string[] {
  return targets.flatMap((target) => {
    if (!isFolder(target)) return [target];
    const files = folderDocuments(target);
    if (files.length === 0)
      throw new UsageError(`${target}: no .md, .txt, .html or .docx documents in this folder`);
    return files;
  });
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const cli = parseCli(argv);
  const started = performance.now();
  const files = cli.folder ? documentsOf(cli.targets) : [cli.target];
  const { rows, bugs, failed } = cli.folder
    ? await importMany(cli, files, connect)
    : { rows: [await importOne(cli)], bugs: 0, failed: 0 };
  const wallMs = performance.now() - started;
  const counts = statusCounts(rows);
  if (cli.folder && cli.format === 'table') {
    process.stdout.write(`${documentsTable(rows)}\n${corpusSummaryTable(rows, wallMs)}\n`);
  }
  if (cli.report) {
    writeFileSync(cli.report, corpusReport(rows, `npm run import -- ${argv.join(' ')}`, wallMs, new Date()));
    log(`report written to ${cli.report}`);
  }
  if (cli.folder) {
    const documents = `${rows.length} document${rows.length === 1 ? '' : 's'}`;
    const outcome = cli.dryRun
      ? 'nothing written'
      : `${counts.imported} imported, ${counts.unchanged} unchanged, ${counts.failed} failed`;
    log(`${documents}, ${counts.refused} refused, ${outcome}, ${(wallMs / 1000).toFixed(1)} s`);
  }
  return bugs > 0 || failed > 0 ? 2 : (counts.refused ?? 0) > 0 ? 1 : 0;
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
