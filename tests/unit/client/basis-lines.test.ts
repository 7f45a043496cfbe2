// DESIGN.md principle 2: every fact says how it is known, and the explorer shows text / extracted / curated /
// inferred differently. A reader tells them apart by the edge's line alone, so no two bases may share a look.
import { describe, expect, it } from 'vitest';
import { buildStylesheet } from '../../../client/src/graph/style.ts';

type Rule = { selector: string; style: Record<string, unknown> };

describe('edge lines by basis', () => {
  const rules = buildStylesheet(() => 'zh') as unknown as Rule[];
  const look = (basis: string) => {
    const rule = rules.find((r) => r.selector === `edge[basis = "${basis}"]`);
    if (!rule) throw new Error(`no style for basis ${basis}`);
    return JSON.stringify([rule.style['line-style'], rule.style['line-dash-pattern'] ?? null]);
  };

  it('draws each of the four bases with its own line', () => {
    const looks = ['text', 'extracted', 'curated', 'inferred'].map(look);
    expect(new Set(looks).size).toBe(4);
  });

  it('draws what the text states as a solid line', () => {
    expect(look('text')).toBe(JSON.stringify(['solid', null]));
  });
});
