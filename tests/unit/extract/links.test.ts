import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../../server/src/ingest/extract/links.ts';
import { extractPilots } from '../../../server/src/ingest/extract/pilots.ts';
import type { RoleFact } from '../../../server/src/ingest/extract/types.ts';
import { inputOf } from '../../fixtures/extract/pilots-input.ts';

const text = [
  '**推进简政放权。**精简行政审批事项，取消市级自设审批。',
  '**优化营商环境。**在推进简政放权的基础上，建立企业开办一站式服务。',
  '**深化商事制度改革。**与优化营商环境相衔接，在青禾综合保税区开展证照分离。',
  '**扩大对外开放。**支持青禾综合保税区发展保税维修，拓展跨境贸易。',
].join('\n\n');
const input = inputOf(text);
const [simplify, business, registration, opening] = input.tasks.map((t) => t.id);
const { pilots, links: pilotLinks } = extractPilots(input);

describe('links between tasks read from the text', () => {
  const links = extractLinks(input, { pilots, pilotLinks });
  const between = (from: string | undefined, to: string | undefined) =>
    links.filter((l) => l.from === from && l.to === to);

  it('reads 在…的基础上 naming another task as an explicit link, with both quotes', () => {
    const [link] = between(business, simplify).filter((l) => l.kind === 'explicit');
    expect(link?.basis).toBe('extracted');
    expect(link?.evidence[0]?.from.quote).toBe('在推进简政放权的基础上');
    expect(link?.evidence[0]?.to.quote).toBe('推进简政放权。');
  });

  it('reads 与…相衔接 naming another task', () => {
    expect(between(registration, business).map((l) => l.kind)).toContain('explicit');
  });

  it('links the two tasks that name the same bonded zone (shared-pilot)', () => {
    const [link] = between(registration, opening).filter((l) => l.kind === 'shared-pilot');
    expect(link?.via).toEqual([pilots.find((p) => p.name === '青禾综合保税区')?.key]);
    expect(link?.evidence[0]?.from.quote).toBe('青禾综合保税区');
  });

  it('quotes both sides of every link from the text', () => {
    for (const link of links) {
      expect(link.confidence).toBeGreaterThan(0);
      expect(link.confidence).toBeLessThanOrEqual(1);
      for (const { from, to } of link.evidence) {
        expect(text.slice(from.start, from.end)).toBe(from.quote);
        expect(text.slice(to.start, to.end)).toBe(to.quote);
      }
    }
  });
});

describe('shared lead agencies and similar wording', () => {
  const role = (task: string | undefined, agency: string): RoleFact => ({
    task: task ?? '',
    agency,
    role: 'lead',
    basis: 'text',
    confidence: 1,
    evidence: { start: 0, end: 4, quote: text.slice(0, 4) },
  });

  it('links two tasks led by the same body with a low weight, basis inferred', () => {
    const roles = [
      role(simplify, 'shi-zheng-fu-ban'),
      role(opening, 'shi-zheng-fu-ban'),
      role(business, 'shang-wu-ju'),
    ];
    const links = extractLinks(input, { pilots, pilotLinks, roles });
    const shared = links.filter((l) => l.kind === 'shared-agency');
    expect(shared.map((l) => [l.from, l.to])).toEqual([[simplify, opening]]);
    expect(shared[0]?.basis).toBe('inferred');
    expect(shared[0]?.weight).toBeLessThan(0.5);
  });

  it('links tasks worded alike only where nothing else links them, as inferred', () => {
    const alike = inputOf(
      [
        '**完善养老服务。**推进居家养老服务体系建设，完善社区养老服务设施。',
        '**发展养老产业。**完善社区养老服务设施，推进居家养老服务网络。',
        '**改革户籍制度。**放宽城市落户条件。',
      ].join('\n\n'),
    );
    const links = extractLinks(alike, { pilots: [], pilotLinks: [] });
    const similar = links.filter((l) => l.kind === 'similar');
    for (const link of similar) expect(link.basis).toBe('inferred');
    const ids = alike.tasks.map((t) => t.id);
    expect(links.some((l) => l.from === ids[0] && l.to === ids[1])).toBe(true);
    expect(links.some((l) => l.to === ids[2] || l.from === ids[2])).toBe(false);
  });
});
