// The Cypher console cannot read accounts, sessions, audit events or other sessions' queries: a corpus of bypass
// attempts, sent anonymously and by a viewer, an editor and an admin with live sessions stored, is refused, and
// no answer carries a password hash, a session token or its hash, a CSRF token, an IP address or a query
// another session ran. Plan-data queries keep working. The console runs in its replica (plan data only), as the
// server runs it; the plan guard is tested as the second wall it is there.
import { randomUUID } from 'node:crypto';
import type express from 'express';
import pino from 'pino';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { ledgerApiRouters } from '../../../server/src/api/ledger-routers.ts';
import { createApiRouters } from '../../../server/src/api/routers.ts';
import { createApp } from '../../../server/src/app.ts';
import type { Role } from '../../../server/src/domain/ledger-types.ts';
import type { CypherResponse } from '../../../server/src/domain/types.ts';
import { AuthService } from '../../../server/src/ledger/auth-service.ts';
import { neo4jGraphRepository } from '../../../server/src/neo4j/graph-repository.ts';
import { dbmsInfoReader } from '../../../server/src/neo4j/health-queries.ts';
import { ensureLedgerSchema } from '../../../server/src/neo4j/ledger-schema.ts';
import { createLedgerStores } from '../../../server/src/neo4j/ledger-stores.ts';
import { testDatabase, testDriver } from '../_db.ts';
import { testConsoleReplica } from './_console-replica.ts';
import { column, importSeed } from './_seeded-app.ts';

const PASSWORD = 'correct horse battery staple';
const ROLES: Role[] = ['viewer', 'editor', 'admin'];
const CANARY = `canary-${randomUUID()}`;

