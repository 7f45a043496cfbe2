// The lexicon of government bodies (server/src/ingest/data/lexicon): valid data with its sources, official short
// forms of one body resolving to it, renames with their years, and local departments resolved by level.
import { describe, expect, it } from 'vitest';
import { resolveAgency } from '../../../server/src/ingest/extract/agency-names.ts';
import { extractAgenciesAndRoles } from '../../../server/src/ingest/extract/index.ts';
import { lexicon } from '../../../server/src/ingest/extract/lexicon.ts';
import { planLocality } from '../../../server/src/ingest/extract/lexicon-locality.ts';

const lex = lexicon();
const national = { lexicon: lex, locality: planLocality('国务院关于深化改革的意见', '国务院') };
const city = { lexicon: lex, locality: planLocality('青禾市“十四五”时期经济体制改革专项规划', null) };

describe('the lexicon of central bodies', () => {
  it.each([
    ['国家发展和改革委员会', 'ndrc'],
    ['国家发展改革委', 'ndrc'],
    ['发展改革委', 'ndrc'],
    ['国家发改委', 'ndrc'],
    ['人力资源社会保障部', 'mohrss'],
    ['人民银行', 'pboc'],
    ['银保监会', 'cbirc'],
    ['国务院国资委', 'sasac'],
    ['国家教委', 'sec'],
    ['国家地震局', 'ssb'],
  ])('resolves %s to %s', (form, id) => {
    expect(resolveAgency(form, national)?.lexiconId).toBe(id);
  });

  it('records the renames of the institutional reforms with their years', () => {
    expect(lex.successor('saic')).toMatchObject({ to: { id: 'samr' }, year: 2018 });
    expect(lex.successor('aqsiq')?.to.name).toBe('国家市场监督管理总局');
    expect(lex.successor('cbrc')?.to.name).toBe('中国银行保险监督管理委员会');
    expect(lex.successor('sec')).toMatchObject({ to: { name: '教育部' }, year: 1998 });
    expect(lex.successor('ssb')).toMatchObject({ to: { name: '中国地震局' }, year: 1998 });
    expect(lex.successor('ndrc')).toBeNull();
  });

  it('gives every central body an English name and a kind', () => {
    for (const body of lex.central) {
      expect(body.en.length).toBeGreaterThan(3);
      expect(['government', 'enterprise', 'financial', 'institution', 'other']).toContain(body.kind);
    }
  });
});

describe('renames in a plan', () => {
  it('warns when a plan names a body after its rename, not before', () => {
    const input = (year: number) => ({
      text: '银监会负责监管。',
      title: '国务院关于银行监管的意见',
      issuer: null,
      year,
      tasks: [],
      units: [
        { owner: 'p', kind: 'plan' as const, pieces: [{ text: '银监会负责监管。', start: 0, end: 8 }] },
      ],
      tables: [],
    });
    expect(extractAgenciesAndRoles(input(2019)).warnings).toEqual([
      '中国银行业监督管理委员会 became 中国银行保险监督管理委员会 in 2018, before the plan (2019)',
    ]);
    expect(extractAgenciesAndRoles(input(2016)).warnings).toEqual([]);
  });
});

describe('local departments', () => {
  it('resolves a level-only name to the plan’s city and keeps levels apart', () => {
    const municipal = resolveAgency('市发展改革委', city);
    expect(municipal).toMatchObject({ name: '青禾市发展和改革委员会', level: 'municipal' });
    const provincial = resolveAgency('省发展改革委', city);
    expect(provincial?.level).toBe('provincial');
    expect(provincial?.key).not.toBe(municipal?.key);
    expect(resolveAgency('发展改革委', city)?.key).toBe('ndrc');
  });

  it('names the tax service by its official pattern and a vertical body by its place', () => {
    expect(resolveAgency('市税务局', city)?.name).toBe('国家税务总局青禾市税务局');
    expect(resolveAgency('青禾海关', city)?.name).toBe('青禾海关');
    expect(resolveAgency('青禾银保监分局', city)?.kind).toBe('financial');
  });

  it('gives English from the glossary of local departments, the place in pinyin', () => {
    expect(resolveAgency('市财政局', city)).toMatchObject({
      nameEn: 'Qinghe Municipal Finance Bureau',
      nameEnSource: 'pinyin',
    });
    expect(resolveAgency('市人社局', city)?.nameEn).toBe(
      'Qinghe Municipal Human Resources and Social Security Bureau',
    );
  });

  it('reads no place in a State Council document and no body in a collective', () => {
    expect(national.locality).toEqual({ name: null, place: null, level: 'national' });
    expect(resolveAgency('各省级人民政府', national, 'context')).toBeNull();
    expect(resolveAgency('有关部门', national, 'context')).toBeNull();
  });
});
