// Every `npm run …` script that runs a file names a file that exists, so no documented command fails with
// "Cannot find module".
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const scripts = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

describe('package.json scripts', () => {
  it.each(Object.entries(scripts))('%s runs files that exist', (_name, command) => {
    const files = [...command.matchAll(/\b(?:tsx|node)\s+(\S+\.[cm]?[jt]s)\b/g)].map((m) => m[1] ?? '');
    for (const file of files) expect(existsSync(path.join(ROOT, file)), file).toBe(true);
  });

  it('has the scripts the README documents', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const documented = [...readme.matchAll(/npm run ([a-z:]+)/g)].map((m) => m[1] ?? '');
    expect(documented.length).toBeGreaterThan(3);
    for (const name of documented) expect(scripts, name).toHaveProperty(name);
  });
});
