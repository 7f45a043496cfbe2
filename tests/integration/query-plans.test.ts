// No label scans where an index seek was intended. The queries are not kept in one module, so this test
// collects them as they run: the seed is imported and every API route is called through a driver that
// records each query with its parameters; then each one is EXPLAINed on the same data. A query that looks a
// node up by a parameter (`id`, `plan`, a list of ids) must reach it through an index, never through
// AllNodesScan or NodeByLabelScan; AllNodesScan is refused everywhere.
import type { Driver } from 'neo4j-driver';
import { pino } from 'pino';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApiRouters } from '../../server/src/api/routers.ts';
import { createApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config/env.ts';
import { importPlan } from '../../server/src/import/plan-import.ts';
import type { Neo4jConnection } from '../../server/src/neo4j/driver.ts';
import { dbmsInfoReader } from '../../server/src/neo4j/health-queries.ts';
import { resetDatabase, testDatabase, testDriver } from './_db.ts';

const SEED_MD = 'seeds/harbin-2016-economic-reform.md';

interface Recorded {
  query: string;
  params: Record<string, unknown>;
}

type Fn = (...args: unknown[]) => unknown;

/** Forwards everything to `target`, replacing the named methods. */
function intercept<T extends object>(target: T, overrides: Record<string, Fn>): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'string' && property in overrides) return overrides[property];
      const value: unknown = Reflect.get(object, property, receiver);
      return typeof value === 'function' ? (value as Fn).bind(object) : value;
    },
  });
}

function recordingDriver(driver: Driver, seen: Recorded[]): Driver {
  const record = (query: unknown, params: unknown) => {
    const text = typeof query === 'string' ? query : String((query as { text?: string }).text ?? '');
    seen.push({ query: text, params: (params ?? {}) as Record<string, unknown> });
  };
  const recordingRun =
    (run: Fn): Fn =>
    (query, params, ...rest) => {
      record(query, params);
      return run(query, params, ...rest);
    };
  const wrapTx = <T extends { run: Fn }>(tx: T): T => intercept(tx, { run: recordingRun(tx.run.bind(tx)) });
  return intercept(driver, {
    executeQuery: (query, params, ...rest) => {
      record(query, params);
      return (driver.executeQuery as unknown as Fn)(query, params, ...rest);
    },
    session: (config) => {
      const session = (driver.session as unknown as Fn)(config) as ReturnType<Driver['session']>;
      const managed =
        (method: 'executeRead' | 'executeWrite'): Fn =>
        (work, txConfig) =>
          (session[method] as unknown as Fn)((tx: { run: Fn }) => (work as Fn)(wrapTx(tx)), txConfig);
      return intercept(session, {
        run: recordingRun(session.run.bind(session) as unknown as Fn),
        executeRead: managed('executeRead'),
        executeWrite: managed('executeWrite'),
        beginTransaction: (config) =>
          wrapTx(session.beginTransaction(config as never) as unknown as { run: Fn }),
      });
    },
  });
}

interface PlanNode {
  operatorType: string;
  arguments?: Record<string, unknown>;
  children: PlanNode[];
}

function operators(plan: PlanNode): string[] {
  return [plan.operatorType, ...plan.children.flatMap(operators)];
}

