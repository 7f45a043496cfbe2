// Which plan nodes share a corpus node: a national body of the lexicon by its lexicon id, a pilot by its full
// name; a local department (one per locality) and a city's zone beside the national programme stay apart.
import { describe, expect, it } from 'vitest';
import { addCorpusIdentity, corpusIdOf } from '../../../server/src/ingest/stages/corpus-identity.ts';

const agency = (properties: Record<string, string>) => ({ labels: ['Agency' as const], properties });
const pilot = (name: string) => ({ labels: ['Pilot' as const], properties: { name } });

describe('corpus identity', () => {
  it('gives a national body of the lexicon its lexicon id, whatever short form the plan used', () => {
    expect(corpusIdOf(agency({ name: '国家发展和改革委员会', lexiconId: 'ndrc' }))).toBe(
      'corpus:agency:ndrc',
    );
    expect(corpusIdOf(agency({ name: '青禾市财政局', lexiconId: 'local:finance' }))).toBeNull();
    expect(corpusIdOf(agency({ name: '某某集团有限公司' }))).toBeNull();
  });

  it('keeps a city’s bonded zone apart from the national programme, and joins the same name with or without quotes', () => {
    expect(corpusIdOf(pilot('青禾综合保税区'))).toBe('corpus:pilot:青禾综合保税区');
    expect(corpusIdOf(pilot('国家综合保税区'))).not.toBe(corpusIdOf(pilot('青禾综合保税区')));
    expect(corpusIdOf(pilot('“营改增”试点'))).toBe(corpusIdOf(pilot('营改增试点')));
  });

  it('sets corpusId only on the nodes that have one', () => {
    const nodes = [
      agency({ name: '财政部', lexiconId: 'mof' }),
      agency({ name: '青禾市财政局', lexiconId: 'local:finance' }),
      pilot('青禾新区'),
      { labels: ['Task' as const], properties: { name: '推进改革' } },
    ];
    expect(addCorpusIdentity(nodes)).toBe(2);
    expect(nodes.map((n) => (n.properties as Record<string, unknown>).corpusId ?? null)).toEqual([
      'corpus:agency:mof',
      null,
      'corpus:pilot:青禾新区',
      null,
    ]);
  });
});
