// The view's default and the small pure actions that change it; the UI pushes their results into the
// undo history and refreshes.
import type { Basis, Filters, LayoutName, NodeLabel, RelType, ViewState } from '../types.ts';

/**
 * Everything is drawn at first: who leads (LED_BY) and who joins (INVOLVES) a task is what planners come for,
 * and every agency stays in view. Participation is many-to-many and pulls loosely in the layout (see
 * layouts.ts) so it does not drag domains into each other.
 */
export const DEFAULT_FILTERS: Filters = {
  hiddenLabels: [],
  hiddenTypes: [],
  hiddenDomains: [],
  hiddenBasis: [],
  minWeight: 0,
  showIsolated: false,
};

export const DEFAULT_VIEW: ViewState = {
  expanded: [],
  collapsed: [],
  hidden: [],
  filters: DEFAULT_FILTERS,
  layout: 'grouped',
  overview: true,
  opened: [],
};

const without = <T>(list: readonly T[], item: T) => list.filter((x) => x !== item);
const withItem = <T>(list: readonly T[], item: T) => (list.includes(item) ? [...list] : [...list, item]);
const toggled = <T>(list: readonly T[], item: T, hide: boolean) =>
  hide ? withItem(list, item) : without(list, item);

export function expand(view: ViewState, id: string): ViewState {
  return { ...view, expanded: withItem(view.expanded, id), collapsed: without(view.collapsed, id) };
}

/** Undoes the node's expansion if it has one; otherwise folds its children and leaf neighbours away. */
export function collapse(view: ViewState, id: string): ViewState {
  if (view.expanded.includes(id)) return { ...view, expanded: without(view.expanded, id) };
  return { ...view, collapsed: withItem(view.collapsed, id) };
}

/** Double-click: open a closed node, close an open or folded one. */
export function toggleExpansion(view: ViewState, id: string): ViewState {
  if (view.collapsed.includes(id)) return { ...view, collapsed: without(view.collapsed, id) };
  if (view.expanded.includes(id)) return collapse(view, id);
  return expand(view, id);
}

export function hide(view: ViewState, ids: readonly string[]): ViewState {
  return { ...view, hidden: ids.reduce(withItem, view.hidden) };
}

export function showHidden(view: ViewState): ViewState {
  return { ...view, hidden: [] };
}

export function setLayout(view: ViewState, layout: LayoutName): ViewState {
  return { ...view, layout };
}

export function setFilters(view: ViewState, change: Partial<Filters>): ViewState {
  return { ...view, filters: { ...view.filters, ...change } };
}

export const toggleLabel = (view: ViewState, label: NodeLabel, hidden: boolean) =>
  setFilters(view, { hiddenLabels: toggled(view.filters.hiddenLabels, label, hidden) });
export const toggleType = (view: ViewState, type: RelType, hidden: boolean) =>
  setFilters(view, { hiddenTypes: toggled(view.filters.hiddenTypes, type, hidden) });
export const toggleDomain = (view: ViewState, domain: string, hidden: boolean) =>
  setFilters(view, { hiddenDomains: toggled(view.filters.hiddenDomains, domain, hidden) });
export const toggleBasis = (view: ViewState, basis: Basis, hidden: boolean) =>
  setFilters(view, { hiddenBasis: toggled(view.filters.hiddenBasis, basis, hidden) });

/** Opens a domain in place (its tasks, agencies and pilots) or closes it back into one node. */
export function toggleDomainOpen(view: ViewState, domain: string): ViewState {
  const opened = view.opened.includes(domain) ? without(view.opened, domain) : [...view.opened, domain];
  return { ...view, overview: true, opened };
}

export function openDomain(view: ViewState, domain: string): ViewState {
  return view.opened.includes(domain) ? view : { ...view, overview: true, opened: [...view.opened, domain] };
}

/** Back to the first view: every domain one node. */
export function showOverview(view: ViewState): ViewState {
  return { ...view, overview: true, opened: [] };
}

/** Every domain open: all tasks, agencies and pilots drawn. */
export function openAll(view: ViewState): ViewState {
  return { ...view, overview: false, opened: [] };
}
