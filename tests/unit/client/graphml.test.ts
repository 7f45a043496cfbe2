import { describe, expect, it } from 'vitest';
import { toGraphml } from '../../../client/src/model/graphml.ts';
import type { CyEdgeData, CyNodeData } from '../../../client/src/types.ts';

const nodes: CyNodeData[] = [
  {
    id: 'a:1',
    label: 'Task',
    labels: ['Task'],
    name: '深化“放管服”改革 <&>',
    nameEn: null,
    parent: null,
    order: 2,
  },
  {
    id: 'b',
    label: 'Pilot',
    labels: ['Pilot'],
    name: '哈尔滨新区',
    nameEn: 'Harbin New Area',
    parent: null,
    aliases: ['新区'],
  },
];
const edges: CyEdgeData[] = [
  { id: 'a:1|PILOTED_IN|b', source: 'a:1', target: 'b', type: 'PILOTED_IN', basis: 'text' },
];

describe('the GraphML export of the view', () => {
  const xml = toGraphml(nodes, edges);
  const doc = new DOMParserLike(xml);

  it('holds every node and edge of the view', () => {
    expect(doc.count('<node ')).toBe(2);
    expect(doc.count('<edge ')).toBe(1);
    expect(xml).toContain('source="a:1" target="b"');
  });

  it('escapes markup in Chinese names and keeps lists as JSON text', () => {
    expect(xml).toContain('深化“放管服”改革 &lt;&amp;&gt;');
    expect(xml).toContain('[&quot;新区&quot;]');
  });

  it('declares typed keys for node and edge properties', () => {
    expect(xml).toContain('attr.name="order" attr.type="double"');
    expect(xml).toContain('for="edge" attr.name="basis" attr.type="string"');
  });
});

/** Counting tags is enough here; the e2e suite opens real exports. */
class DOMParserLike {
  constructor(private readonly text: string) {}
  count(fragment: string) {
    return this.text.split(fragment).length - 1;
  }
}
