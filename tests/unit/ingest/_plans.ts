// Paths of the plans the importer tests read, and the seed's annotation: the real one once it exists,
// else the small test annotation that names the pilots the tests trace.
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const SEED_MD = path.join(ROOT, 'seeds/harbin-2016-economic-reform.md');
const SEED_YAML = path.join(ROOT, 'seeds/harbin-2016-economic-reform.yaml');
export const FIXTURES = path.join(ROOT, 'tests/fixtures/plans');
export const SEED_MINIMAL_YAML = path.join(FIXTURES, 'harbin-seed-minimal.yaml');
export const SECOND_MD = path.join(FIXTURES, 'jiangbei-2021-innovation.md');
export const SECOND_YAML = path.join(FIXTURES, 'jiangbei-2021-innovation.yaml');

export function seedAnnotationPath(): string {
  return existsSync(SEED_YAML) ? SEED_YAML : SEED_MINIMAL_YAML;
}
