// The services over a small in-memory plan (through a fake repository): plan defaults, the agency matrix,
// a pilot's trace and the task rankings.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../server/src/domain/errors.ts';
import { createGraphServices } from '../../../server/src/graph/services.ts';
import { fakeGraphRepository } from '../../fixtures/graph-repository.fake.ts';
import { SMALL_PLAN, SMALL_TEXT, smallGraph, smallPlanSummary } from '../../fixtures/small-graph.ts';

const limits = { rowCap: 10, timeoutMs: 1000 };
const services = (plans = [smallPlanSummary()]) =>
  createGraphServices(fakeGraphRepository(plans, smallGraph(), SMALL_TEXT), limits);
const id = (key: string) => `${SMALL_PLAN}:${key}`;

describe('the plan a request is about', () => {
  it('defaults to the only plan', async () => {
    const stats = await services().stats(undefined);
    expect(stats.plan).toBe(SMALL_PLAN);
  });

  it('is a 404 when no plan is imported and a 400 naming the choices when several are', async () => {
    await expect(services([]).stats(undefined)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const two = [smallPlanSummary(), { ...smallPlanSummary(), id: 'other-2021' }];
    const error = await services(two)
      .stats(undefined)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'INVALID_REQUEST',
      details: { available: [SMALL_PLAN, 'other-2021'] },
    });
    expect((await services(two).stats('other-2021')).plan).toBe('other-2021');
  });
});

describe('agency matrix', () => {
  it('counts the tasks each pair shares, with their ids', async () => {
    const matrix = await services().matrix(undefined, { basis: null, domains: null });
    expect(matrix.cells).toEqual([
      { a: id('agency:finance'), b: id('agency:ndrc'), count: 2, tasks: [id('task:1'), id('task:2')] },
    ]);
    expect(matrix.agencies.map((a) => [a.id, a.taskCount])).toEqual([
      [id('agency:finance'), 2],
      [id('agency:ndrc'), 2],
      [id('agency:audit'), 1],
    ]);
  });

  it('keeps only the relationships of the asked basis', async () => {
    const matrix = await services().matrix(undefined, { basis: ['curated'], domains: null });
    expect(matrix.cells).toEqual([
      { a: id('agency:finance'), b: id('agency:ndrc'), count: 1, tasks: [id('task:2')] },
    ]);
  });

  it('keeps only the tasks of the asked domains', async () => {
    const matrix = await services().matrix(undefined, { basis: null, domains: [id('domain:2')] });
    expect(matrix.cells).toEqual([]);
    expect(matrix.agencies.map((a) => a.id)).toEqual([id('agency:audit')]);
  });
});

describe('pilot trace', () => {
  it('gathers the tasks, domains, agencies and the passages that mention the pilot', async () => {
    const trace = await services().trace(id('pilot:new-area'));
    expect(trace.tasks.map((t) => t.id)).toEqual([id('task:1')]);
    expect(trace.domains.map((d) => d.id)).toEqual([id('domain:1')]);
    expect(trace.agencies.map((a) => a.id).sort()).toEqual([id('agency:finance'), id('agency:ndrc')]);
    expect(trace.passages).toHaveLength(1);
    expect(trace.passages[0]).toMatchObject({ quote: '哈尔滨新区', before: '第一句。' });
  });

  it('refuses a node that is not a pilot with NOT_FOUND', async () => {
    await expect(services().trace(id('task:1'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(services().trace(id('pilot:missing'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('stats', () => {
  it('ranks the task that bridges agencies, a pilot and another task highest', async () => {
    const stats = await services().stats(undefined);
    expect(stats.nodes.Task).toBe(3);
    expect(stats.relationships.HAS_TASK).toBe(3);
    expect(stats.byDegree[0]).toMatchObject({ id: id('task:1'), value: 5, domain: id('domain:1') });
    expect(stats.byBetweenness[0]?.id).toBe(id('task:1'));
    expect(stats.byBetweenness[0]?.value).toBeGreaterThan(0);
  });
});

describe('graph filters and Cytoscape elements', () => {
  it('puts tasks inside their domain and drops edges to filtered-out nodes', async () => {
    const elements = await services().graph(undefined, {
      labels: ['Domain', 'Task'],
      types: null,
      domains: null,
      basis: null,
    });
    const task = elements.nodes.find((n) => n.data.id === id('task:3'));
    expect(task?.data.parent).toBe(id('domain:2'));
    expect(elements.edges.every((e) => e.data.type === 'HAS_TASK' || e.data.type === 'DEPENDS_ON')).toBe(
      true,
    );
  });
});
