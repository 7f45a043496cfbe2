// The annotation file as an overlay on the extraction: confirm (one entity under the YAML's key), rename (the
// YAML's name wins), merge (every extracted variant sharing a form), reject, and add (the extractor's own entities).
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../server/src/ingest/annotation-schema.ts';
import { overlay } from '../../../server/src/ingest/extract/overlay.ts';
import type { AgencyEntity, Extraction } from '../../../server/src/ingest/extract/types.ts';

function agency(key: string, name: string, aliases: string[] = []): AgencyEntity {
  return {
    key,
    name,
    aliases,
    kind: 'government',
    level: 'municipal',
    nameEn: `${key} (machine)`,
    nameEnSource: 'pinyin',
    lexiconId: null,
    confidence: 0.8,
    mentions: [{ quote: name, start: 0, end: name.length }],
  };
}

const extraction: Extraction = {
  agencies: [
    agency('qinghe-municipal-finance', '青禾市财政局', ['市财政局']),
    agency('qinghe-finance-x', '青禾财政', ['财政']),
    agency('qinghe-customs', '青禾海关'),
    agency('qinghe-yinhang', '青禾市银行'),
  ],
  pilots: [],
  roles: [],
  pilotLinks: [],
  targets: [],
  links: [],
  warnings: [],
};

const annotation = {
  plan: { id: 'qinghe', title: 't', titleEn: 't', periodStart: 2021, periodEnd: 2025 },
  agencies: [
    {
      key: 'finance',
      name: '青禾市财政局（新）',
      nameEn: 'Qinghe Finance Bureau',
      kind: 'government',
      aliases: ['市财政局', '财政'],
    },
    { key: 'audit', name: '青禾市审计局', nameEn: 'Qinghe Audit Bureau', kind: 'government', aliases: [] },
  ],
  pilots: [],
  domains: [],
  tasks: [],
  dependencies: [],
  advances: [],
  addresses: [],
  rejected: ['青禾市银行'],
  translations: {},
  curation: [],
} satisfies Annotation;

describe('overlay', () => {
  const merged = overlay(extraction, annotation);
  const byKey = new Map(merged.agencies.map((a) => [a.key, a]));

  it('confirms, renames and merges: the YAML key, name and English over every variant it names', () => {
    const finance = byKey.get('finance');
    expect(finance).toMatchObject({
      name: '青禾市财政局（新）',
      nameEn: 'Qinghe Finance Bureau',
      origin: 'confirmed',
    });
    expect(finance?.aliases).toEqual(
      expect.arrayContaining(['市财政局', '财政', '青禾市财政局', '青禾财政']),
    );
    expect(merged.agencyKeys.get('qinghe-municipal-finance')).toBe('finance');
    expect(merged.agencyKeys.get('qinghe-finance-x')).toBe('finance');
  });

  it('keeps a YAML-only entry as curated and adds what only the extractor finds', () => {
    expect(byKey.get('audit')?.origin).toBe('curated');
    expect(byKey.get('qinghe-customs')).toMatchObject({ origin: 'extracted', confidence: 0.8 });
  });

  it('drops what the YAML rejects', () => {
    expect(merged.agencies.map((a) => a.name)).not.toContain('青禾市银行');
  });

  it('reports which YAML entries the extractor finds', () => {
    expect(merged.coverage.map((c) => [c.key, c.foundAs !== null])).toEqual([
      ['finance', true],
      ['audit', false],
    ]);
  });

  it('without a YAML, keeps every extracted entity under its own key', () => {
    expect(overlay(extraction, null).agencies.map((a) => a.key)).toEqual([
      'qinghe-municipal-finance',
      'qinghe-finance-x',
      'qinghe-customs',
      'qinghe-yinhang',
    ]);
  });
});
