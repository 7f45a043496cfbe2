// Comparing two plans pairs their tasks by the cosine of character-bigram TF-IDF vectors: a task about the same
// work in other words scores above one about something else, and each task is paired once.
import { describe, expect, it } from 'vitest';
import {
  bigrams,
  cosine,
  mostSimilarPairs,
  tfidfVectors,
} from '../../../server/src/graph/text-similarity.ts';

describe('text similarity of Chinese passages', () => {
  it('cuts a text into character bigrams without punctuation or spaces', () => {
    expect(bigrams('融资担保，支小。')).toEqual(['融资', '资担', '担保', '保支', '支小']);
    expect(bigrams('县')).toEqual(['县']);
    expect(bigrams('')).toEqual([]);
  });

  it('gives 1 for the same text, 0 for texts without a common bigram', () => {
    const [a, b, c] = tfidfVectors(['完善融资担保体系', '完善融资担保体系', '加强生态保护']);
    expect(cosine(a ?? new Map(), b ?? new Map())).toBeCloseTo(1, 6);
    expect(cosine(a ?? new Map(), c ?? new Map())).toBe(0);
  });

  it('pairs each task with the one on the same work, best first, each task once', () => {
    const city = ['完善中小企业信用担保体系，拓宽小微企业融资渠道', '推进农村土地承包经营权确权登记颁证'];
    const national = [
      '开展农村承包土地确权登记颁证工作',
      '政府性融资担保机构聚焦小微企业，降低担保费率',
      '加强安全生产监管',
    ];
    const pairs = mostSimilarPairs(city, national, 10, 0.05);
    expect(pairs.map((p) => [p.a, p.b]).sort()).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(pairs[0]?.similarity).toBeGreaterThanOrEqual(pairs[1]?.similarity ?? 0);
    expect(mostSimilarPairs(city, national, 1, 0.05)).toHaveLength(1);
  });
});
