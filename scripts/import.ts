// `npm run import -- <plan.md> [--annotations <plan.yaml>] [--plan-id ID] [--dry-run] [--format json|table]`
// Exit codes: 0 imported (or dry run printed), 1 input error (file:line: what), 2 database error (for a
// connection lost while committing: after reading back whether the plan was stored, see import-commit-check.ts).
// Data goes to stdout, logs and progress to stderr, so `--dry-run --format json > graph.json` stays clean.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import Table from 'cli-table3';
import { ConfigError, loadConfig } from '../server/src/config/env.ts';
import type { ImportSummary } from '../server/src/ingest/build-plan-graph.ts';
import { ImportInputError } from '../server/src/ingest/errors.ts';
import { buildPlanFromFiles } from '../server/src/ingest/plan-files.ts';
import { ensureNeo4j } from '../server/src/neo4j/driver.ts';
import { type ImportProgress, importPlan } from '../server/src/neo4j/plan-writer.ts';
import { committedDigest, digestQuery } from './import-commit-check.ts';

const USAGE =
  'usage: npm run import -- <plan.md> [--annotations <plan.yaml>] [--plan-id ID] [--dry-run] [--format json|table]';
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
  if (positionals.length !== 1 || !positionals[0])
    throw new UsageError(`expected exactly one plan file\n${USAGE}`);
  if (values.format !== 'json' && values.format !== 'table') {
    throw new UsageError(`--format must be json or table, not ${values.format}\n${USAGE}`);
  }
  const planId = values['plan-id'];
  if (planId !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(planId)) {
    throw new UsageError('--plan-id must be lower-case ASCII letters, digits and dashes');
  }
  return {
    source: {
      markdownPath: positionals[0],
      annotationsPath: values['no-annotations'] ? null : values.annotations,
      planId,
    },
    dryRun: values['dry-run'],
    format: values.format,
  };
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

async function main(): Promise<number> {
  const cli = parseCli(process.argv.slice(2));
  if (cli.dryRun) {
    const built = buildPlanFromFiles(cli.source);
    if (cli.format === 'json') process.stdout.write(`${JSON.stringify(built.graph)}\n`);
    else process.stdout.write(`${summaryTable(built.summary)}\n`);
    log(
      `dry run: ${built.graph.nodes.length} nodes, ${built.graph.relationships.length} relationships, nothing written`,
    );
    return 0;
  }

  // Validate the input before starting a database, so a bad file fails fast with exit code 1.
  const built = buildPlanFromFiles(cli.source);
  const connection = await ensureNeo4j(loadConfig(), log).catch((error: unknown) => {
    throw new DatabaseError(error);
  });
  const bar =
    process.stderr.isTTY && cli.format === 'table'
      ? new cliProgress.SingleBar(
          { format: 'importing {stage} [{bar}] {value}/{total}', stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
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
    const outcome = await importPlan(connection.driver, connection.database, cli.source, progress).catch(
      async (error: unknown) => {
        if (error instanceof ImportInputError) throw error;
        if (!commitSent) throw new DatabaseError(error);
        bar?.stop();
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
      },
    );
    bar?.stop();
    if (!outcome) {
      // Committed, as the digest read back shows; the summary is the one of the graph that was written.
      const summary = cli.format === 'json' ? JSON.stringify(built.summary) : summaryTable(built.summary);
      process.stdout.write(`${summary}\n`);
      return 0;
    }
    if (cli.format === 'json') {
      process.stdout.write(`${JSON.stringify({ ...outcome.summary, timings: outcome.timings })}\n`);
    } else {
      process.stdout.write(`${summaryTable(outcome.summary)}\n`);
      log(`imported ${outcome.planId} in ${Math.round(outcome.timings.totalMs)} ms`);
    }
    return 0;
  } finally {
    bar?.stop();
    await connection.close();
  }
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
