// The Lucene query for the search index: user text is never Lucene syntax, Chinese runs become phrases (the
// CJK analyzer indexes bigrams), and what the index cannot find — a lone Chinese character, Latin text that
// may sit inside a longer word — is left out, or sends the whole search to the CONTAINS scan (null).
import { describe, expect, it } from 'vitest';
import { escapeLucene, fullTextQuery } from '../../../server/src/neo4j/search-lucene.ts';

describe('fullTextQuery', () => {
  it('asks for a Chinese name as one phrase', () => {
    expect(fullTextQuery('综合保税区', 'p')).toBe('+plan:"p" +"综合保税区"');
  });

  it('requires every Chinese run of two or more characters', () => {
    expect(fullTextQuery('深化 改革', 'p')).toBe('+plan:"p" +"深化" +"改革"');
  });

  it('leaves digits and Latin beside Chinese to the ranking, which checks the whole text', () => {
    expect(fullTextQuery('中国制造2025', 'p')).toBe('+plan:"p" +"中国制造"');
    expect(fullTextQuery('2858职教', 'p')).toBe('+plan:"p" +"职教"');
  });

  it('drops quotes and punctuation, which the analyzer does not index', () => {
    expect(fullTextQuery('“互联网+”', 'p')).toBe('+plan:"p" +"互联网"');
  });

  it('scans for a lone Chinese character: the index holds it only inside bigrams', () => {
    expect(fullTextQuery('区', 'p')).toBeNull();
    expect(fullTextQuery('新 区', 'p')).toBeNull();
    expect(fullTextQuery('新 区域', 'p')).toBe('+plan:"p" +"区域"');
  });

  it('scans for Latin-only text (pinyin and English are matched inside words)', () => {
    expect(fullTextQuery('hebxq', 'p')).toBeNull();
    expect(fullTextQuery('harbin new area', 'p')).toBeNull();
  });

  it('scans for text with nothing indexable', () => {
    expect(fullTextQuery('%_%', 'p')).toBeNull();
    expect(fullTextQuery('“”', 'p')).toBeNull();
  });

  it.each([
    'name:哈尔滨* AND text:~ [a TO z] {x} ^2 ||&& !',
    '"}) RETURN 1 UNION MATCH (n:改革) DETACH DELETE n //',
    '哈尔滨"新区\\改革',
  ])('keeps Lucene operators in %s out of the query', (text) => {
    const query = fullTextQuery(text.toLowerCase(), 'p');
    expect(query).not.toBeNull();
    // Only our own syntax: + for required clauses and quotes around phrases of CJK characters.
    const [plan, ...clauses] = query?.split(' ') ?? [];
    expect(plan).toBe('+plan:"p"');
    for (const clause of clauses) expect(clause).toMatch(/^\+"\p{Script=Han}+"$/u);
  });
});

describe('the plan clause', () => {
  it("keeps the query to the plan's id, escaped as Lucene text", () => {
    expect(fullTextQuery('新区', 'harbin-2016')).toBe('+plan:"harbin\\-2016" +"新区"');
    expect(fullTextQuery('新区', 'a"b')).toBe('+plan:"a\\"b" +"新区"');
  });

  it('leaves the clause out for an id the analyzer would reduce to nothing (stop words only)', () => {
    expect(fullTextQuery('新区', 'the-a')).toBe('+"新区"');
  });
});

describe('escapeLucene', () => {
  it('backslash-escapes every operator of the classic query parser', () => {
    expect(escapeLucene('a+b-c!(d){e}[f]^"g"~h*i?j:k\\l/m&&n||o p')).toBe(
      'a\\+b\\-c\\!\\(d\\)\\{e\\}\\[f\\]\\^\\"g\\"\\~h\\*i\\?j\\:k\\\\l\\/m\\&\\&n\\|\\|o\\ p',
    );
  });
});
