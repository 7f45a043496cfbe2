// The overview GET /api/graph sends by default: long names cut where a reader would still recognise them,
// empty fields left out, and edge ids sent only where a client could not rebuild them.
import { describe, expect, it } from 'vitest';
import type { EdgeId, GraphNode, NodeId, Subgraph } from '../../../server/src/domain/types.ts';
import { shortName, toCyOverview } from '../../../server/src/graph/cy-elements.ts';

const SENTENCE = '坚持“多取消、审一次、真备案”，对国家和省取消、下放和调整行政权力事项同步跟进。';

function node(
  id: string,
  label: GraphNode['labels'][number],
  properties: GraphNode['properties'],
): GraphNode {
  return { id: id as NodeId, labels: [label], properties: { id, plan: 'p', ...properties } };
}

const graph: Subgraph = {
  nodes: [
    node('p:domain:1', 'Domain', { name: '政府改革', nameEn: 'Government reform', text: null }),
    node('p:task:1', 'Task', { name: '简政放权', text: SENTENCE, start: 0, end: 40 }),
    node('p:measure:1', 'Measure', { name: SENTENCE, text: SENTENCE, start: 0, end: 40 }),
    node('p:agency:a', 'Agency', { name: '市财政局', nameEn: null, pinyin: 'shi cai zheng ju' }),
  ],
  edges: [
    {
      id: 'p:domain:1|HAS_TASK|p:task:1' as EdgeId,
      type: 'HAS_TASK',
      start: 'p:domain:1' as NodeId,
      end: 'p:task:1' as NodeId,
      properties: { order: 1 },
    },
    {
      id: 'p:task:1|HAS_MEASURE|p:measure:1' as EdgeId,
      type: 'HAS_MEASURE',
      start: 'p:task:1' as NodeId,
      end: 'p:measure:1' as NodeId,
      properties: { order: 1 },
    },
    {
      id: 'p:task:1|LED_BY|p:agency:a' as EdgeId,
      type: 'LED_BY',
      start: 'p:task:1' as NodeId,
      end: 'p:agency:a' as NodeId,
      properties: { basis: 'curated', evidence: null },
    },
    {
      id: 'p:measure:1|MENTIONS|p:agency:a#1a2b3c4d' as EdgeId,
      type: 'MENTIONS',
      start: 'p:measure:1' as NodeId,
      end: 'p:agency:a' as NodeId,
      properties: { quote: '财政', start: 3, end: 5 },
    },
    {
      id: 'p:measure:1|MENTIONS|p:agency:a#5e6f7a8b' as EdgeId,
      type: 'MENTIONS',
      start: 'p:measure:1' as NodeId,
      end: 'p:agency:a' as NodeId,
      properties: { quote: '财政局', start: 9, end: 12 },
    },
  ],
};

describe('shortName', () => {
  it('keeps a name that fits', () => {
    expect(shortName('市财政局', 12)).toBe('市财政局');
  });

  it('cuts a sentence at its first clause end when it comes early enough, else at the limit, marking the cut', () => {
    expect(shortName('进一步精简市级权力事项，提升“放”的含金量、协同度。', 14, true)).toBe(
      '进一步精简市级权力事项…',
    );
    expect(shortName(SENTENCE, 12, true)).toBe('坚持“多取消、审一次、…');
    expect(Array.from(shortName(SENTENCE, 12, true))).toHaveLength(12);
  });

  it('keeps as much of a title as fits', () => {
    expect(shortName('Reform of state assets, enterprises and markets', 30)).toBe(
      'Reform of state assets, enter…',
    );
  });

  it('never splits a character outside the basic plane', () => {
    expect(shortName('𠀀𠀁𠀂𠀃𠀄𠀅', 4)).toBe('𠀀𠀁𠀂…');
  });
});

describe('toCyOverview', () => {
  const overview = toCyOverview(graph);
  const data = (id: string) => overview.nodes.find((n) => n.data.id === id)?.data;

  it("sends a measure's opening, not its sentence, and no texts, offsets or pinyin", () => {
    expect(data('p:measure:1')).toEqual({
      id: 'p:measure:1',
      label: 'Measure',
      name: '坚持“多取消、审一次、…',
    });
    expect(data('p:agency:a')).toEqual({ id: 'p:agency:a', label: 'Agency', name: '市财政局' });
  });

  it('gives a task its domain as parent and keeps English names', () => {
    expect(data('p:task:1')?.parent).toBe('p:domain:1');
    expect(data('p:domain:1')?.nameEn).toBe('Government reform');
  });

  it('sends edge ids only for edges that share source, type and target', () => {
    const ids = overview.edges.map((e) => e.data.id).filter(Boolean);
    expect(ids.sort()).toEqual([
      'p:measure:1|MENTIONS|p:agency:a#1a2b3c4d',
      'p:measure:1|MENTIONS|p:agency:a#5e6f7a8b',
    ]);
    expect(overview.edges.find((e) => e.data.type === 'LED_BY')?.data).toEqual({
      source: 'p:task:1',
      target: 'p:agency:a',
      type: 'LED_BY',
      basis: 'curated',
    });
  });

  it('keeps domain names whole in both languages, so the filters never show two titles cut alike', () => {
    const title = '加快完善现代市场体系与要素市场化配置的体制机制改革';
    const titleEn =
      'Accelerating the Improvement of the Modern Market System and the Market-Based Allocation of Factors';
    const { nodes } = toCyOverview({
      nodes: [node('p:domain:2', 'Domain', { name: title, nameEn: titleEn })],
      edges: [],
    });
    expect(nodes[0]?.data.name).toBe(title);
    expect(nodes[0]?.data.nameEn).toBe(titleEn);
  });
});
