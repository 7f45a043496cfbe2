// The layer walls are lint rules (biome.json `noRestrictedImports` overrides): a back-edge written into a folder
// fails `npm run check`, and the same import where it belongs passes. Each case writes a probe file into the
// folder, lints only that file, and removes it.
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
});
