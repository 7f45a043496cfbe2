import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUrlState, encodeUrlState } from '../../../client/src/model/url-state.ts';
import { DEFAULT_VIEW } from '../../../client/src/model/view-state.ts';
import type { UrlState } from '../../../client/src/types.ts';

const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 30 }), { maxLength: 5 });

const urlState: fc.Arbitrary<UrlState> = fc.record({
  lang: fc.constantFrom('zh' as const, 'en' as const),
  selected: fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: null }),
  view: fc.record({
    expanded: ids,
    collapsed: ids,
    hidden: ids,
    layout: fc.constantFrom(
      'grouped' as const,
      'hierarchy' as const,
      'concentric' as const,
      'circle' as const,
    ),
    overview: fc.boolean(),
    opened: ids,
    filters: fc.record({
      hiddenLabels: fc.uniqueArray(fc.constantFrom('Agency' as const, 'Pilot' as const, 'Task' as const)),
      hiddenTypes: fc.uniqueArray(
        fc.constantFrom('DEPENDS_ON' as const, 'MENTIONS' as const, 'LED_BY' as const),
      ),
      hiddenDomains: ids,
      hiddenBasis: fc.uniqueArray(fc.constantFrom('text' as const, 'curated' as const, 'inferred' as const)),
      minWeight: fc.constantFrom(0, 0.5, 1, 2.25),
      showIsolated: fc.boolean(),
    }),
  }),
});

describe('the link codec', () => {
  it('restores exactly the state it encoded, whatever characters the ids hold', () => {
    fc.assert(
      fc.property(urlState, (state) => {
        expect(decodeUrlState(encodeUrlState(state))).toEqual(state);
      }),
    );
  });

  it('carries the camera (zoom to 4 digits, centre to a tenth) and the ends of a path', () => {
    const link = encodeUrlState({
      lang: 'zh',
      selected: null,
      view: DEFAULT_VIEW,
      camera: { zoom: 0.123456, x: -10.04, y: 250.26 },
      pathEnds: { from: 'a:pilot:x', to: 'a:task:1.2' },
    });
    expect(link).toBe('?cam=0.1235%2C-10.0%2C250.3&pf=a%3Apilot%3Ax&pt=a%3Atask%3A1.2');
    const back = decodeUrlState(link);
    expect(back.camera).toEqual({ zoom: 0.1235, x: -10, y: 250.3 });
    expect(back.pathEnds).toEqual({ from: 'a:pilot:x', to: 'a:task:1.2' });
    expect(decodeUrlState('?cam=0,1,2').camera).toBeUndefined();
    expect(decodeUrlState('?cam=abc').camera).toBeUndefined();
  });

  it('gives the default view for an empty query', () => {
    expect(decodeUrlState('')).toEqual({ lang: 'zh', selected: null, view: DEFAULT_VIEW });
    expect(encodeUrlState({ lang: 'zh', selected: null, view: DEFAULT_VIEW })).toBe('');
  });

  it('keeps node ids with colons and dots readable in the link', () => {
    const link = encodeUrlState({
      lang: 'en',
      selected: 'harbin-2016:pilot:harbin-new-area',
      view: { ...DEFAULT_VIEW, filters: { ...DEFAULT_VIEW.filters, hiddenLabels: ['Agency'] } },
    });
    expect(link).toBe('?lang=en&sel=harbin-2016%3Apilot%3Aharbin-new-area&fl=Agency');
  });

  it('tells a list emptied by the user from the default it was left at', () => {
    const shown = { ...DEFAULT_VIEW, filters: { ...DEFAULT_VIEW.filters, hiddenTypes: [] } };
    const link = encodeUrlState({ lang: 'zh', selected: null, view: shown });
    expect(decodeUrlState(link).view.filters.hiddenTypes).toEqual([]);
    expect(decodeUrlState('').view.filters.hiddenTypes).toEqual(DEFAULT_VIEW.filters.hiddenTypes);
  });

  it('drops unknown labels, layouts and weights from a hand-edited link', () => {
    const state = decodeUrlState(
      '?layout=spiral&fl=Agency&fl=Nonsense&ft=DROP_TABLE&fb=guess&w=-3&lang=fr&iso=yes',
    );
    expect(state.view.layout).toBe('grouped');
    expect(state.view.filters.hiddenLabels).toEqual(['Agency']);
    expect(state.view.filters.hiddenTypes).toEqual([]);
    expect(state.view.filters.hiddenBasis).toEqual([]);
    expect(state.view.filters.minWeight).toBe(0);
    expect(state.lang).toBe('zh');
    expect(state.view.filters.showIsolated).toBe(false);
  });
});
