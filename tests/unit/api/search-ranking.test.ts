// Ranking and snippets of search hits, on nodes built in the test.
import { describe, expect, it } from 'vitest';
import type { GraphNode, NodeId } from '../../../server/src/domain/types.ts';
import { namePinyin, pinyinSpan } from '../../../server/src/graph/pinyin.ts';
import { rankHits, searchText } from '../../../server/src/graph/search-ranking.ts';

function node(
  id: string,
  label: GraphNode['labels'][number],
  properties: GraphNode['properties'],
): GraphNode {
  return { id: id as NodeId, labels: [label], properties: { id, ...properties } };
}

const nodes = [
  node('p:zone', 'Pilot', {
    name: '哈尔滨综合保税区',
    nameEn: 'Harbin Comprehensive Bonded Zone',
    aliases: ['综合保税区'],
  }),
  node('a:zone-office', 'Agency', {
    name: '哈尔滨综合保税区管理委员会',
    nameEn: 'Harbin Comprehensive Bonded Zone Administrative Committee',
  }),
  node('p:area', 'Pilot', { name: '哈尔滨新区', nameEn: 'Harbin New Area' }),
  node('m:1', 'Measure', { name: '推进哈尔滨新区建设', text: '推进哈尔滨新区建设，完善体制机制。' }),
];

describe('searchText', () => {
  it('normalises width and spaces and keeps Latin-only text as a pinyin candidate', () => {
    expect(searchText('  ＨＥＢＸＱ ')).toEqual({ text: 'HEBXQ', lower: 'hebxq', pinyin: 'hebxq' });
    expect(searchText('Harbin  New   Area').pinyin).toBe('harbinnewarea');
    expect(searchText('新区').pinyin).toBe('');
  });
});

describe('rankHits', () => {
  it('ranks an exact name above names that merely contain it', () => {
    const hits = rankHits(nodes, searchText('哈尔滨新区'), 10);
    expect(hits.map((hit) => hit.id)).toEqual(['p:area', 'm:1']);
    expect(hits[0]?.snippet).toBe('«哈尔滨新区»');
  });

  it('ranks an exact alias first and marks it', () => {
    const [first] = rankHits(nodes, searchText('综合保税区'), 10);
    expect(first?.id).toBe('p:zone');
    expect(first?.matchedOn).toBe('alias');
  });

  it('prefers the name the query covers more of, case-insensitively in English', () => {
    const hits = rankHits(nodes, searchText('BONDED ZONE'), 10);
    expect(hits.map((hit) => hit.id)).toEqual(['p:zone', 'a:zone-office']);
    expect(hits[0]?.snippet).toBe('Harbin Comprehensive «Bonded Zone»');
  });

  it('matches pinyin initials and full pinyin computed from the name when no property holds them', () => {
    expect(rankHits(nodes, searchText('hebxq'), 1)[0]?.id).toBe('p:area');
    expect(rankHits(nodes, searchText('haerbinxinqu'), 1)[0]?.id).toBe('p:area');
  });

  it('gives text matches a window of context', () => {
    const [hit] = rankHits([nodes[3] as GraphNode], searchText('体制机制'), 1);
    expect(hit?.matchedOn).toBe('text');
    expect(hit?.snippet).toBe('推进哈尔滨新区建设，完善«体制机制»。');
  });

  it('respects the limit', () => {
    expect(rankHits(nodes, searchText('哈尔滨'), 2)).toHaveLength(2);
  });
});

describe('pinyinSpan', () => {
  it('maps initials, full syllables and mixed input onto the characters', () => {
    const py = namePinyin('哈尔滨新区管委会');
    expect(pinyinSpan(py, 'xq')).toEqual({ from: 3, to: 5 });
    expect(pinyinSpan(py, 'xinqu')).toEqual({ from: 3, to: 5 });
    expect(pinyinSpan(py, 'haerbxq')).toEqual({ from: 0, to: 5 });
    expect(pinyinSpan(py, 'zzz')).toBeNull();
  });
});
