// Three projects: unit (no I/O), integration (real Neo4j from a global setup, one file at a time because
// Community Neo4j has a single user database), e2e (built client + real server + headless Chromium).
import { defineConfig } from 'vitest/config';

const exclude = ['**/node_modules/**', '**/_*.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude, environment: 'node' },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude,
          globalSetup: ['tests/integration/_global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude,
          globalSetup: ['tests/e2e/_global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
