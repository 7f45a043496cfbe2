// The link codec: view, selection, language and camera as query parameters, so a copied URL restores what the
// reader saw. Lists repeat their key (`x=a&x=b`), so ids may contain any character. Defaults are left out
// (a list emptied from a non-empty default is written as `key=`), and anything unknown in a hand-edited link
// is dropped rather than trusted.
import { type Camera, LAYOUT_NAMES, type Lang, type LayoutName, type UrlState } from '../types.ts';
import { DEFAULT_FILTERS, DEFAULT_VIEW } from './view-state.ts';
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
  isolated: 'iso',
  camera: 'cam',
  pathFrom: 'pf',
  pathTo: 'pt',
  /** `lod=all`: every domain drawn in full instead of the overview. */
  level: 'lod',
  opened: 'o',
} as const;

export function encodeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  const { view } = state;
  if (state.lang !== 'zh') params.set(KEY.lang, state.lang);
  if (view.layout !== DEFAULT_VIEW.layout) params.set(KEY.layout, view.layout);
  if (!view.overview) params.set(KEY.level, 'all');
  if (state.selected) params.set(KEY.selected, state.selected);
  for (const [key, values] of [
    [KEY.expanded, view.expanded],
    [KEY.collapsed, view.collapsed],
    [KEY.hidden, view.hidden],
    [KEY.opened, view.opened],
  ] as const) {
    for (const value of values) params.append(key, value);
  }
  const { filters } = view;
  const filterLists: Array<[string, readonly string[], readonly string[]]> = [
    [KEY.labels, filters.hiddenLabels, DEFAULT_FILTERS.hiddenLabels],
    [KEY.types, filters.hiddenTypes, DEFAULT_FILTERS.hiddenTypes],
    [KEY.domains, filters.hiddenDomains, DEFAULT_FILTERS.hiddenDomains],
    [KEY.basis, filters.hiddenBasis, DEFAULT_FILTERS.hiddenBasis],
  ];
  for (const [key, values, defaults] of filterLists) {
    if (sameSet(values, defaults)) continue;
    if (values.length === 0) params.set(key, '');
    for (const value of values) params.append(key, value);
  }
  if (view.filters.minWeight > 0) params.set(KEY.minWeight, String(view.filters.minWeight));
  if (view.filters.showIsolated) params.set(KEY.isolated, '1');
  if (state.camera) params.set(KEY.camera, encodeCamera(state.camera));
  if (state.pathEnds?.from) params.set(KEY.pathFrom, state.pathEnds.from);
  if (state.pathEnds?.to) params.set(KEY.pathTo, state.pathEnds.to);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** `zoom,x,y`: zoom to 4 significant digits, coordinates to a tenth of a model unit. */
function encodeCamera(camera: Camera): string {
  return [Number(camera.zoom.toPrecision(4)), camera.x.toFixed(1), camera.y.toFixed(1)].join(',');
}

function decodeCamera(text: string | null): Camera | null {
  const parts = (text ?? '').split(',').map(Number);
  const [zoom, x, y] = parts;
  if (parts.length !== 3 || zoom === undefined || x === undefined || y === undefined) return null;
  if (![zoom, x, y].every(Number.isFinite) || zoom <= 0) return null;
  return { zoom, x, y };
}

const unique = (values: string[]) => [...new Set(values.filter((v) => v !== ''))];
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

export function decodeUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const all = (key: string) => unique(params.getAll(key));
  const listOr = <T extends string>(
    key: string,
    keep: (value: string) => value is T,
    defaults: readonly T[],
  ): T[] => (params.has(key) ? all(key).filter(keep) : [...defaults]);
  const anyString = (_value: string): _value is string => true;
  const lang: Lang = params.get(KEY.lang) === 'en' ? 'en' : 'zh';
  const layoutParam = params.get(KEY.layout) ?? '';
  const layout = (LAYOUT_NAMES as readonly string[]).includes(layoutParam)
    ? (layoutParam as LayoutName)
    : DEFAULT_VIEW.layout;
  const weight = Number(params.get(KEY.minWeight) ?? '0');
  const camera = decodeCamera(params.get(KEY.camera));
  const pathFrom = params.get(KEY.pathFrom) || null;
  const pathTo = params.get(KEY.pathTo) || null;
  return {
    lang,
    selected: params.get(KEY.selected) || null,
    // Only what the link holds: a link without them decodes as it did before they existed.
    ...(camera ? { camera } : {}),
    ...(pathFrom || pathTo ? { pathEnds: { from: pathFrom, to: pathTo } } : {}),
    view: {
      layout,
      overview: params.get(KEY.level) !== 'all',
      opened: all(KEY.opened),
      expanded: all(KEY.expanded),
      collapsed: all(KEY.collapsed),
      hidden: all(KEY.hidden),
      filters: {
        hiddenLabels: listOr(KEY.labels, isNodeLabel, DEFAULT_FILTERS.hiddenLabels),
        hiddenTypes: listOr(KEY.types, isRelType, DEFAULT_FILTERS.hiddenTypes),
        hiddenDomains: listOr(KEY.domains, anyString, DEFAULT_FILTERS.hiddenDomains),
        hiddenBasis: listOr(KEY.basis, isBasis, DEFAULT_FILTERS.hiddenBasis),
        minWeight: Number.isFinite(weight) && weight > 0 ? weight : 0,
        showIsolated: params.get(KEY.isolated) === '1',
      },
    },
  };
}