/** Bypass attempts: each would, if run, return or test a secret (or act on other sessions). */
const CORPUS: Array<[string, string]> = [
  ['accounts by label', 'MATCH (a:Account) RETURN a.username, a.passwordHash'],
  ['whole account nodes', 'MATCH (a:Account) RETURN a'],
  ['sessions by label', 'MATCH (s:Session) RETURN s'],
  ['audit events by label', 'MATCH (e:AuditEvent) RETURN e.ip, e.actor'],
  ['a label predicate in WHERE', 'MATCH (n) WHERE n:Account RETURN n.passwordHash'],
  ['the whole store', 'MATCH (n) RETURN n'],
  ['properties() of every node', 'MATCH (n) RETURN properties(n)'],
  ['dynamic property access', 'MATCH (n) RETURN n[$k] AS v'],
  ['keys() then dynamic access', 'MATCH (n) UNWIND keys(n) AS k RETURN k, n[k]'],
  ['a negated label', 'MATCH (n:!Plan) RETURN n'],
  ['the any-label wildcard', 'MATCH (n:%) RETURN properties(n)'],
  ['a doubly negated label', 'MATCH (n:!PlanData&!Plan) RETURN n'],
  ['a label union', 'MATCH (n:Task|Account) RETURN n'],
  ['a dynamic label', 'MATCH (n:$($l)) RETURN n'],
  ['labels() membership', "MATCH (n) WHERE 'Account' IN labels(n) RETURN n.passwordHash"],
  [
    'labels() prefix test',
    "MATCH (n) WHERE any(l IN labels(n) WHERE l STARTS WITH 'Sess') RETURN properties(n)",
  ],
  ['a label conjunction hiding a negation', 'MATCH (n:Session&!Plan) RETURN n'],
  ['OPTIONAL MATCH beside plan data', 'MATCH (t:Task) OPTIONAL MATCH (s:Session) RETURN s.csrfToken'],
  [
    'a CALL subquery',
    'MATCH (t:Task) WITH t LIMIT 1 CALL (t) { MATCH (a:Account) RETURN a.passwordHash AS h } RETURN h',
  ],
  ['a COLLECT subquery', 'RETURN COLLECT { MATCH (a:Account) RETURN a.passwordHash } AS hashes'],
  [
    'a COUNT subquery as an oracle',
    "RETURN COUNT { MATCH (a:Account) WHERE a.passwordHash STARTS WITH '$' } AS n",
  ],
  [
    'an EXISTS subquery as an oracle',
    'MATCH (t:Task) WHERE EXISTS { MATCH (s:Session) WHERE s.csrfToken IS NOT NULL } RETURN count(t)',
  ],
  ['UNION', 'MATCH (t:Task) RETURN t.id AS x UNION MATCH (a:Account) RETURN a.passwordHash AS x'],
  ['UNION ALL', 'MATCH (t:Task) RETURN t.id AS x UNION ALL MATCH (s:Session) RETURN s.tokenHash AS x'],
  ['a WITH chain', 'MATCH (t:Task) WITH t LIMIT 1 MATCH (a:Account) WITH a RETURN a.passwordHash'],
  ['a pattern comprehension', 'MATCH (t:Task) RETURN [(t)<--(e) | properties(e)] AS xs'],
  [
    'a pattern comprehension two hops out',
    'MATCH (t:Task) RETURN [(t)<-[:RECORDS]-(e)-[*]-(x) | properties(x)] AS xs',
  ],
  [
    'a list comprehension over collected nodes',
    'RETURN [x IN COLLECT { MATCH (s:Session) RETURN s } | x.csrfToken] AS xs',
  ],
  ['startNode() of an untyped relationship', 'MATCH (t:Task)<-[r]-(e) RETURN startNode(r), properties(e)'],
  [
    'a variable-length walk from the ledger',
    'MATCH (t:Task)<-[:RECORDS]-(e)-[*1..5]-(x) RETURN properties(x)',
  ],
  ['a type union with a non-plan type', 'MATCH (t:Task)-[:LED_BY|RECORDS]-(x) RETURN properties(x)'],
  ['a negated relationship type', 'MATCH (t:Task)-[:!LED_BY]-(x) RETURN properties(x)'],
  ['the any-type wildcard', 'MATCH (t:Task)-[:%]-(x) RETURN x'],
  [
    'startNode()/endNode() of account links',
    'MATCH ()-[r:OF_ACCOUNT]->() RETURN startNode(r).csrfToken, endNode(r).passwordHash',
  ],
  ['every relationship', 'MATCH ()-[r]->() RETURN startNode(r), endNode(r)'],
  ['paths out of plan data', 'MATCH p = (:Task)-[*]-(x) RETURN nodes(p) LIMIT 50'],
  ['shortestPath to an account', 'MATCH p = shortestPath((t:Task)-[*]-(a:Account)) RETURN p'],
  [
    'allShortestPaths over the store',
    'MATCH (a), (b) MATCH p = allShortestPaths((a)-[*]-(b)) RETURN nodes(p)',
  ],
  ['SHORTEST to a session', 'MATCH p = SHORTEST 1 (t:Task)-[]-+(s:Session) RETURN p'],
  ['elementId lookups', 'MATCH (n) WHERE elementId(n) IN $ids RETURN properties(n)'],
  ['elementId beside plan data', 'MATCH (t:Task) WITH t LIMIT 1 MATCH (x) WHERE elementId(x) = $id RETURN x'],
  ['id() sweeps', 'MATCH (n) WHERE id(n) IN range(0, 5000) RETURN properties(n)'],
  ['counting accounts', 'MATCH (a:Account) RETURN count(a)'],
  ['counting untyped degree', 'MATCH (t:Task) RETURN t.id, COUNT { (t)<--() } AS n'],
  [
    'db.labels joined back to nodes',
    'CALL db.labels() YIELD label MATCH (n) WHERE label IN labels(n) RETURN properties(n)',
  ],
  ['query statistics', "CALL db.stats.retrieve('QUERIES')"],
  ['anonymised query statistics', "CALL db.stats.retrieveAllAnonymized('x')"],
  ['stopping statistics', "CALL db.stats.stop('QUERIES')"],
  ['clearing statistics', "CALL db.stats.clear('QUERIES')"],
  ['replanning', 'CALL db.prepareForReplanning()'],
  ['index resampling', 'CALL db.resampleOutdatedIndexes()'],
  ['database info', 'CALL db.info()'],
  ['schema properties', 'CALL db.schema.nodeTypeProperties()'],
  ['full-text search', "CALL db.index.fulltext.queryNodes('reformSearch', 'x') YIELD node RETURN node"],
  ['connections', 'CALL dbms.listConnections()'],
  ['apoc if present', "CALL apoc.cypher.run('MATCH (a:Account) RETURN a', {}) YIELD value RETURN value"],
  ['SHOW INDEXES', 'SHOW INDEXES'],
  ['SHOW CONSTRAINTS', 'SHOW CONSTRAINTS'],
  ['SHOW TRANSACTIONS', 'SHOW TRANSACTIONS'],
  ['SHOW PROCEDURES', 'SHOW PROCEDURES'],
  ['SHOW SETTINGS', 'SHOW SETTINGS'],
  ['SHOW DATABASES', 'SHOW DATABASES'],
  ['SHOW USERS', 'SHOW USERS'],
  ['batched subquery', 'CALL () { MATCH (a:Account) RETURN a } IN TRANSACTIONS RETURN a.passwordHash'],
  ['LOAD CSV', "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l"],
  ['PROFILE', 'PROFILE MATCH (a:Account) RETURN a.passwordHash'],
  ['a planner option', 'CYPHER runtime=slotted MATCH (a:Account) RETURN a.passwordHash'],
  ['ledger entries and their links', 'MATCH (e:LedgerEntry)-[*]-(x) RETURN properties(x)'],
  ['a property-existence sweep', 'MATCH (n) WHERE n.csrfToken IS NOT NULL RETURN n.csrfToken'],
  ['audit addresses by UNION', 'MATCH (t:Task) RETURN t.id AS x UNION MATCH (e:AuditEvent) RETURN e.ip AS x'],
];

