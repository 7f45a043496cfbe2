// The Lucene query for the search index: user text is never Lucene syntax, Chinese runs become phrases (the
// CJK analyzer indexes bigrams), other words match inside indexed words, and what the index cannot find — a
// lone Chinese character, a stop word — sends the search to the CONTAINS scan (null).
import { describe, expect, it } from 'vitest';
import { escapeLucene, fullTextQuery } from '../../../server/src/neo4j/search-lucene.ts';

describe('fullTextQuery', () => {
  it('asks for a Chinese name as one phrase', () => {
    expect(fullTextQuery('综合保税区', '')).toBe('+"综合保税区"');
  });

  it('requires every run, Chinese as phrases and Latin or digits inside words', () => {
    expect(fullTextQuery('中国制造2025', '')).toBe('+"中国制造" +*2025*');
    expect(fullTextQuery('harbin new area', 'harbinnewarea')).toBe(
      '(+*harbin* +*new* +*area*) OR *harbinnewarea*',
    );
  });

  it('finds pinyin initials inside the stored pinyin word', () => {
    expect(fullTextQuery('hebxq', 'hebxq')).toBe('+*hebxq*');
  });

  it('drops quotes and punctuation, which the analyzer does not index (the ranking checks them)', () => {
    expect(fullTextQuery('“互联网+”', '')).toBe('+"互联网"');
  });

  it('gives up on a lone Chinese character: the index holds it only inside bigrams', () => {
    expect(fullTextQuery('区', '')).toBeNull();
    expect(fullTextQuery('新 区', '')).toBeNull();
  });

  it('does not require words that may be part of a stop word, which the index leaves out', () => {
    expect(fullTextQuery('bank of china', 'bankofchina')).toBe('(+*bank* +*china*) OR *bankofchina*');
    expect(fullTextQuery('the', 'the')).toBeNull();
    expect(fullTextQuery('he', 'he')).toBeNull();
  });

  it('gives up on text with nothing indexable', () => {
    expect(fullTextQuery('%_%', '')).toBeNull();
    expect(fullTextQuery('“”', '')).toBeNull();
  });

  it.each([
    'name:哈尔滨* AND text:~ [a TO z] {x} ^2 ||&& !',
    '"}) RETURN 1 UNION MATCH (n) DETACH DELETE n //',
    'back\\slash\\',
  ])('keeps Lucene operators in %s out of the query', (text) => {
    const query = fullTextQuery(text.toLowerCase(), '') ?? '';
    // Only our own syntax: + for required clauses, quotes around phrases, * around words.
    const clauses = query.split(' ');
    for (const clause of clauses) expect(clause).toMatch(/^\+(?:"[^"\\]+"|\*[\p{L}\p{N}]+\*)$/u);
  });
});

describe('escapeLucene', () => {
  it('backslash-escapes every operator of the classic query parser', () => {
    expect(escapeLucene('a+b-c!(d){e}[f]^"g"~h*i?j:k\\l/m&&n||o p')).toBe(
      'a\\+b\\-c\\!\\(d\\)\\{e\\}\\[f\\]\\^\\"g\\"\\~h\\*i\\?j\\:k\\\\l\\/m\\&\\&n\\|\\|o\\ p',
    );
  });
});

describe('runs of digits beside Chinese', () => {
  it('splits digits from the Chinese they touch, as the analyzer does', () => {
    expect(fullTextQuery('858职教', '')).toBe('+*858* +"职教"');
  });
});
