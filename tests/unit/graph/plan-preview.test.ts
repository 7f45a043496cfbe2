// The import preview's pieces on a small hand-written plan graph: the outline follows the structure relationships
// in their order, the least confident list is sorted and cut at ten, and the diff names what a replace changes.
import { describe, expect, it } from 'vitest';
import type { NodeLabel, RelType } from '../../../server/src/domain/model.ts';
import type { PlanGraph } from '../../../server/src/domain/types.ts';
import {
  importCounts,
  leastConfident,
  outlineTree,
  planDiff,
} from '../../../server/src/graph/plan-preview.ts';

function node(id: string, label: NodeLabel, properties: Record<string, string | number> = {}) {
  return { id, labels: [label], properties: { id, plan: 'p', name: id, ...properties } };
}

function rel(type: RelType, start: string, end: string, properties: Record<string, string | number> = {}) {
  return { type, start, end, properties };
}

/** A plan with two chapters (given in reverse order), a domain with two tasks and twelve uncertain roles. */
function smallPlan(): PlanGraph {
  const agencies = Array.from({ length: 12 }, (_, i) => node(`p:agency:${i}`, 'Agency'));
  return {
    plan: { id: 'p', title: '测试规划' },
    nodes: [
      node('p', 'Plan'),
      node('p:chapter:1', 'Chapter', { number: 1, title: '总体要求' }),
      node('p:chapter:2', 'Chapter', { number: 2, title: '重点任务' }),
      node('p:domain:1', 'Domain', { number: 1, title: '放管服' }),
      node('p:task:1', 'Task', { ref: '1.1', title: '第一项任务' }),
      node('p:task:2', 'Task', { ref: '1.2', title: '第二项任务' }),
      ...agencies,
    ],
    relationships: [
      rel('HAS_CHAPTER', 'p', 'p:chapter:2', { order: 2 }),
      rel('HAS_CHAPTER', 'p', 'p:chapter:1', { order: 1 }),
      rel('HAS_DOMAIN', 'p:chapter:2', 'p:domain:1', { order: 1 }),
      rel('HAS_TASK', 'p:domain:1', 'p:task:2', { order: 2 }),
      rel('HAS_TASK', 'p:domain:1', 'p:task:1', { order: 1 }),
      ...agencies.map((agency, i) =>
        rel('INVOLVES', 'p:task:1', agency.id, { basis: 'extracted', confidence: 0.5 + i / 100 }),
      ),
    ],
  };
}

describe('the import preview', () => {
  it('counts nodes per label and relationships per type', () => {
    const counts = importCounts(smallPlan());
    expect(counts.labels).toEqual({ Plan: 1, Chapter: 2, Domain: 1, Task: 2, Agency: 12 });
    expect(counts.relationships).toEqual({ HAS_CHAPTER: 2, HAS_DOMAIN: 1, HAS_TASK: 2, INVOLVES: 12 });
    expect(counts).toMatchObject({ nodes: 18, links: 17 });
  });

  it('draws the outline in document order, tasks under their domain', () => {
    const outline = outlineTree(smallPlan());
    expect(outline.map((item) => item.title)).toEqual(['总体要求', '重点任务']);
    const domain = outline[1]?.children[0];
    expect(domain).toMatchObject({ label: 'Domain', number: '1', title: '放管服' });
    expect(domain?.children.map((task) => [task.number, task.title])).toEqual([
      ['1.1', '第一项任务'],
      ['1.2', '第二项任务'],
    ]);
  });

  it('lists the ten least confident facts, lowest first', () => {
    const facts = leastConfident(smallPlan());
    expect(facts).toHaveLength(10);
    expect(facts[0]).toMatchObject({ kind: 'INVOLVES', confidence: 0.5, name: 'p:task:1 → p:agency:0' });
    expect(facts.at(-1)?.confidence).toBeCloseTo(0.59);
  });

  it('names the nodes a replace adds, removes and changes', () => {
    const before = smallPlan().nodes;
    const after = smallPlan().nodes.filter((n) => n.id !== 'p:task:2');
    after.push(node('p:task:3', 'Task', { ref: '1.3', title: '新任务' }));
    const chapter = after.find((n) => n.id === 'p:chapter:1');
    if (chapter) chapter.properties = { ...chapter.properties, title: '总体要求和目标' };
    const diff = planDiff(before, after);
    expect(diff.added.map((n) => n.id)).toEqual(['p:task:3']);
    expect(diff.removed.map((n) => n.id)).toEqual(['p:task:2']);
    expect(diff.changed).toEqual([
      { id: 'p:chapter:1', label: 'Chapter', name: 'p:chapter:1', properties: ['title'] },
    ]);
    expect(diff.unchanged).toBe(before.length - 2);
    expect(diff.totals).toEqual({ added: 1, removed: 1, changed: 1 });
  });

  it('finds no change between a plan and itself, stored nulls and all', () => {
    const built = smallPlan().nodes.map((n) => ({ ...n, properties: { ...n.properties, nameEn: null } }));
    const diff = planDiff(smallPlan().nodes, built);
    expect(diff.totals).toEqual({ added: 0, removed: 0, changed: 0 });
  });
});
