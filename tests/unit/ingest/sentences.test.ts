import { describe, expect, it } from 'vitest';
import { splitClauses, splitSentences } from '../../../server/src/ingest/sentences.ts';

describe('splitSentences', () => {
  it('splits on 。；！？ and keeps the punctuation with its sentence', () => {
    expect(splitSentences('甲。乙；丙！丁？').map((s) => s.text)).toEqual(['甲。', '乙；', '丙！', '丁？']);
  });

  it('never splits inside quotes or brackets', () => {
    const text = '实现了“一口受理。一次发证”。推进《条例。》实施（含试点；示范）。';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      '实现了“一口受理。一次发证”。',
      '推进《条例。》实施（含试点；示范）。',
    ]);
  });

  it('treats an opening quote that never closes as plain text', () => {
    expect(splitSentences('甲“乙。丙。').map((s) => s.text)).toEqual(['甲“乙。', '丙。']);
  });

  it('gives offsets that slice back to each sentence', () => {
    const text = '前言。正文第一句，第二分句。';
    for (const s of splitSentences(text.slice(3), 3)) expect(text.slice(s.start, s.end)).toBe(s.text);
    for (const c of splitClauses(text)) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});