let app: express.Express;
const replica = testConsoleReplica();
const secrets: string[] = [];
let accountIds: string[] = [];
let sessionId = '';
const agents: Array<{ who: string; agent: ReturnType<typeof request.agent> }> = [];

async function read<T>(cypher: string): Promise<T[]> {
  const { records } = await testDriver().executeQuery(cypher, {}, { database: testDatabase() });
  return records.map((record) => record.get(0) as T);
}

beforeAll(async () => {
  await importSeed();
  await ensureLedgerSchema(testDriver(), testDatabase());
  const auth = new AuthService(createLedgerStores({ driver: testDriver(), database: testDatabase() }));
  for (const role of ROLES) await auth.createAccount(null, `user-${role}`, role, PASSWORD);
  const driver = testDriver();
  const database = testDatabase();
  await replica.ready();
  app = createApp({
    logger: pino({ level: 'silent' }),
    clientDir: null,
    dbmsInfo: dbmsInfoReader(driver, database),
    apiRouters: [
      ...createApiRouters(neo4jGraphRepository(driver, database, replica), {
        cypher: { rowCap: 1000, timeoutMs: 5_000 },
        rateLimits: { searchPerMinute: 10_000, cypherPerMinute: 10_000 },
      }),
      ...ledgerApiRouters({ stores: createLedgerStores({ driver, database }) }),
    ],
  });
  agents.push({ who: 'anonymous', agent: request.agent(app) });
  for (const role of ROLES) {
    const agent = request.agent(app);
    const res = await agent.post('/api/auth/login').send({ username: `user-${role}`, password: PASSWORD });
    expect(res.status).toBe(200);
    secrets.push(res.body.csrfToken);
    for (const cookie of [res.headers['set-cookie'] ?? []].flat()) {
      const token = /^[^=]+=([^;]+)/.exec(cookie)?.[1];
      if (token) secrets.push(decodeURIComponent(token));
    }
    agents.push({ who: role, agent });
  }
  secrets.push(
    ...(await read<string>('MATCH (a:Account) RETURN a.passwordHash')),
    ...(await read<string>('MATCH (s:Session) RETURN s.tokenHash')),
    ...(await read<string>('MATCH (s:Session) RETURN s.csrfToken')),
    ...(await read<string | null>('MATCH (n) WHERE n:Session OR n:AuditEvent RETURN DISTINCT n.ip')).filter(
      (ip): ip is string => typeof ip === 'string',
    ),
  );
  accountIds = await read<string>('MATCH (n) WHERE n:Account OR n:Session RETURN elementId(n)');
  sessionId = (await read<string>('MATCH (s:Session) RETURN elementId(s) LIMIT 1'))[0] ?? '';
  // Another session's query, for db.stats and SHOW TRANSACTIONS to reveal if they ran.
  await driver.executeQuery("CALL db.stats.collect('QUERIES')", {}, { database });
  await driver.executeQuery(`MATCH (t:Task) WHERE t.name = '${CANARY}' RETURN t`, {}, { database });
  secrets.push(CANARY);
});

