import { describe, expect, it } from 'vitest';
import {
  BASE_FRAGMENT,
  ElementStore,
  expansionFragment,
  filterCounts,
  loadedSet,
  visibleSet,
} from '../../../client/src/model/element-store.ts';
import * as act from '../../../client/src/model/view-state.ts';
import { DEFAULT_VIEW } from '../../../client/src/model/view-state.ts';
import type { CyEdgeData, CyElements, CyNodeData, NodeLabel, RelType } from '../../../client/src/types.ts';

function node(id: string, label: NodeLabel, parent: string | null = null): { data: CyNodeData } {
  return { data: { id, label, labels: [label], name: id, nameEn: null, parent } };
}
function edge(
  source: string,
  type: RelType,
  target: string,
  extra: Partial<CyEdgeData> = {},
): { data: CyEdgeData } {
  return { data: { id: `${source}|${type}|${target}`, source, target, type, ...extra } };
}

/** Two domains with two tasks each, a pilot and an agency, one dependency; task t1's expansion adds a measure. */
function smallGraph(): ElementStore {
  const store = new ElementStore();
  const base: CyElements = {
    nodes: [
      node('d1', 'Domain'),
      node('d2', 'Domain'),
      node('t1', 'Task', 'd1'),
      node('t2', 'Task', 'd1'),
      node('t3', 'Task', 'd2'),
      node('p1', 'Pilot'),
      node('a1', 'Agency'),
    ],
    edges: [
      edge('t1', 'DEPENDS_ON', 't3', { basis: 'text', weight: 1 }),
      edge('t2', 'DEPENDS_ON', 't3', { basis: 'inferred', weight: 0.4 }),
      edge('t1', 'PILOTED_IN', 'p1', { basis: 'text' }),
      edge('t3', 'LED_BY', 'a1', { basis: 'curated' }),
    ],
  };
  store.put(BASE_FRAGMENT, base);
  store.put(expansionFragment('t1'), {
    nodes: [node('t1', 'Task', 'd1'), node('m1', 'Measure')],
    edges: [edge('t1', 'HAS_MEASURE', 'm1'), edge('t1', 'MENTIONS', 'a1')],
  });
  return store;
}

const sorted = (set: Set<string>) => [...set].sort();

describe('what the view draws', () => {
  it('draws the overview alone by default', () => {
    const visible = visibleSet(smallGraph(), DEFAULT_VIEW);
    expect(sorted(visible.nodes)).toEqual(['a1', 'd1', 'd2', 'p1', 't1', 't2', 't3']);
    expect(visible.edges.size).toBe(4);
  });

  it('adds an expansion and takes exactly it away again', () => {
    const store = smallGraph();
    const before = visibleSet(store, DEFAULT_VIEW);
    const expanded = visibleSet(store, act.expand(DEFAULT_VIEW, 't1'));
    expect(expanded.nodes.has('m1')).toBe(true);
    expect(expanded.edges.has('t1|MENTIONS|a1')).toBe(true);
    const collapsed = visibleSet(store, act.collapse(act.expand(DEFAULT_VIEW, 't1'), 't1'));
    expect(sorted(collapsed.nodes)).toEqual(sorted(before.nodes));
    expect(sorted(collapsed.edges)).toEqual(sorted(before.edges));
  });

  it('hides a label with every edge that touched it', () => {
    const visible = visibleSet(smallGraph(), act.toggleLabel(DEFAULT_VIEW, 'Agency', true));
    expect(visible.nodes.has('a1')).toBe(false);
    expect(visible.edges.has('t3|LED_BY|a1')).toBe(false);
  });

  it('hides a domain together with its tasks', () => {
    const view = act.setFilters(act.toggleDomain(DEFAULT_VIEW, 'd1', true), { showIsolated: true });
    expect(sorted(visibleSet(smallGraph(), view).nodes)).toEqual(['a1', 'd2', 'p1', 't3']);
  });

  it('leaves out nodes no drawn edge touches unless asked, but keeps domains and their tasks', () => {
    const store = smallGraph();
    const view = act.toggleDomain(DEFAULT_VIEW, 'd1', true);
    expect(sorted(visibleSet(store, view).nodes)).toEqual(['a1', 'd2', 't3']);
    const noEdges = act.setFilters(DEFAULT_VIEW, { hiddenTypes: ['DEPENDS_ON', 'PILOTED_IN', 'LED_BY'] });
    expect(sorted(visibleSet(store, noEdges).nodes)).toEqual(['d1', 'd2', 't1', 't2', 't3']);
  });

  it('filters edges by type, basis and minimum weight', () => {
    const store = smallGraph();
    expect(visibleSet(store, act.toggleType(DEFAULT_VIEW, 'DEPENDS_ON', true)).edges.size).toBe(2);
    expect(visibleSet(store, act.toggleBasis(DEFAULT_VIEW, 'curated', true)).edges.has('t3|LED_BY|a1')).toBe(
      false,
    );
    const heavy = visibleSet(store, act.setFilters(DEFAULT_VIEW, { minWeight: 0.5 }));
    expect(heavy.edges.has('t2|DEPENDS_ON|t3')).toBe(false);
    expect(heavy.edges.has('t1|DEPENDS_ON|t3')).toBe(true);
  });

  it('hides nodes the user hid and shows them again', () => {
    const store = smallGraph();
    const hidden = act.hide(DEFAULT_VIEW, ['p1', 't2']);
    expect(visibleSet(store, hidden).nodes.has('p1')).toBe(false);
    expect(visibleSet(store, act.showHidden(hidden)).nodes.has('p1')).toBe(true);
  });

  it('folds a domain’s tasks and a task’s leaf neighbours away', () => {
    const store = smallGraph();
    const domainFolded = visibleSet(store, act.collapse(DEFAULT_VIEW, 'd1'));
    expect(domainFolded.nodes.has('t1')).toBe(false);
    expect(domainFolded.nodes.has('d1')).toBe(true);
    const taskFolded = visibleSet(store, act.collapse(DEFAULT_VIEW, 't3'));
    expect(taskFolded.nodes.has('a1')).toBe(false);
    expect(taskFolded.nodes.has('t1')).toBe(true);
  });

  it('counts what each filter covers and how much of it is drawn', () => {
    const store = smallGraph();
    const view = act.toggleLabel(DEFAULT_VIEW, 'Agency', true);
    const counts = filterCounts(store, loadedSet(store, view), visibleSet(store, view));
    expect(counts.labels.get('Agency')).toEqual({ total: 1, shown: 0 });
    expect(counts.labels.get('Task')).toEqual({ total: 3, shown: 3 });
    expect(counts.domains.get('d1')).toEqual({ total: 2, shown: 2 });
    expect(counts.types.get('LED_BY')).toEqual({ total: 1, shown: 0 });
    expect(counts.basis.get('inferred')).toEqual({ total: 1, shown: 1 });
  });
});
