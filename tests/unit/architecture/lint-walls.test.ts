// The layer walls are lint rules (biome.json `noRestrictedImports` overrides): a back-edge written into a folder
// fails `npm run check`, and the same import where it belongs passes. Each case writes a probe file into the
// folder, lints only that file, and removes it. The layers are drawn in docs/architecture.md.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const biome = path.join(root, 'node_modules/.bin/biome');

function lint(folder: string, source: string): { ok: boolean; output: string } {
  const file = path.join(root, folder, `zz-wall-probe-${process.pid}.ts`);
  writeFileSync(file, source);
  try {
    const run = spawnSync(biome, ['lint', '--max-diagnostics=5', file], { cwd: root, encoding: 'utf8' });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(file, { force: true });
  }
}

const DRIVER = "import neo4j from 'neo4j-driver';\n\nexport const probe = neo4j;\n";

/** A probe that imports `x` from `specifier`. */
const importing = (specifier: string) => `import { x } from '${specifier}';\n\nexport const probe = x;\n`;

describe('layer walls in lint', () => {
  it.each(['server/src/api', 'server/src/graph', 'server/src/ingest', 'server/src/domain', 'client/src'])(
    '%s may not import neo4j-driver',
    (folder) => {
      const result = lint(folder, DRIVER);
      expect(result.ok).toBe(false);
      expect(result.output).toContain('noRestrictedImports');
    },
  );

  it('server/src/neo4j/ may import neo4j-driver', () => {
    expect(lint('server/src/neo4j', DRIVER)).toMatchObject({ ok: true });
  });

  it('the importer may not reach into the database layer', () => {
    const result = lint(
      'server/src/ingest',
      "import { x } from '../neo4j/driver.ts';\n\nexport const probe = x;\n",
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('ingest depends on domain/ only');
  });

  it('graph services may not reach into the API layer', () => {
    const result = lint(
      'server/src/graph',
      "import { x } from '../api/route.ts';\n\nexport const probe = x;\n",
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain('must not depend on the API layer');
  });

  it.each([
    ['server/src/domain', '../graph/repository.ts', 'domain/ is the bottom layer'],
    ['server/src/domain', '../neo4j/driver.ts', 'domain/ is the bottom layer'],
    ['server/src/graph', '../neo4j/graph-repository.ts', 'server/src/neo4j/ implements them'],
    ['server/src/ledger', '../neo4j/ledger-stores.ts', 'server/src/neo4j/ implements them'],
    ['server/src/ledger', '../api/auth-middleware.ts', 'must not depend on the API layer'],
    ['server/src/neo4j', '../api/route.ts', 'must not depend on the API layer'],
    ['server/src/api', '../ingest/pipeline.ts', "importing is scripts/' job"],
    ['server/src/graph', '../../../client/src/types.ts', 'never imports client code'],
  ])('server: %s may not import %s', (folder, specifier, message) => {
    const result = lint(folder, importing(specifier));
    expect(result.ok).toBe(false);
    expect(result.output).toContain(message);
  });

  it.each([
    ['server/src/neo4j', '../graph/repository.ts'],
    ['server/src/neo4j', '../ledger/stores.ts'],
    ['server/src/api', '../neo4j/ledger-stores.ts'],
    ['server/src/ledger', '../domain/ledger-types.ts'],
  ])('server: %s may import %s', (folder, specifier) => {
    expect(lint(folder, importing(specifier))).toMatchObject({ ok: true });
  });

  it.each([
    ['client/src/api', '../model/vocabulary.ts'],
    ['client/src/api', '../ui/app.ts'],
    ['client/src/model', '../graph/graph-view.ts'],
    ['client/src/graph', '../ui/controller.ts'],
    ['client/src/ui', '../views/shell.ts'],
    ['client/src/views', '../main.ts'],
  ])('client: %s may not import %s (types ← api ← model ← graph ← ui/views ← main)', (folder, specifier) => {
    const result = lint(folder, importing(specifier));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('client layers');
  });

  it.each([
    ['client/src/model', '../api/http.ts'],
    ['client/src/graph', '../model/i18n.ts'],
    ['client/src/views', '../ui/app.ts'],
  ])('client: %s may import %s', (folder, specifier) => {
    expect(lint(folder, importing(specifier))).toMatchObject({ ok: true });
  });

  it.each([
    '../../../server/src/api/route.ts',
    '../../../server/src/neo4j/driver.ts',
    '../../../server/src/ledger/ledger-service.ts',
    '../../../server/src/domain/errors.ts',
  ])('client code may not import server module %s', (specifier) => {
    const result = lint('client/src/views', importing(specifier));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('shared vocabulary');
  });

  it.each(['types.ts', 'model.ts', 'ledger-types.ts'])(
    'client code may import the shared vocabulary server/src/domain/%s',
    (module) => {
      expect(lint('client/src/views', importing(`../../../server/src/domain/${module}`))).toMatchObject({
        ok: true,
      });
    },
  );
});
