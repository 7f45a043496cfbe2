// Runs the import CLI as a user would, against the integration tests' database.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment a CLI needs to reach the integration tests' database rather than the user's. */
export function testDatabaseEnv(): Record<string, string> {
  return {
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_USERNAME: inject('neo4jUser'),
    NEO4J_PASSWORD: inject('neo4jPassword'),
    NEO4J_DATABASE: inject('neo4jDatabase'),
  };
}

export function runImportCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/import.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...testDatabaseEnv(), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
