import { describe, expect, it } from 'vitest';
import { englishName } from '../../../server/src/ingest/extract/english.ts';

describe('English names without a human', () => {
  it.each([
    ['哈尔滨', 'Harbin'],
    ['哈尔滨市', 'Harbin'],
    ['乌鲁木齐', 'Urumqi'],
    ['呼和浩特', 'Hohhot'],
    ['拉萨', 'Lhasa'],
    ['香港', 'Hong Kong'],
    ['澳门', 'Macao'],
    ['西藏', 'Tibet'],
    ['内蒙古自治区', 'Inner Mongolia'],
  ])('writes the place %s as %s, from the glossary', (name, english) => {
    expect(englishName(name, 'place')).toEqual({ nameEn: english, source: 'glossary' });
  });

  it('writes other places in pinyin, as one capitalised word, and says so', () => {
    expect(englishName('石家庄市', 'place')).toEqual({ nameEn: 'Shijiazhuang', source: 'pinyin' });
  });

  it.each([
    ['综合保税区', 'Comprehensive Bonded Zone'],
    ['自由贸易试验区', 'Pilot Free Trade Zone'],
    ['国家级新区', 'State-level New Area'],
    ['跨境电子商务综合试验区', 'Cross-border E-commerce Comprehensive Pilot Zone'],
    ['高新技术产业开发区', 'High-tech Industrial Development Zone'],
  ])('translates the zone type %s as %s', (name, english) => {
    expect(englishName(name, 'pilot')).toEqual({ nameEn: english, source: 'glossary' });
  });

  it('joins a place and a zone type: glossary place → glossary, pinyin place → pinyin', () => {
    expect(englishName('哈尔滨新区', 'pilot')).toEqual({ nameEn: 'Harbin New Area', source: 'glossary' });
    expect(englishName('天津自由贸易试验区', 'pilot', '天津')).toEqual({
      nameEn: 'Tianjin Pilot Free Trade Zone',
      source: 'pinyin',
    });
    expect(englishName('中俄自贸区', 'pilot')?.nameEn).toBe('China–Russia Free Trade Zone');
  });

  it('gives no machine English for a descriptive programme name', () => {
    expect(englishName('民营银行试点', 'pilot')).toBeNull();
  });
});
