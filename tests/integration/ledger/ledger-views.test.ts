// The queries behind the ledger views: table filters and sorting, dashboard groups, what a delay blocks,
// plan checks and the mid-term review report.
import ExcelJS from 'exceljs';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase, testDriver } from '../_db.ts';
import { entryUrl, freshLedger, ledgerApp, login, PLAN, taskId } from './_ledger.ts';

async function cypher(query: string, params: Record<string, unknown> = {}) {
  return (await testDriver().executeQuery(query, params, { database: testDatabase() })).records;
}

describe('ledger views over the seed plan', () => {
  let app: Express;
  // In the seed annotation, task 1.6 (business registration) depends explicitly on 1.1 (approval reform).
  const delayed = taskId('1.1');
  const dependent = taskId('1.6');

  beforeAll(async () => {
    await freshLedger({ mei: 'editor' });
    app = ledgerApp();
    const mei = await login(app, 'mei');
    const post = (id: string, body: object) =>
      mei.agent.post(entryUrl(id)).set('X-CSRF-Token', mei.csrf).send(body).expect(201);
    await post(delayed, { baseVersion: 0, status: 'delayed', dueDate: '2018-06-30', progress: 20 });
    await post(taskId('1.2'), { baseVersion: 0, status: 'in-progress', dueDate: '2030-01-01', progress: 60 });
    await post(taskId('2.1'), { baseVersion: 0, status: 'done', dueDate: '2017-01-01', progress: 100 });
    await post(taskId('3.1'), { baseVersion: 0, status: 'in-progress', dueDate: '2018-01-01', progress: 35 });
  });

  it('filters the table by status, by overdue as of a date, and by domain', async () => {
    const byStatus = await request(app)
      .get('/api/ledger')
      .query({ plan: PLAN, status: 'in-progress,delayed' })
      .expect(200);
    expect(byStatus.body.rows.map((r: { taskId: string }) => r.taskId).sort()).toEqual(
      [delayed, taskId('1.2'), taskId('3.1')].sort(),
    );
    const overdue = await request(app)
      .get('/api/ledger')
      .query({ plan: PLAN, overdue: 'true', asOf: '2019-01-01' })
      .expect(200);
    // The done task's date passed too, but a done task is not late.
    expect(overdue.body.rows.map((r: { taskId: string }) => r.taskId).sort()).toEqual(
      [delayed, taskId('3.1')].sort(),
    );

    const domain = (
      await cypher('MATCH (d:Domain)-[:HAS_TASK]->(:Task {id: $id}) RETURN d.id AS id', { id: delayed })
    )[0]?.get('id');
    const inDomain = await cypher('MATCH (:Domain {id: $d})-[:HAS_TASK]->(t:Task) RETURN count(t) AS n', {
      d: domain,
    });
    const byDomain = await request(app).get('/api/ledger').query({ plan: PLAN, domain }).expect(200);
    expect(byDomain.body.rows).toHaveLength(inDomain[0]?.get('n'));
    expect(byDomain.body.rows.every((r: { domainId: string }) => r.domainId === domain)).toBe(true);
  });

  it('filters by agency: the responsible agency, which defaults to the task lead', async () => {
    const lead = (
      await cypher('MATCH (:Task {id: $id})-[:LED_BY]->(a:Agency) RETURN a.id AS id', { id: delayed })
    )[0]?.get('id');
    const led = await cypher('MATCH (t:Task)-[:LED_BY]->(:Agency {id: $a}) RETURN collect(t.id) AS ids', {
      a: lead,
    });
    const res = await request(app).get('/api/ledger').query({ plan: PLAN, agency: lead }).expect(200);
    expect(res.body.rows.map((r: { taskId: string }) => r.taskId).sort()).toEqual(
      [...(led[0]?.get('ids') ?? [])].sort(),
    );
  });

  it('sorts by progress, highest first, and by due date with undated tasks last', async () => {
    const res = await request(app)
      .get('/api/ledger')
      .query({ plan: PLAN, sort: 'progress', order: 'desc' })
      .expect(200);
    expect(
      res.body.rows.slice(0, 4).map((r: { current: { progress: number } }) => r.current.progress),
    ).toEqual([100, 60, 35, 20]);
    const due = await request(app).get('/api/ledger').query({ plan: PLAN, sort: 'due' }).expect(200);
    const dates = due.body.rows.map(
      (r: { current: { dueDate: string } | null }) => r.current?.dueDate ?? null,
    );
    expect(dates.slice(0, 4)).toEqual(['2017-01-01', '2018-01-01', '2018-06-30', '2030-01-01']);
    expect(dates.slice(4).every((d: string | null) => d === null)).toBe(true);
  });

  it('sums the dashboard per domain and per agency to the plan totals', async () => {
    const res = await request(app)
      .get('/api/ledger/dashboard')
      .query({ plan: PLAN, asOf: '2019-01-01' })
      .expect(200);
    const { totals, byDomain, byAgency } = res.body;
    expect(totals.total).toBe(39);
    expect(totals.counts).toEqual({ 'not-started': 35, 'in-progress': 2, done: 1, delayed: 1, suspended: 0 });
    expect(totals.overdue).toBe(2);
    expect(totals.meanProgress).toBeCloseTo((20 + 60 + 100 + 35) / 39, 1);
    for (const groups of [byDomain, byAgency]) {
      expect(groups.reduce((n: number, g: { total: number }) => n + g.total, 0)).toBe(39);
      expect(groups.reduce((n: number, g: { counts: { delayed: number } }) => n + g.counts.delayed, 0)).toBe(
        1,
      );
    }
    expect(byDomain).toHaveLength(8);
  });

  it('lists what a delayed task blocks along explicit dependencies, and stops at done tasks', async () => {
    const res = await request(app).get('/api/ledger/blocked').query({ plan: PLAN }).expect(200);
    expect(res.body.items).toHaveLength(1);
    const [item] = res.body.items;
    expect(item.delayed.taskId).toBe(delayed);
    const direct = item.blocked.find((b: { taskId: string }) => b.taskId === dependent);
    expect(direct).toMatchObject({ depth: 1, path: [dependent, delayed] });
    // Everything listed really depends on the delayed task, step by step along its path.
    for (const blocked of item.blocked) {
      for (let i = 0; i < blocked.path.length - 1; i += 1) {
        const edge = await cypher(
          "MATCH (:Task {id: $a})-[r:DEPENDS_ON {kind: 'explicit'}]->(:Task {id: $b}) RETURN count(r) AS n",
          { a: blocked.path[i], b: blocked.path[i + 1] },
        );
        expect(edge[0]?.get('n'), blocked.path.join(' → ')).toBeGreaterThan(0);
      }
    }
    const mei = await login(app, 'mei');
    await mei.agent
      .post(entryUrl(dependent))
      .set('X-CSRF-Token', mei.csrf)
      .send({ baseVersion: 0, status: 'done' })
      .expect(201);
    const after = await request(app).get('/api/ledger/blocked').query({ plan: PLAN }).expect(200);
    expect(after.body.items[0].blocked.map((b: { taskId: string }) => b.taskId)).not.toContain(dependent);
  });

  it('runs the plan checks: targets without a year, unmentioned pilots, tasks without a lead, explicit cycles', async () => {
    const seed = await request(app).get('/api/checks').query({ plan: PLAN }).expect(200);
    expect(seed.body.tasksWithoutLead).toEqual([]);
    const yearless = await cypher(
      'MATCH (t:Target {plan: $plan}) WHERE t.year IS NULL RETURN count(t) AS n',
      { plan: PLAN },
    );
    expect(seed.body.targetsWithoutYear).toHaveLength(yearless[0]?.get('n'));
    // Every reported cycle is closed and each of its steps is an explicit dependency in the graph.
    for (const { tasks } of seed.body.dependencyCycles) {
      expect(tasks[0]).toBe(tasks[tasks.length - 1]);
      for (let i = 0; i < tasks.length - 1; i += 1) {
        const edge = await cypher(
          "MATCH (:Task {id: $a})-[r:DEPENDS_ON {kind: 'explicit'}]->(:Task {id: $b}) RETURN count(r) AS n",
          { a: tasks[i], b: tasks[i + 1] },
        );
        expect(edge[0]?.get('n'), tasks.join(' → ')).toBeGreaterThan(0);
      }
    }

    // Make the plan worse, directly in the graph: a new two-task cycle, a lone pilot, a task without its lead.
    const [x, y] = [taskId('7.1'), taskId('7.2')];
    await cypher(
      `MATCH (a:Task {id: $x}), (b:Task {id: $y})
       CREATE (a)-[:DEPENDS_ON {kind: 'explicit'}]->(b), (b)-[:DEPENDS_ON {kind: 'explicit'}]->(a)
       CREATE (:Pilot:PlanData {id: $pilot, plan: $plan, name: '无人提及的试点'})
       WITH 1 AS _ MATCH (:Task {id: $c})-[r:LED_BY]->() DELETE r`,
      { x, y, c: taskId('8.1'), pilot: `${PLAN}:pilot:lonely`, plan: PLAN },
    );
    const res = await request(app).get('/api/checks').query({ plan: PLAN }).expect(200);
    expect(res.body.dependencyCycles).toHaveLength(seed.body.dependencyCycles.length + 1);
    expect(res.body.dependencyCycles).toContainEqual({ tasks: [x, y, x] });
    expect(res.body.unmentionedPilots.map((p: { id: string }) => p.id)).toContain(`${PLAN}:pilot:lonely`);
    expect(res.body.tasksWithoutLead.map((t: { id: string }) => t.id)).toEqual([taskId('8.1')]);
  });

  it('answers 404 for a plan that is not imported', async () => {
    const res = await request(app).get('/api/ledger').query({ plan: 'no-such-plan' }).expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('renders the mid-term review as a printable page and as a workbook', async () => {
    const html = await request(app)
      .get('/api/ledger/review')
      .query({ plan: PLAN, asOf: '2019-01-01' })
      .expect(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    const name = (await cypher('MATCH (t:Task {id: $id}) RETURN t.name AS n', { id: delayed }))[0]?.get('n');
    expect(html.text).toContain(name);
    expect(html.text).toContain('@media print');
    expect(html.text).not.toContain('<script');

    const xlsx = await request(app)
      .get('/api/ledger/review')
      .query({ plan: PLAN, format: 'xlsx' })
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '概览 Summary',
      '按领域 By domain',
      '按单位 By agency',
      '任务 Tasks',
      '受阻 Blocked',
      '检查 Checks',
    ]);
    expect(workbook.getWorksheet('任务 Tasks')?.rowCount).toBe(40);
  });
});
