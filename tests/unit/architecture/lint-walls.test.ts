// The layer walls are lint rules (biome.json `noRestrictedImports` overrides): a back-edge written into a folder
// fails `npm run check`, and the same import where it belongs passes. Every case writes a probe file into its
// folder; biome lints all probes in one run (JSON report), and the probes are removed. The layers are drawn in
// docs/architecture.md.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const biome = path.join(root, 'node_modules/.bin/biome');

const DRIVER = "import neo4j from 'neo4j-driver';\n\nexport const probe = neo4j;\n";
/** A probe that imports `x` from `specifier`. */
const importing = (specifier: string) => `import { x } from '${specifier}';\n\nexport const probe = x;\n`;

interface Probe {
  file: string;
  source: string;
}
interface Diagnostic {
  category: string;
  message: string;
  location: { path: string };
}

const probes: Probe[] = [];
/** Registers a probe; its file name is fixed now, its diagnostics are read after the one lint run. */
function probe(folder: string, source: string): string {
  const file = path.posix.join(folder, `zz-wall-probe-${process.pid}-${probes.length + 1}.ts`);
  probes.push({ file, source });
  return file;
}

let diagnostics: Diagnostic[] = [];

function lint(file: string): { ok: boolean; messages: string[] } {
  const own = diagnostics.filter((d) => d.location.path === file);
  return { ok: own.length === 0, messages: own.map((d) => `${d.category}: ${d.message}`) };
}

/** Refused by the wall, with `message` in the rule's explanation. */
function expectRefused(file: string, message: string): void {
  const result = lint(file);
  expect(result.ok, file).toBe(false);
  expect(result.messages.join('\n')).toContain('noRestrictedImports');
  expect(result.messages.join('\n')).toContain(message);
}

const driverRefused = (
  [
    ['server/src/api', 'only server/src/neo4j/ talks to the database'],
    ['server/src/graph', 'only server/src/neo4j/ talks to the database'],
    ['server/src/ledger', 'only server/src/neo4j/ talks to the database'],
    ['server/src/ingest', "writing it is server/src/neo4j/'s job"],
    ['server/src/domain', 'domain/ must not depend on the driver'],
    ['client/src', 'the client talks to the server only over HTTP'],
  ] satisfies Array<[string, string]>
).map(([folder, message]) => [folder, message, probe(folder, DRIVER)] as const);
const driverAllowed = probe('server/src/neo4j', DRIVER);

const serverRefused = (
  [
    ['server/src/ingest', '../neo4j/driver.ts', 'ingest depends on domain/ only'],
    ['server/src/graph', '../api/route.ts', 'must not depend on the API layer'],
    ['server/src/domain', '../graph/repository.ts', 'domain/ is the bottom layer'],
    ['server/src/domain', '../neo4j/driver.ts', 'domain/ is the bottom layer'],
    ['server/src/graph', '../neo4j/graph-repository.ts', 'server/src/neo4j/ implements them'],
    ['server/src/ledger', '../neo4j/ledger-stores.ts', 'server/src/neo4j/ implements them'],
    ['server/src/ledger', '../api/auth-middleware.ts', 'must not depend on the API layer'],
    ['server/src/neo4j', '../api/route.ts', 'must not depend on the API layer'],
    ['server/src/api', '../ingest/pipeline.ts', "importing is scripts/' job"],
    ['server/src/graph', '../../../client/src/types.ts', 'never imports client code'],
  ] satisfies Array<[string, string, string]>
).map(
  ([folder, specifier, message]) =>
    [folder, specifier, message, probe(folder, importing(specifier))] as const,
);

/** A probe in `folder` importing `specifier`, with both kept for the test's name. */
function probePair([folder = '', specifier = '']: string[]): readonly [string, string, string] {
  return [folder, specifier, probe(folder, importing(specifier))];
}

const serverAllowed = [
  ['server/src/neo4j', '../graph/repository.ts'],
  ['server/src/neo4j', '../ledger/stores.ts'],
  ['server/src/api', '../neo4j/ledger-stores.ts'],
  ['server/src/ledger', '../domain/ledger-types.ts'],
].map(probePair);

const clientRefused = [
  ['client/src/api', '../model/vocabulary.ts'],
  ['client/src/api', '../ui/app.ts'],
  ['client/src/model', '../graph/graph-view.ts'],
  ['client/src/graph', '../ui/controller.ts'],
  ['client/src/ui', '../views/shell.ts'],
  ['client/src/views', '../main.ts'],
].map(probePair);

const clientAllowed = [
  ['client/src/model', '../api/http.ts'],
  ['client/src/graph', '../model/i18n.ts'],
  ['client/src/views', '../ui/app.ts'],
].map(probePair);

const serverModulesRefused = [
  '../../../server/src/api/route.ts',
  '../../../server/src/neo4j/driver.ts',
  '../../../server/src/ledger/ledger-service.ts',
  '../../../server/src/domain/errors.ts',
].map((specifier) => [specifier, probe('client/src/views', importing(specifier))] as const);

const sharedAllowed = [
  'types.ts',
  'model.ts',
  'ledger-types.ts',
  'corpus.ts',
  'import-types.ts',
  'curation.ts',
].map(
  (module) => [module, probe('client/src/views', importing(`../../../server/src/domain/${module}`))] as const,
);

beforeAll(() => {
  const files = probes.map((p) => p.file);
  try {
    for (const p of probes) writeFileSync(path.join(root, p.file), p.source);
    const run = spawnSync(biome, ['lint', '--max-diagnostics=none', '--reporter=json', ...files], {
      cwd: root,
      encoding: 'utf8',
    });
    diagnostics = (JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
  } finally {
    for (const file of files) rmSync(path.join(root, file), { force: true });
  }
});

afterAll(() => {
  diagnostics = [];
});

describe('layer walls in lint', () => {
  it.each(driverRefused)('%s may not import neo4j-driver', (_folder, message, file) => {
    expectRefused(file, message);
  });

  it('server/src/neo4j/ may import neo4j-driver', () => {
    expect(lint(driverAllowed)).toMatchObject({ ok: true });
  });

  it.each(serverRefused)('server: %s may not import %s', (_folder, _specifier, message, file) => {
    expectRefused(file, message);
  });

  it.each(serverAllowed)('server: %s may import %s', (_folder, _specifier, file) => {
    expect(lint(file)).toMatchObject({ ok: true });
  });

  it.each(clientRefused)(
    'client: %s may not import %s (types ← api ← model ← graph ← ui/views ← main)',
    (_folder, _specifier, file) => {
      expectRefused(file, 'client layers');
    },
  );

  it.each(clientAllowed)('client: %s may import %s', (_folder, _specifier, file) => {
    expect(lint(file)).toMatchObject({ ok: true });
  });

  it.each(serverModulesRefused)('client code may not import server module %s', (_specifier, file) => {
    expectRefused(file, 'shared vocabulary');
  });

  it.each(sharedAllowed)(
    'client code may import the shared vocabulary server/src/domain/%s',
    (_module, file) => {
      expect(lint(file)).toMatchObject({ ok: true });
    },
  );
});
