// Quotes placed in the plan text and the sentences around them.
import { describe, expect, it } from 'vitest';
import { evidenceQuotes, locateQuote, sentencesAround } from '../../../server/src/graph/passages.ts';

const TEXT = '第一句话。第二句有哈尔滨新区，还有别的。第三句；第四句！';

describe('sentencesAround', () => {
  it('gives the whole sentence before and after the one holding the quote', () => {
    const start = TEXT.indexOf('哈尔滨新区');
    expect(sentencesAround(TEXT, start, start + 5)).toEqual({ before: '第一句话。', after: '第三句；' });
  });

  it('gives empty context at the start and end of the text', () => {
    expect(sentencesAround(TEXT, 0, 2).before).toBe('');
    const last = TEXT.indexOf('第四句');
    expect(sentencesAround(TEXT, last, last + 3).after).toBe('');
  });

  it('treats a quote that ends a sentence as ending there', () => {
    expect(sentencesAround(TEXT, 0, 5).after).toBe('第二句有哈尔滨新区，还有别的。');
  });
});

describe('locateQuote', () => {
  it('keeps recorded offsets that hold and searches the text when they do not', () => {
    const at = TEXT.indexOf('第三句');
    expect(locateQuote(TEXT, '第三句', at, at + 3)).toEqual({ start: at, end: at + 3 });
    expect(locateQuote(TEXT, '第三句', 0, 3)).toEqual({ start: at, end: at + 3 });
    expect(locateQuote(TEXT, '不存在', null, null)).toBeNull();
  });
});

describe('evidenceQuotes', () => {
  it('reads every occurrence a mention records and a list of evidence with offsets', () => {
    expect(
      evidenceQuotes({ quote: 'a', start: 1, end: 2, quotes: ['a', 'a'], starts: [1, 5], ends: [2, 6] }),
    ).toEqual([
      { quote: 'a', start: 1, end: 2 },
      { quote: 'a', start: 5, end: 6 },
    ]);
    expect(evidenceQuotes({ evidence: ['x', 'y'], starts: [3], ends: [4] })).toEqual([
      { quote: 'x', start: 3, end: 4 },
      { quote: 'y', start: null, end: null },
    ]);
    expect(evidenceQuotes({ statusEvidence: 's', statusStart: 7, statusEnd: 8 })).toEqual([
      { quote: 's', start: 7, end: 8 },
    ]);
  });
});
