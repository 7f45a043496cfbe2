// Quotes placed in the plan text and the contiguous text around them.
import { describe, expect, it } from 'vitest';
import { contextAround, evidenceQuotes, locateQuote } from '../../../server/src/graph/passages.ts';

const TEXT = '第一句话。第二句有哈尔滨新区，还有别的。第三句；第四句！';

describe('contextAround', () => {
  it("keeps the rest of the quote's own sentence and one whole sentence on each side, contiguously", () => {
    const start = TEXT.indexOf('哈尔滨新区');
    const around = contextAround(TEXT, start, start + 5);
    expect(around.context.text).toBe('第一句话。第二句有哈尔滨新区，还有别的。第三句；');
    expect(TEXT.slice(around.context.start, around.context.end)).toBe(around.context.text);
    expect(around.before).toBe('第一句话。第二句有');
    expect(around.after).toBe('，还有别的。第三句；');
  });

  it('gives no neighbour at the start and end of the text', () => {
    expect(contextAround(TEXT, 0, 2).before).toBe('');
    expect(contextAround(TEXT, 0, 2).context.text).toBe('第一句话。第二句有哈尔滨新区，还有别的。');
    const last = TEXT.indexOf('第四句');
    expect(contextAround(TEXT, last, last + 3).after).toBe('！');
    expect(contextAround(TEXT, last, last + 3).context.text).toBe('第三句；第四句！');
  });

  it('treats a quote that ends a sentence as ending there', () => {
    expect(contextAround(TEXT, 0, 5).after).toBe('第二句有哈尔滨新区，还有别的。');
  });

  it('takes a line as a sentence and leaves the line breaks around the context out', () => {
    const text = '一、总体要求\n（一）指导思想。推进改革。\n\n二、重点任务\n';
    const start = text.indexOf('推进改革');
    const around = contextAround(text, start, start + 4);
    expect(around.context.text).toBe('（一）指导思想。推进改革。\n\n二、重点任务');
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
