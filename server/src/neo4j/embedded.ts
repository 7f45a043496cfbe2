// Builds (once, with Maven) and runs the embedded Neo4j launcher of scripts/neo4j/, so that a fresh clone
// needs no Neo4j installed by hand. Every failure a user can fix becomes one sentence saying what to do.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAUNCHER_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../scripts/neo4j',
);
const MAIN_CLASS = 'reformgraph.EmbeddedNeo4j';
const READY_PREFIX = 'NEO4J_EMBEDDED_READY ';

export class Neo4jStartupError extends Error {
  override name = 'Neo4jStartupError';
}

export interface EmbeddedOptions {
  port: number;
  dataDir: string;
  timeoutMs: number;
  heap: string;
  log?: (line: string) => void;
  /** Extra launcher settings (NEO4J_EMBEDDED_PAGECACHE_MB, NEO4J_EMBEDDED_TX_MEMORY_MB, …). */
  env?: Record<string, string>;
  /** Called when the process ends after it became ready, whoever ended it. */
  onExit?: () => void;
}

export interface EmbeddedHandle {
  uri: string;
  /** False when an instance that was already running is reused: then stop() leaves it alone. */
  startedHere: boolean;
  pid: number | null;
  stop(): Promise<void>;
  /** Ends the process at once (SIGKILL) and resolves when it is gone; for a store that can be thrown away. */
  kill(): Promise<void>;
}

function commandExists(cmd: string): boolean {
  return spawnSync(cmd, ['-version'], { stdio: 'ignore' }).error === undefined;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function launcherIsBuilt(): boolean {
  const classFile = path.join(LAUNCHER_DIR, 'target/classes/reformgraph/EmbeddedNeo4j.class');
  const libDir = path.join(LAUNCHER_DIR, 'target/lib');
  if (!existsSync(classFile) || !existsSync(libDir)) return false;
  const sources = Math.max(
    statSync(path.join(LAUNCHER_DIR, 'pom.xml')).mtimeMs,
    newestMtime(path.join(LAUNCHER_DIR, 'src')),
  );
  return statSync(classFile).mtimeMs >= sources;
}

/** Builds the launcher with Maven when it is missing or older than its sources; later runs need no network. */
export function ensureLauncherBuilt(log: (line: string) => void = () => {}): void {
  if (!commandExists('java')) {
    throw new Neo4jStartupError(
      'Java was not found: install a Java 17+ runtime (e.g. `apt-get install openjdk-17-jre-headless`) or set NEO4J_URI to an existing Neo4j server.',
    );
  }
  if (launcherIsBuilt()) return;
  if (spawnSync('mvn', ['-v'], { stdio: 'ignore' }).error !== undefined) {
    throw new Neo4jStartupError(
      'Maven was not found: install Maven (e.g. `apt-get install maven`) so the embedded Neo4j can be built once, or set NEO4J_URI to an existing Neo4j server.',
    );
  }
  log(
    'Building the embedded Neo4j launcher with Maven (first run only; downloads Neo4j from Maven Central)…',
  );
  const result = spawnSync('mvn', ['-q', '-B', 'package'], {
    cwd: LAUNCHER_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    const output = `${result.stdout?.toString() ?? ''}${result.stderr?.toString() ?? ''}`
      .trim()
      .split('\n')
      .slice(-15);
    throw new Neo4jStartupError(
      `Building the embedded Neo4j with Maven failed (run \`mvn -B package\` in scripts/neo4j to see why): ${output.join(' | ')}`,
    );
  }
}

/** Is anything accepting TCP connections on 127.0.0.1:port? */
/** A TCP port free on 127.0.0.1 right now, chosen by the system. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export function portInUse(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * Speaks the first bytes of the Bolt handshake: a Neo4j server answers with a 4-byte version, anything
 * else does not. Cheaper and more certain than opening a driver to a stranger's port.
 */
export function speaksBolt(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (value: boolean) => {
      socket.destroy();
      resolve(value);
    };
    socket.once('connect', () => {
      const handshake = Buffer.alloc(20);
      handshake.writeUInt32BE(0x6060b017, 0);
      handshake.writeUInt32BE(0x00000505, 4); // 5.5
      handshake.writeUInt32BE(0x00000404, 8); // 4.4
      socket.write(handshake);
    });
    // A Bolt server answers with exactly four bytes: 0, 0, minor, major (or all zero to refuse).
    socket.once('data', (data) =>
      done(data.length === 4 && data[0] === 0 && data[1] === 0 && (data[3] ?? 0) > 0),
    );
    socket.once('error', () => done(false));
    socket.setTimeout(3000, () => done(false));
  });
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts the launcher on 127.0.0.1:`port` with its store in `dataDir` (or reuses a Neo4j already there) and
 * resolves when it accepts queries. Throws Neo4jStartupError, saying what to do, when it cannot.
 */
export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedHandle> {
  const log = options.log ?? (() => {});
  const uri = `bolt://127.0.0.1:${options.port}`;
  if (await portInUse(options.port)) {
    if (await speaksBolt(options.port)) {
      log(`Reusing the Neo4j already running at ${uri}.`);
      return { uri, startedHere: false, pid: null, stop: async () => {}, kill: async () => {} };
    }
    throw new Neo4jStartupError(
      `Port ${options.port} is in use by a program that is not Neo4j: stop it, or set NEO4J_EMBEDDED_PORT to a free port.`,
    );
  }
  ensureLauncherBuilt(log);
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const classpath = [path.join(LAUNCHER_DIR, 'target/classes'), path.join(LAUNCHER_DIR, 'target/lib/*')].join(
    path.delimiter,
  );
  log(`Starting embedded Neo4j on ${uri} (data in ${path.relative(process.cwd(), dataDir) || dataDir})…`);
  const child = spawn('java', [`-Xmx${options.heap}`, '-XX:+UseG1GC', '-cp', classpath, MAIN_CLASS], {
    env: {
      ...process.env,
      ...options.env,
      NEO4J_EMBEDDED_PORT: String(options.port),
      NEO4J_EMBEDDED_DATA: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderrTail: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail.push(...chunk.toString().split('\n').filter(Boolean));
    stderrTail.splice(0, Math.max(0, stderrTail.length - 20));
  });

  await new Promise<void>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Neo4jStartupError(
          `Embedded Neo4j did not become ready within ${Math.round(options.timeoutMs / 1000)} s: check free memory and disk, or raise NEO4J_START_TIMEOUT_MS.`,
        ),
      );
    }, options.timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      if (buffered.includes(READY_PREFIX)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const why =
        stderrTail.find((line) => /lock|Exception|Error/.test(line)) ?? stderrTail.at(-1) ?? 'no output';
      reject(
        new Neo4jStartupError(
          `Embedded Neo4j exited during start-up (code ${code}); if another Neo4j uses ${options.dataDir}, stop it or set NEO4J_DATA_DIR: ${why}`,
        ),
      );
    });
  });
  child.removeAllListeners('exit');
  if (options.onExit) child.once('exit', options.onExit);

  return {
    uri,
    startedHere: true,
    pid: child.pid ?? null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 30_000))) child.kill('SIGKILL');
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await waitForExit(child, 10_000);
    },
  };
}
