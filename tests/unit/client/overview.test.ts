// The domain overview a reader sees first: per domain its tasks, agencies and pilots; per pair of domains what
// they share; an open domain drawn in full. Expected values are counted by hand from the small plan below.
import { describe, expect, it } from 'vitest';
import { countsText, linkText } from '../../../client/src/graph/overview-messages.ts';
import { domainCounts, domainLevel, domainLinks } from '../../../client/src/model/overview.ts';
import type { CyEdgeData, CyNodeData, NodeLabel, RelType } from '../../../client/src/types.ts';

const node = (id: string, label: NodeLabel, parent: string | null = null): CyNodeData => ({
  id,
  label,
  labels: [label],
  name: id,
  nameEn: null,
  parent,
});
const edge = (source: string, type: RelType, target: string): CyEdgeData => ({
  id: `${source}|${type}|${target}`,
  source,
  target,
  type,
});

/**
 * Domains A (tasks a1, a2), B (b1) and C (c1). Agency X leads a1 and joins b1 and c1 (three domains); agency Y
 * joins a2 only; pilot P carries a1 and b1; b1 depends on a2, and a1 on a2 (inside A). Agency Z touches no task.
 */
function plan() {
  const nodes = [
    node('A', 'Domain'),
    node('B', 'Domain'),
    node('C', 'Domain'),
    node('a1', 'Task', 'A'),
    node('a2', 'Task', 'A'),
    node('b1', 'Task', 'B'),
    node('c1', 'Task', 'C'),
    node('X', 'Agency'),
    node('Y', 'Agency'),
    node('Z', 'Agency'),
    node('P', 'Pilot'),
  ];
  const edges = [
    edge('a1', 'LED_BY', 'X'),
    edge('b1', 'INVOLVES', 'X'),
    edge('c1', 'INVOLVES', 'X'),
    edge('a2', 'INVOLVES', 'Y'),
    edge('a1', 'PILOTED_IN', 'P'),
    edge('b1', 'PILOTED_IN', 'P'),
    edge('b1', 'DEPENDS_ON', 'a2'),
    edge('a1', 'DEPENDS_ON', 'a2'),
  ];
  return {
    nodes: new Map(nodes.map((n) => [n.id, n])),
    edges: new Map(edges.map((e) => [e.id, e])),
    visible: { nodes: new Set(nodes.map((n) => n.id)), edges: new Set(edges.map((e) => e.id)) },
  };
}

describe('the domain overview', () => {
  it('counts each domain’s tasks, and an agency serving several domains once in each of them', () => {
    const counts = domainCounts({ ...plan(), open: new Set() });
    expect(Object.fromEntries(counts)).toEqual({
      A: { tasks: 2, agencies: 2, pilots: 1 },
      B: { tasks: 1, agencies: 1, pilots: 1 },
      C: { tasks: 1, agencies: 1, pilots: 0 },
    });
  });

  it('links each pair of domains with the dependencies, agencies and pilots they share', () => {
    const links = domainLinks({ ...plan(), open: new Set() });
    const byPair = Object.fromEntries(
      links.map((l) => [`${l.source}-${l.target}`, [l.dependencies, l.agencies, l.pilots]]),
    );
    // A–B: b1→a2, X, P. A–C: X. B–C: X. The dependency inside A links nothing.
    expect(byPair).toEqual({ 'A-B': [1, 1, 1], 'A-C': [0, 1, 0], 'B-C': [0, 1, 0] });
  });

  it('draws only the domains at first, and an open domain’s tasks with the agencies and pilots they reach', () => {
    const closed = domainLevel({ ...plan(), open: new Set() });
    expect(closed.nodes.map((n) => n.id).sort()).toEqual(['A', 'B', 'C']);
    expect(closed.nodes.every((n) => n.lod === 'closed')).toBe(true);
    expect(closed.edges).toEqual([]);
    expect(closed.links).toHaveLength(3);

    const open = domainLevel({ ...plan(), open: new Set(['A']) });
    expect(open.nodes.map((n) => n.id).sort()).toEqual(['A', 'B', 'C', 'P', 'X', 'Y', 'a1', 'a2']);
    expect(open.nodes.find((n) => n.id === 'A')?.lod).toBeUndefined();
    expect(open.nodes.find((n) => n.id === 'B')?.lod).toBe('closed');
    expect(open.edges.map((e) => e.id).sort()).toEqual([
      'a1|DEPENDS_ON|a2',
      'a1|LED_BY|X',
      'a1|PILOTED_IN|P',
      'a2|INVOLVES|Y',
    ]);
    // Links to closed domains stay: A–B and A–C (and B–C).
    expect(open.links.map((l) => `${l.source}-${l.target}`)).toEqual(['A-B', 'A-C', 'B-C']);
  });

  it('follows the filters: without INVOLVES, the agencies that only join are not counted', () => {
    const input = { ...plan(), open: new Set<string>() };
    for (const id of [...input.visible.edges]) if (id.includes('INVOLVES')) input.visible.edges.delete(id);
    expect(domainCounts(input).get('C')).toEqual({ tasks: 1, agencies: 0, pilots: 0 });
    expect(domainLinks(input).map((l) => `${l.source}-${l.target}`)).toEqual(['A-B']);
  });

  it('says the counts in the page language, leaving out what two domains do not share', () => {
    expect(countsText({ tasks: 12, agencies: 1, pilots: 3 }, 'en')).toBe('12 tasks · 1 agency · 3 pilots');
    expect(countsText({ tasks: 12, agencies: 9, pilots: 3 }, 'zh')).toBe('12项任务 · 9个部门 · 3个试点');
    expect(linkText({ dependencies: 0, agencies: 5, pilots: 1 }, 'zh')).toBe('共同部门 5 · 共同试点 1');
    expect(linkText({ dependencies: 2, agencies: 0, pilots: 0 }, 'en')).toBe('2 dependencies');
  });
});
