// A copied link must name its plan: with several plans imported, a link without it opens another plan's graph
// around this one's selection. This puts the plan (and page) the view was opened on in front of its query.
import { activePlan, importedPlans, PLAN_KEY } from '../api/active-plan.ts';
import { encodeUrlState } from '../model/url-state.ts';
import type { Camera } from '../types.ts';
import type { AppState } from './context.ts';

/** `search` (the view's `?…` or '') with `page` and the plan of the current location in front. */
export function planScoped(search: string): string {
  const current = new URLSearchParams(window.location.search);
  const scope = new URLSearchParams();
  const page = current.get('page');
  if (page) scope.set('page', page);
  const plan = current.get(PLAN_KEY) ?? (importedPlans().length > 1 ? activePlan() : null);
  if (plan) scope.set(PLAN_KEY, plan);
  const head = scope.toString();
  if (head === '') return search;
  return search === '' ? `?${head}` : `?${head}&${search.slice(1)}`;
}

/** Replaces the address bar's query with the view, selection, language, camera and path ends of `state`. */
export function writeViewUrl(state: AppState, camera: Camera | null): void {
  const { from, to } = state.paths;
  const search = encodeUrlState({
    view: state.view,
    selected: state.selected,
    lang: state.lang,
    camera,
    pathEnds: { from, to },
  });
  window.history.replaceState(null, '', `${window.location.pathname}${planScoped(search)}`);
}
