import { describe, expect, it } from 'vitest';
import { extractPilots } from '../../../server/src/ingest/extract/pilots.ts';
import { CASES, inputOf, readText } from '../../fixtures/extract/pilots-input.ts';

const byName = (pilots: ReturnType<typeof extractPilots>['pilots'], name: string) => {
  const pilot = pilots.find((p) => p.name === name);
  if (!pilot) throw new Error(`no pilot named ${name}; found ${pilots.map((p) => p.name).join(', ')}`);
  return pilot;
};

describe('pilots of pilot-names.md (five zones and programmes in two sentences)', () => {
  const text = readText(`${CASES}/pilot-names.md`);
  const input = inputOf(text);
  const { pilots, links } = extractPilots(input);

  it('finds exactly the five zones and programmes a reader sees', () => {
    expect(pilots.map((p) => p.name).sort()).toEqual(
      [
        '青禾自由贸易试验区',
        '江屿综合保税区',
        '青禾国家级新区',
        '江屿跨境电子商务综合试验区',
        '保税研发试点',
      ].sort(),
    );
  });

  it('merges the short form 青禾自贸试验区 into 青禾自由贸易试验区', () => {
    expect(byName(pilots, '青禾自由贸易试验区').aliases).toContain('青禾自贸试验区');
  });

  it('names no pilot with a verb or a clause', () => {
    for (const pilot of pilots) {
      for (const form of [pilot.name, ...pilot.aliases]) expect(form).not.toMatch(/授权|率先|开展|推进|支持/);
    }
  });

  it('gives kinds and the levels zone types carry by law', () => {
    expect(byName(pilots, '保税研发试点').kind).toBe('programme');
    for (const name of [
      '青禾自由贸易试验区',
      '江屿综合保税区',
      '青禾国家级新区',
      '江屿跨境电子商务综合试验区',
    ]) {
      expect(byName(pilots, name).kind).toBe('zone');
      expect(byName(pilots, name).level).toBe('national');
    }
  });

  it('quotes every mention as it stands in the text', () => {
    for (const pilot of pilots) {
      expect(pilot.mentions.length).toBeGreaterThan(0);
      for (const m of pilot.mentions) expect(text.slice(m.start, m.end)).toBe(m.quote);
    }
  });

  it('links each task to the pilots named inside it (PILOTED_IN)', () => {
    const [first, second] = input.tasks;
    const pilotsOf = (task: string) =>
      links
        .filter((l) => l.task === task)
        .map((l) => pilots.find((p) => p.key === l.pilot)?.name)
        .sort();
    expect(pilotsOf(first?.id ?? '')).toEqual(
      ['保税研发试点', '江屿综合保税区', '青禾自由贸易试验区'].sort(),
    );
    expect(pilotsOf(second?.id ?? '')).toEqual(
      ['江屿跨境电子商务综合试验区', '青禾国家级新区', '青禾自由贸易试验区'].sort(),
    );
    for (const link of links) expect(link.basis).toBe('extracted');
  });

  it('writes English names from the glossary of zone types and the pinyin of the place', () => {
    const ftz = byName(pilots, '青禾自由贸易试验区');
    expect(ftz.nameEn).toBe('Qinghe Pilot Free Trade Zone');
    expect(ftz.nameEnSource).toBe('pinyin');
    expect(byName(pilots, '江屿综合保税区').nameEn).toBe('Jiangyu Comprehensive Bonded Zone');
  });
});

describe('status, level and aliases from the words around a name', () => {
  const { pilots } = extractPilots(
    inputOf(
      '经国务院同意，设立青禾综合保税区。积极申请设立江屿临空经济区。加快推进青禾新区建设，青禾市新区要先行先试。' +
        '谋划建设一批省级特色小镇。',
    ),
  );

  it('reads approved, applying, ongoing and planned with the quote that shows each', () => {
    expect(byName(pilots, '青禾综合保税区').status).toBe('approved');
    expect(byName(pilots, '江屿临空经济区').status).toBe('applying');
    expect(byName(pilots, '青禾新区').status).toBe('ongoing');
    expect(byName(pilots, '青禾综合保税区').statusEvidence?.quote).toBe('经国务院同意，设立青禾综合保税区');
    expect(byName(pilots, '江屿临空经济区').statusEvidence?.quote).toContain('申请');
  });

  it('treats 青禾新区 and 青禾市新区 as one zone', () => {
    expect(pilots.filter((p) => p.name.endsWith('新区'))).toHaveLength(1);
    expect(byName(pilots, '青禾新区').aliases).toEqual(['青禾市新区']);
  });

  it('reads a provincial level from 省级', () => {
    expect(byName(pilots, '特色小镇').level).toBe('provincial');
  });
});

describe('a bare zone type without its place', () => {
  it('is the zone of its own when the text names no zone of the type with a place (variants-base.md)', () => {
    const { pilots } = extractPilots(inputOf(readText(`${CASES}/variants-base.md`)));
    const zones = pilots.filter((p) => p.kind === 'zone');
    expect(zones.map((p) => p.name)).toEqual(['综合保税区']);
    expect(zones[0]?.nameEn).toBe('Comprehensive Bonded Zone');
    expect(zones[0]?.nameEnSource).toBe('glossary');
  });

  it('is the one zone of that type the text names with its place', () => {
    const { pilots } = extractPilots(inputOf('支持青禾综合保税区发展保税维修。综合保税区内企业享受政策。'));
    expect(pilots.map((p) => p.name)).toEqual(['青禾综合保税区']);
    expect(pilots[0]?.mentions.map((m) => m.quote)).toEqual(['青禾综合保税区', '综合保税区']);
  });

  it('is no zone at all when the text names several of that type', () => {
    const { pilots } = extractPilots(
      inputOf('支持青禾综合保税区和江屿综合保税区发展。综合保税区内企业享受政策。'),
    );
    expect(pilots.map((p) => p.name).sort()).toEqual(['江屿综合保税区', '青禾综合保税区']);
  });
});
