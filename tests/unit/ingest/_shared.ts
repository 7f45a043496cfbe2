// Where the shared, read-only material lives: `../shared` beside the clone (CI), or beside the folder of
// worktrees (`/work/wt/<area>` → `/work/shared`). The tests rely on it and say so when it is missing.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

function sharedRoot(): string {
  const candidates = [path.resolve(ROOT, '../shared'), path.resolve(ROOT, '../../shared')];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'corpus')));
  if (!found) throw new Error(`the shared corpus is missing: looked in ${candidates.join(' and ')}`);
  return found;
}

export const SHARED = sharedRoot();
export const CORPUS = path.join(SHARED, 'corpus/state-council');
export const CASES = path.join(SHARED, 'cases/importer');

/** The corpus documents (README excluded), sorted by name. */
export function corpusFiles(): string[] {
  return readdirSync(CORPUS)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .sort();
}
