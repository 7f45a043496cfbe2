// The seed plan read WITHOUT its annotation file: the pilots its YAML names and its text mentions (the fixture, taken
// once from the dry run with the YAML) must come out of the text alone, with their names or aliases.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../../server/src/ingest/extract/links.ts';
import { extractPilots } from '../../../server/src/ingest/extract/pilots.ts';
import type { PilotEntity } from '../../../server/src/ingest/extract/types.ts';
import { inputOf, ROOT, readText } from '../../fixtures/extract/pilots-input.ts';
import gold from '../../fixtures/extract/seed-pilots.json' with { type: 'json' };

const text = readText(path.join(ROOT, 'seeds/harbin-2016-economic-reform.md'));
const input = inputOf(text, { year: 2016 });
const { pilots, links: pilotLinks } = extractPilots(input);

/** A name and its aliases, quotes left out (“营改增” = 营改增). */
const forms = (p: { name: string; aliases: string[] }) =>
  new Set([p.name, ...p.aliases].map((f) => f.replace(/[“”]/g, '')));
const same = (a: { name: string; aliases: string[] }, b: PilotEntity) =>
  [...forms(a)].some((f) => forms(b).has(f));

describe('pilots of the seed plan without its YAML', () => {
  const found = gold.pilots.filter((g) => pilots.some((p) => same(g, p)));
  const right = pilots.filter((p) => gold.pilots.some((g) => same(g, p)));
  const recall = found.length / gold.pilots.length;
  const precision = right.length / pilots.length;
  console.log(
    `seed pilots: recall ${found.length}/${gold.pilots.length} = ${recall.toFixed(3)}, ` +
      `precision ${right.length}/${pilots.length} = ${precision.toFixed(3)}\n` +
      `  missed: ${gold.pilots
        .filter((g) => !found.includes(g))
        .map((g) => g.name)
        .join(' ')}\n` +
      `  not in the YAML: ${pilots
        .filter((p) => !right.includes(p))
        .map((p) => p.name)
        .join(' ')}`,
  );

  it('finds at least 90% of the pilots the YAML names and the text mentions', () => {
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('is right (a pilot of the YAML, by name or alias) for at least 90% of what it finds', () => {
    expect(precision).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the new area with both written forms, approved as the text says', () => {
    const area = pilots.find((p) => p.name === '哈尔滨新区');
    expect(area?.aliases).toContain('哈尔滨市新区');
    expect(area?.status).toBe('approved');
    expect(area?.nameEn).toBe('Harbin New Area');
  });

  it('resolves the bare 综合保税区 to the one bonded zone the text names with its place', () => {
    const zone = pilots.find((p) => p.aliases.includes('综合保税区'));
    expect(zone?.name).toBe('哈尔滨综合保税区');
    expect(zone?.nameEn).toBe('Harbin Comprehensive Bonded Zone');
    expect(zone?.status).toBe('approved');
    expect(zone?.statusEvidence?.quote).toBe('综合保税区、哈尔滨新区获得国家批准');
  });

  it('links tasks that name the same pilot (shared-pilot), with quotes from both tasks', () => {
    const shared = extractLinks(input, { pilots, pilotLinks }).filter((l) => l.kind === 'shared-pilot');
    expect(shared.length).toBeGreaterThan(0);
    for (const link of shared) {
      expect(link.from).not.toBe(link.to);
      expect(link.via.length).toBe(link.weight);
      for (const { from, to } of link.evidence) {
        expect(text.slice(from.start, from.end)).toBe(from.quote);
        expect(text.slice(to.start, to.end)).toBe(to.quote);
      }
    }
  });
});
