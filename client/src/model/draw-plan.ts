// What the graph view draws, from the fetched fragments and the view state: the filtered elements, an edge into
// its own domain box left out, and — in the overview — closed domains folded into one node each with the
// aggregated links between domains (model/overview.ts).
import type { CyEdgeData, CyNodeData, ViewState } from '../types.ts';
import { domainsToOpen, type ElementStore, loadedSet, type VisibleSet, visibleSet } from './element-store.ts';
import { type DomainLink, domainLevel } from './overview.ts';

export interface DrawPlan {
  /** Ids drawn (aggregated links not included). */
  visible: VisibleSet;
  /** Everything the active fragments hold: the denominators of the filter counts. */
  loaded: VisibleSet;
  /** What the filters let through, before the overview folds closed domains: the numerators of the filter
   * counts (a task inside a closed domain is kept by the filters, not hidden by them). */
  kept: VisibleSet;
  /** Nodes the filters let through that the overview keeps inside closed domains. */
  folded: number;
  /** Aggregated links drawn between domains (not in `visible`). */
  links: number;
  nodes: CyNodeData[];
  edges: Array<CyEdgeData | DomainLink>;
}

/** `extra`: fragments drawn besides the view's (found paths); `compound`: the layout draws domain boxes. */
export function drawPlan(
  store: ElementStore,
  view: ViewState,
  extra: readonly string[],
  compound: boolean,
): DrawPlan {
  const visible = visibleSet(store, view, extra);
  const loaded = loadedSet(store, view, extra);
  if (compound) {
    // The box already says "this task belongs to this domain"; an edge into its own box only adds noise.
    for (const set of [visible.edges, loaded.edges]) {
      for (const id of set) {
        const edge = store.edges.get(id);
        const parent = edge ? store.nodes.get(edge.target)?.parent : null;
        if (edge && parent === edge.source) set.delete(id);
      }
    }
  }
  const nodes = [...visible.nodes].flatMap((id) => store.nodes.get(id) ?? []);
  const edges = [...visible.edges].flatMap((id) => store.edges.get(id) ?? []);
  // A plan without domains has no overview: it is drawn in full.
  if (!view.overview || !nodes.some((n) => n.label === 'Domain')) {
    return { visible, kept: visible, loaded, folded: 0, links: 0, nodes, edges };
  }
  const level = domainLevel({
    nodes: store.nodes,
    edges: store.edges,
    visible,
    open: domainsToOpen(store, view, extra),
  });
  return {
    visible: level.visible,
    kept: visible,
    loaded,
    folded: visible.nodes.size - level.visible.nodes.size,
    links: level.links.length,
    nodes: level.nodes,
    edges: [...level.edges, ...level.links],
  };
}
