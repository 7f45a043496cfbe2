// The import CLI for many documents (a folder, or several files and folders): every document is built once
// (a refused one is named and the others go on), then the changed plans are written in transactions of several
// plans with plan-by-plan retry (server/src/import/corpus-import.ts), under a progress bar with an ETA.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { type CorpusDocument, type CorpusOutcome, importCorpus } from '../server/src/import/corpus-import.ts';
import { ImportInputError } from '../server/src/ingest/errors.ts';
import { type BuiltPlan, buildPlanFromFiles } from '../server/src/ingest/plan-files.ts';
import type { Neo4jConnection } from '../server/src/neo4j/driver.ts';
import { type DocumentRow, documentRow } from './import-report.ts';

export interface CorpusCli {
  dryRun: boolean;
  format: 'json' | 'table';
  force: boolean;
  batchSize: number;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
/** What a folder import picks up (README.md, a folder's own description, is skipped). */
const DOCUMENT = /\.(md|markdown|txt|html?|docx)$/i;

/** The folder's documents (.md, .txt, .html, .docx; README.md left out), sorted by name; not recursive. */
export function folderDocuments(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter(
      (entry) => entry.isFile() && DOCUMENT.test(entry.name) && entry.name.toLowerCase() !== 'readme.md',
    )
    .map((entry) => path.join(folder, entry.name))
    .sort();
}

/** A bar with an ETA on a terminal (table output only); null when stderr is piped. */
function progressBar(cli: CorpusCli, phase: string): cliProgress.SingleBar | null {
  return process.stderr.isTTY && cli.format === 'table'
    ? new cliProgress.SingleBar(
        {
          format: `${phase} {bar} {value}/{total} | ETA {eta_formatted} | {file}`,
          stream: process.stderr,
          hideCursor: true,
          etaBuffer: 20,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
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
  nodes: 0,
  relationships: 0,
};

/** The row of a document that could not be built. */
function refusedRow(file: string, reason: string, ms: number): DocumentRow {
  return {
    ...emptyCounts,
    file: path.basename(file),
    refused: reason,
    status: 'refused',
    ms: Math.round(ms),
  };
}

/**
 * Builds one document. A refusal is logged (file:line: why) and returned as a string; so is an importer bug
 * (with its stack, counted in `bugs`), so that one document cannot stop the others.
 */
async function tryBuild(file: string): Promise<BuiltPlan | { reason: string; internal: boolean }> {
  try {
    return await buildPlanFromFiles({ markdownPath: file });
  } catch (error) {
    if (error instanceof ImportInputError) {
      log(error.message);
      return { reason: error.problems[0]?.message ?? error.message, internal: false };
    }
    if (!(error instanceof Error)) throw error;
    log(`${file}: importer error (please report it): ${error.stack ?? error.message}`);
    return { reason: `importer error: ${error.message}`, internal: true };
  }
}

/** Builds every document (in order) under a bar; returns the rows of refused ones and the built documents. */
async function buildAll(cli: CorpusCli, files: string[]) {
  const rows = new Map<string, DocumentRow>();
  const built: CorpusDocument[] = [];
  let bugs = 0;
  const bar = progressBar(cli, 'reading ');
  bar?.start(files.length, 0, { file: '' });
  for (const [i, file] of files.entries()) {
    bar?.update(i, { file: path.basename(file) });
    const started = performance.now();
    const result = await tryBuild(file);
    if ('reason' in result) {
      rows.set(file, refusedRow(file, result.reason, performance.now() - started));
      if (result.internal) bugs += 1;
      continue;
    }
    built.push({ file, built: result });
    rows.set(file, {
      ...documentRow(file, result.format, result.graph, result.summary.warnings.length, result.buildMs),
      status: cli.dryRun ? 'dry run' : 'built',
    });
    if (cli.dryRun && cli.format === 'json') process.stdout.write(`${JSON.stringify(result.graph)}\n`);
  }
  bar?.update(files.length, { file: '' });
  bar?.stop();
  return { rows, built, bugs };
}

/** Writes the built documents under a bar with an ETA; fills each row's status and time. */
async function writeAll(
  cli: CorpusCli,
  connection: Neo4jConnection,
  built: CorpusDocument[],
  rows: Map<string, DocumentRow>,
): Promise<CorpusOutcome[]> {
  const bar = progressBar(cli, 'writing ');
  bar?.start(built.length, 0, { file: '' });
  try {
    return await importCorpus(connection.driver, connection.database, built, {
      batchSize: cli.batchSize,
      force: cli.force,
      onOutcome: (outcome, done) => {
        const row = rows.get(outcome.file);
        if (row) {
          row.status = outcome.status;
          row.ms += Math.round(outcome.writeMs);
          if (outcome.error !== null) row.refused = `write failed: ${outcome.error}`;
        }
        if (outcome.error !== null) log(`${outcome.file}: the write failed: ${outcome.error}`);
        bar?.update(done, { file: path.basename(outcome.file) });
      },
    });
  } finally {
    bar?.stop();
  }
}

/**
 * Imports (or dry-runs) many documents; returns one row per file in the order given, the count of importer
 * bugs and of plans whose write failed. `connect` is called only when something is to be written.
 */
export async function importMany(
  cli: CorpusCli,
  files: string[],
  connect: () => Promise<Neo4jConnection>,
): Promise<{ rows: DocumentRow[]; bugs: number; failed: number }> {
  const { rows, built, bugs } = await buildAll(cli, files);
  let failed = 0;
  if (!cli.dryRun && built.length > 0) {
    const connection = await connect();
    try {
      const outcomes = await writeAll(cli, connection, built, rows);
      failed = outcomes.filter((o) => o.status === 'failed').length;
    } finally {
      await connection.close();
    }
  }
  return { rows: files.map((file) => rows.get(file) as DocumentRow), bugs, failed };
}
