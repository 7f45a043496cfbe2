// The link codec: view, selection and language as query parameters, so a copied URL restores what the
// reader saw. Lists repeat their key (`x=a&x=b`), so ids may contain any character. Defaults are left out,
// and anything unknown in a hand-edited link is dropped rather than trusted.
import { LAYOUT_NAMES, type Lang, type LayoutName, type UrlState } from '../types.ts';
import { DEFAULT_VIEW } from './view-state.ts';
import { isBasis, isNodeLabel, isRelType } from './vocabulary.ts';

const KEY = {
  lang: 'lang',
  layout: 'layout',
  selected: 'sel',
  expanded: 'x',
  collapsed: 'c',
  hidden: 'h',
  labels: 'fl',
  types: 'ft',
  domains: 'fd',
  basis: 'fb',
  minWeight: 'w',
} as const;

export function encodeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  const { view } = state;
  if (state.lang !== 'zh') params.set(KEY.lang, state.lang);
  if (view.layout !== DEFAULT_VIEW.layout) params.set(KEY.layout, view.layout);
  if (state.selected) params.set(KEY.selected, state.selected);
  const lists: Array<[string, readonly string[]]> = [
    [KEY.expanded, view.expanded],
    [KEY.collapsed, view.collapsed],
    [KEY.hidden, view.hidden],
    [KEY.labels, view.filters.hiddenLabels],
    [KEY.types, view.filters.hiddenTypes],
    [KEY.domains, view.filters.hiddenDomains],
    [KEY.basis, view.filters.hiddenBasis],
  ];
  for (const [key, values] of lists) for (const value of values) params.append(key, value);
  if (view.filters.minWeight > 0) params.set(KEY.minWeight, String(view.filters.minWeight));
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

const unique = (values: string[]) => [...new Set(values.filter((v) => v !== ''))];

export function decodeUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const all = (key: string) => unique(params.getAll(key));
  const lang: Lang = params.get(KEY.lang) === 'en' ? 'en' : 'zh';
  const layoutParam = params.get(KEY.layout) ?? '';
  const layout = (LAYOUT_NAMES as readonly string[]).includes(layoutParam)
    ? (layoutParam as LayoutName)
    : DEFAULT_VIEW.layout;
  const weight = Number(params.get(KEY.minWeight) ?? '0');
  return {
    lang,
    selected: params.get(KEY.selected) || null,
    view: {
      layout,
      expanded: all(KEY.expanded),
      collapsed: all(KEY.collapsed),
      hidden: all(KEY.hidden),
      filters: {
        hiddenLabels: all(KEY.labels).filter(isNodeLabel),
        hiddenTypes: all(KEY.types).filter(isRelType),
        hiddenDomains: all(KEY.domains),
        hiddenBasis: all(KEY.basis).filter(isBasis),
        minWeight: Number.isFinite(weight) && weight > 0 ? weight : 0,
      },
    },
  };
}
