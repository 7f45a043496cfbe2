// Lists which entries of a plan's annotation file the extractor already finds by itself, so that curators see
// what is left for them (issue 13: the annotation file is an overlay):
//   npx tsx scripts/annotation-coverage.ts <plan document> <plan.yaml> [--json]
// For each agency and pilot: found or not, under which name, and which of the YAML's name and aliases the
// extractor reproduces (those aliases can leave the YAML). Exit code 2 on a bad argument, 1 on a bad input.
import { parseArgs } from 'node:util';
import { ImportInputError } from '../server/src/ingest/errors.ts';
import { buildPlanFromFiles } from '../server/src/ingest/plan-files.ts';

const USAGE = 'usage: npx tsx scripts/annotation-coverage.ts <plan document> <plan.yaml> [--json]';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean' } },
  });
  const [plan, yaml] = positionals;
  if (!plan || !yaml) {
    console.error(USAGE);
    return 2;
  }
  const built = await buildPlanFromFiles({ markdownPath: plan, annotationsPath: yaml });
  const coverage = built.summary.annotationCoverage;
  if (values.json) {
    console.log(JSON.stringify(coverage, null, 2));
    return 0;
  }
  for (const section of ['agencies', 'pilots'] as const) {
    const entries = coverage.filter((c) => c.section === section);
    const found = entries.filter((c) => c.foundAs !== null);
    console.log(`${section}: the extractor finds ${found.length} of the ${entries.length} the YAML declares`);
    for (const c of entries) {
      const forms = c.formsFound.length > 0 ? `; finds ${c.formsFound.join(', ')}` : '';
      console.log(
        `  ${c.foundAs ? 'found  ' : 'missing'} ${c.key} ${c.name}${c.foundAs ? ` (as ${c.foundAs}${forms})` : ''}`,
      );
    }
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ImportInputError) {
      for (const p of error.problems) console.error(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
      process.exit(1);
    }
    throw error;
  },
);