/** Queries that find nodes by a parameter: these must seek an index. */
const LOOKUP = /\{\s*(id|plan)\s*:\s*\$|\.(id|plan)\s*(=|IN)\s*\$|\bid\s+IN\s+\$/i;
/** Schema statements and the procedures the schema check calls have no plan to inspect. */
const NOT_PLANNABLE =
  /^\s*(CREATE|DROP)\s+(CONSTRAINT|INDEX|FULLTEXT|RANGE|TEXT|POINT|VECTOR)|^\s*CALL\s+db\.awaitIndexes|^\s*SHOW\s/i;

const seen: Recorded[] = [];
let planIds: { plan: string; task: string; other: string; agency: string; pilot: string };

describe('query plans of the importer and the API', () => {
  beforeAll(async () => {
    await resetDatabase();
    const driver = recordingDriver(testDriver(), seen);
    await importPlan(driver, testDatabase(), { markdownPath: SEED_MD });
    const ids = await testDriver().executeQuery(
      `MATCH (p:Plan) MATCH (t:Task {plan: p.id}) WITH p, t ORDER BY t.id
       WITH p, collect(t.id) AS tasks
       MATCH (a:Agency {plan: p.id}) WITH p, tasks, a ORDER BY a.id LIMIT 1
       MATCH (pi:Pilot {plan: p.id}) WITH p, tasks, a, pi ORDER BY pi.id LIMIT 1
       RETURN p.id AS plan, tasks[0] AS task, tasks[-1] AS other, a.id AS agency, pi.id AS pilot`,
      {},
      { database: testDatabase() },
    );
    const row = ids.records[0];
    planIds = {
      plan: row?.get('plan'),
      task: row?.get('task'),
      other: row?.get('other'),
      agency: row?.get('agency'),
      pilot: row?.get('pilot'),
    };
    const connection: Neo4jConnection = {
      driver,
      database: testDatabase(),
      uri: 'recording',
      embedded: null,
      close: async () => {},
    };
    const logger = pino({ level: 'silent' });
    const app = createApp({
      logger,
      clientDir: null,
      dbmsInfo: dbmsInfoReader(driver, testDatabase()),
      apiRouters: buildApiRouters(connection, loadConfig({}), logger),
    });
    const e = encodeURIComponent;
    const { plan, task, other, agency, pilot } = planIds;
    for (const url of [
      '/api/plans',
      `/api/plans/${e(plan)}/text`,
      `/api/graph?plan=${e(plan)}`,
      `/api/export?plan=${e(plan)}&format=json`,
      `/api/export?plan=${e(plan)}&format=graphml`,
      `/api/nodes/${e(task)}`,
      `/api/nodes/${e(agency)}/neighbors?depth=1`,
      `/api/nodes/${e(task)}/neighbors?depth=2&limit=1000`,
      `/api/paths?from=${e(task)}&to=${e(other)}&maxLength=4&k=3`,
      `/api/search?q=${e('新区')}`,
      `/api/search?q=${e('finance')}&plan=${e(plan)}`,
      `/api/search?q=hebxq`,
      `/api/agencies/matrix?plan=${e(plan)}`,
      `/api/pilots/${e(pilot)}/trace`,
      `/api/stats?plan=${e(plan)}`,
    ])
      await request(app).get(url);
  }, 240_000);

  it('collected the queries of the import and of the graph, node, path and search routes', () => {
    const texts = seen.map((s) => s.query).join('\n');
    expect(texts).toMatch(/MERGE/);
    expect(texts).toMatch(/SHORTEST/);
    expect(texts).toMatch(/CONTAINS \$lower/);
    expect(seen.filter((s) => !NOT_PLANNABLE.test(s.query)).length).toBeGreaterThan(10);
  });

  it('looks every node up by its id or plan through an index, and never scans all nodes', async () => {
    const unique = new Map<string, Recorded>();
    for (const entry of seen) if (!NOT_PLANNABLE.test(entry.query)) unique.set(entry.query, entry);
    const problems: string[] = [];
    for (const { query, params } of unique.values()) {
      const { summary } = await testDriver().executeQuery(`EXPLAIN ${query}`, params, {
        database: testDatabase(),
      });
      const ops = operators(summary.plan as unknown as PlanNode);
      const scans = ops.filter((op) => /AllNodesScan|NodeByLabelScan/.test(op));
      const all = scans.filter((op) => /AllNodesScan/.test(op));
      if (all.length > 0 || (scans.length > 0 && LOOKUP.test(query)))
        problems.push(`${scans.join(', ')} in: ${query.replace(/\s+/g, ' ').slice(0, 300)}`);
    }
    expect(problems).toEqual([]);
  });
});
