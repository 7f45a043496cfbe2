// Agencies of the importer cases (../shared/cases/importer/README.md), read at the extractor level from an
// ExtractionInput built by hand: the names a reader sees, their variants as one body, levels kept apart.
import { describe, expect, it } from 'vitest';
import { extractAgenciesAndRoles } from '../../../server/src/ingest/extract/index.ts';
import type { AgencyEntity } from '../../../server/src/ingest/extract/types.ts';
import { CASES, inputFromFile, inputFromMarkdown } from './_agencies-input.ts';

const agenciesOf = (file: string) => extractAgenciesAndRoles(inputFromFile(`${CASES}/${file}`)).agencies;
const named = (agencies: AgencyEntity[], name: string) =>
  agencies.filter((a) => a.name === name || a.aliases.includes(name));

describe('responsibility-notes.md', () => {
  const agencies = agenciesOf('responsibility-notes.md');

  it.each([
    '市人力资源社会保障局',
    '市财政局',
    '市税务局',
    '人民银行青禾中心支行',
    '青禾银保监分局',
    '市发展改革委',
    '市市场监管局',
  ])('finds %s', (name) => {
    expect(named(agencies, name)).toHaveLength(1);
  });

  it('makes 市人社局 and 市人力资源社会保障局 one agency, resolved to the plan’s city', () => {
    const [long] = named(agencies, '市人力资源社会保障局');
    expect(named(agencies, '市人社局')[0]?.key).toBe(long?.key);
    expect(long?.name).toBe('青禾市人力资源和社会保障局');
    expect(long?.level).toBe('municipal');
  });

  it('finds exactly the seven bodies the notes name, nothing else', () => {
    expect(agencies).toHaveLength(7);
  });

  it('gives machine English names and says where they come from', () => {
    const finance = named(agencies, '市财政局')[0];
    expect(finance?.nameEn).toBe('Qinghe Municipal Finance Bureau');
    expect(finance?.nameEnSource).toBe('pinyin');
    expect(named(agencies, '人民银行青禾中心支行')[0]?.kind).toBe('financial');
  });

  it('records every mention with offsets into the text', () => {
    const input = inputFromFile(`${CASES}/responsibility-notes.md`);
    for (const agency of extractAgenciesAndRoles(input).agencies) {
      for (const m of agency.mentions) expect(input.text.slice(m.start, m.end)).toBe(m.quote);
      expect(agency.confidence).toBeGreaterThan(0);
      expect(agency.confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('agency-name-variants.md', () => {
  const agencies = agenciesOf('agency-name-variants.md');

  it('makes 国家发展和改革委员会 / 国家发展改革委 / 发展改革委 one agency with the lexicon’s name', () => {
    const keys = new Set(
      ['国家发展和改革委员会', '国家发展改革委', '发展改革委'].map((n) => named(agencies, n)[0]?.key),
    );
    expect(keys.size).toBe(1);
    const ndrc = named(agencies, '发展改革委')[0];
    expect(ndrc?.nameEn).toBe('National Development and Reform Commission');
    expect(ndrc?.nameEnSource).toBe('lexicon');
    expect(ndrc?.level).toBe('national');
  });

  it('makes 国务院国资委 / 国资委 one agency and 市场监管总局 / 国家市场监督管理总局 another', () => {
    expect(named(agencies, '国资委')[0]?.key).toBe(named(agencies, '国务院国资委')[0]?.key);
    expect(named(agencies, '市场监管总局')[0]?.key).toBe(named(agencies, '国家市场监督管理总局')[0]?.key);
  });

  it('keeps 省发展改革委 a different, provincial body', () => {
    const provincial = named(agencies, '省发展改革委')[0];
    expect(provincial?.level).toBe('provincial');
    expect(provincial?.key).not.toBe(named(agencies, '发展改革委')[0]?.key);
  });
});

describe('naming grammar', () => {
  const extract = (text: string, title = '青禾市改革方案') =>
    extractAgenciesAndRoles(inputFromMarkdown(`# ${title}\n\n${text}`)).agencies.map((a) => a.name);

  it('keeps verbs, separators and clauses out of names', () => {
    const names = extract(
      '积极推进海关、检验检疫等口岸管理部门信息互换，支持青禾银行、青禾投资集团等企业向境外投资。',
    );
    expect(names).toContain('青禾海关');
    expect(names).toContain('青禾银行');
    expect(names).toContain('青禾投资集团');
    for (const name of names) expect(name).not.toMatch(/推进|支持|、|，|等/u);
  });

  it('does not read a customs zone or a generic kind of bank as a body', () => {
    expect(extract('扩大到全市其他海关特殊监管区域，推动城市商业银行发展。')).toEqual([]);
  });

  it('does not resolve level-only local names in a State Council document to a place', () => {
    const names = extract('由财政部负责，各省级人民政府配合。', '国务院关于加强财政管理的意见');
    // The title names the State Council; 各省级人民政府 is every province, not one body.
    expect(names).toEqual(['国务院', '财政部']);
  });
});