describe('POST /api/cypher keeps secrets out of reach', () => {
  it('has secrets to protect: hashes, tokens, CSRF tokens and addresses are stored', () => {
    expect(secrets.filter((s) => s.startsWith('$argon2id$'))).toHaveLength(3);
    expect(secrets.length).toBeGreaterThanOrEqual(3 + 3 + 3 + 3 + 1);
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CORPUS)(
    'refuses %s for anyone, anonymous or logged in, and leaks nothing',
    async (_what, query) => {
      for (const { who, agent } of agents) {
        const res = await agent
          .post('/api/cypher')
          .send({ query, params: { k: 'passwordHash', l: 'Account', ids: accountIds, id: sessionId } });
        const body = JSON.stringify(res.body);
        for (const secret of secrets) expect(body, `${who}: ${query}`).not.toContain(secret);
        expect(res.status, `${who}: ${query} → ${body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${who}: ${query}`).toBeLessThan(500);
      }
    },
  );

  it('left the statistics collection running (db.stats.stop and clear did not run)', async () => {
    const sections = await testDriver().executeQuery(
      "CALL db.stats.status() YIELD section, status WHERE section = 'QUERIES' RETURN status",
      {},
      { database: testDatabase() },
    );
    expect(sections.records[0]?.get('status')).toBe('collecting');
  });
});

describe('POST /api/cypher still answers plan-data questions', () => {
  it.each([
    ['who leads which task', 'MATCH (t:Task)-[:LED_BY]->(a:Agency) RETURN t.id AS task, a.name AS agency'],
    [
      'agencies that co-lead, aggregated',
      'MATCH (a:Agency)<-[:LED_BY]-(t:Task)-[:INVOLVES]->(b:Agency) RETURN a.name, b.name, count(t) AS n ORDER BY n DESC LIMIT 10',
    ],
    ['paths among tasks', 'MATCH p = (a:Task)-[:DEPENDS_ON*1..2]-(b:Task) RETURN p LIMIT 5'],
    ['a node with all its properties', 'MATCH (p:Pilot) RETURN properties(p), keys(p), labels(p) LIMIT 3'],
    [
      'a count subquery over plan types',
      'MATCH (t:Task) RETURN t.id, COUNT { (t)-[:LED_BY]->() } AS leads LIMIT 5',
    ],
    ['the plan node', 'MATCH (p:Plan) RETURN p.title'],
    ['plan data by its common label', "MATCH (n:PlanData {plan: 'harbin-2016'}) RETURN count(n) AS n"],
    ['the labels in use', 'CALL db.labels() YIELD label RETURN label'],
  ])('answers %s', async (_what, query) => {
    const res = await request(app).post('/api/cypher').send({ query });
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect((res.body as CypherResponse).rows.length).toBeGreaterThan(0);
  });

  it('counts the same plan data the database holds', async () => {
    const res = await request(app)
      .post('/api/cypher')
      .send({ query: 'MATCH (:Task)-[r:LED_BY]->(:Agency) RETURN count(r) AS n' })
      .expect(200);
    const stored = await column<number>('MATCH (:Task)-[r:LED_BY]->(:Agency) RETURN count(r)');
    expect((res.body as CypherResponse).rows[0]?.n).toBe(stored[0]);
  });
});
