// The API under load: autocannon with 16 connections against 1-hop and 2-hop neighbours, search, paths and a
// plan's graph, each request drawn from a fixed sample of real ids and names of the loaded corpus.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { type BenchNeo4j, freePort } from './bench-neo4j.ts';
import { Random } from './random.ts';

export type ApiRoute = 'neighbors-1hop' | 'neighbors-2hop' | 'search' | 'paths' | 'graph';

export interface ApiRow {
  nodes: number;
  route: ApiRoute;
  /** 'on' as `npm start` serves (answers replayed while the data is unchanged); 'off' reaches Neo4j each time. */
  readCache: 'on' | 'off';
  /** Null when no request completed within the measuring window. */
  p50Ms: number | null;
  p90Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  /** Status of one request sent alone before the load: a 5xx here is an error the window may not show. */
  probeStatus: number;
}

export interface ApiServer {
  url: string;
  readCache: 'on' | 'off';
  stop(): Promise<void>;
}

export async function startApiServer(
  neo: BenchNeo4j,
  clientDir: string | null,
  readCache: 'on' | 'off' = 'on',
): Promise<ApiServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join('scripts', 'bench', 'api-server.ts')],
    {
      env: {
        ...process.env,
        BENCH_NEO4J_URI: neo.uri,
        BENCH_PORT: String(port),
        BENCH_CLIENT_DIR: clientDir ?? '',
        BENCH_READ_CACHE: readCache,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the API did not start within 60 s: ${stderr}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /BENCH_API_READY (\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(`the API exited with code ${code}: ${stderr.trim().split('\n').slice(-5).join(' | ')}`),
      );
    });
  });
  child.removeAllListeners('exit');
  return {
    url,
    readCache,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

async function column(neo: BenchNeo4j, query: string): Promise<string[]> {
  const { records } = await neo.driver.executeQuery(query, {}, { database: neo.database });
  return records.map((r) => String(r.get(0)));
}

async function rows(neo: BenchNeo4j, query: string): Promise<Array<{ name: string; plan: string }>> {
  const { records } = await neo.driver.executeQuery(query, {}, { database: neo.database });
  return records.map((r) => ({ name: String(r.get('name')), plan: String(r.get('plan')) }));
}

/** Request paths per route, drawn with a fixed seed from what is stored. */
export async function requestSamples(neo: BenchNeo4j, size = 200): Promise<Record<ApiRoute, string[]>> {
  const random = new Random(42);
  const tasks = await column(neo, 'MATCH (t:Task) RETURN t.id ORDER BY t.id');
  const hubs = await column(neo, 'MATCH (n:Agency|Pilot) RETURN n.id ORDER BY n.id');
  const named = await rows(
    neo,
    'MATCH (n:Agency|Pilot|Domain) RETURN n.name AS name, n.plan AS plan ORDER BY n.id',
  );
  const plans = await column(neo, 'MATCH (p:Plan) RETURN p.id ORDER BY p.id');
  const sample = <T>(items: T[], f: (item: T) => string) =>
    Array.from({ length: size }, () => f(random.pick(items)));
  const e = encodeURIComponent;
  const centres = [...tasks, ...hubs];
  const byPlan = new Map<string, string[]>();
  for (const task of tasks) {
    const plan = task.split(':')[0] ?? '';
    byPlan.set(plan, [...(byPlan.get(plan) ?? []), task]);
  }
  const planTasks = [...byPlan.values()].filter((list) => list.length > 1);
  return {
    'neighbors-1hop': sample(centres, (id) => `/api/nodes/${e(id)}/neighbors?depth=1`),
    'neighbors-2hop': sample(centres, (id) => `/api/nodes/${e(id)}/neighbors?depth=2&limit=1000`),
    // The API asks for a plan once several are stored, as the explorer always sends one.
    search: sample(named, ({ name, plan }) => {
      const q = name.slice(0, Math.max(2, Math.ceil(name.length / 2)));
      return `/api/search?q=${e(q)}&plan=${e(plan)}`;
    }),
    paths: sample(planTasks, (list) => {
      const [a, b] = random.shuffle(list);
      return `/api/paths?from=${e(a ?? '')}&to=${e(b ?? '')}&maxLength=4&k=3`;
    }),
    graph: sample(plans, (plan) => `/api/graph?plan=${e(plan)}`),
  };
}

async function hammer(url: string, paths: string[], seconds: number) {
  let next = 0;
  return autocannon({
    url,
    connections: 16,
    duration: seconds,
    timeout: 30,
    headers: { 'accept-encoding': 'br, gzip' },
    requests: [
      {
        setupRequest: (request) => {
          next = (next + 1) % paths.length;
          return { ...request, path: paths[next] };
        },
      },
    ],
  });
}

export async function apiBench(
  neo: BenchNeo4j,
  server: ApiServer,
  nodes: number,
  seconds: number,
  log: (line: string) => void,
): Promise<ApiRow[]> {
  const samples = await requestSamples(neo);
  const rows: ApiRow[] = [];
  for (const route of Object.keys(samples) as ApiRoute[]) {
    const paths = samples[route];
    const probeStarted = performance.now();
    const probe = await fetch(`${server.url}${paths[0]}`);
    const probeBody = await probe.text();
    log(`  ${route} probe: ${probe.status} in ${(performance.now() - probeStarted).toFixed(0)} ms`);
    if (!probe.ok) log(`    ${probeBody.slice(0, 200)}`);
    await hammer(server.url, paths, Math.max(2, Math.round(seconds / 4)));
    const result = await hammer(server.url, paths, seconds);
    const done = result.requests.total > 0;
    const row: ApiRow = {
      nodes,
      route,
      readCache: server.readCache,
      p50Ms: done ? result.latency.p50 : null,
      p90Ms: done ? result.latency.p90 : null,
      p99Ms: done ? result.latency.p99 : null,
      maxMs: done ? result.latency.max : null,
      rps: result.requests.average,
      requests: result.requests.total,
      errors: result.errors,
      non2xx: result.non2xx,
      timeouts: result.timeouts,
      probeStatus: probe.status,
    };
    log(
      `  ${route} (read cache ${server.readCache}): p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ${row.rps.toFixed(0)} req/s, errors ${row.errors + row.non2xx}`,
    );
    rows.push(row);
  }
  return rows;
}
