// Documents the reader tests read (copies kept in tests/fixtures/read, see its README).
import path from 'node:path';

export const READ_FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/read');
export const fixture = (name: string) => path.join(READ_FIXTURES, name);
