import { describe, expect, it } from 'vitest';
import { buildPlanFromFiles } from '../../../server/src/ingest/plan-files.ts';
import { SECOND_MD } from './_plans.ts';
import { quotesOf } from './_provenance.ts';

// The second plan differs from the seed on purpose: a bold title, a plain-text chapter heading, domains
// written as 一、 parts at #### or bold, chapters without 第X节, another city and other entities.
const built = await buildPlanFromFiles({ markdownPath: SECOND_MD });
const { graph, text } = built;
const count = (label: string) => graph.nodes.filter((n) => n.labels[0] === label).length;
const rel = (type: string, start: string, end: string) =>
  graph.relationships.find((r) => r.type === type && r.start === start && r.end === end);

describe('a second plan with other conventions', () => {
  it('finds its annotation beside it and takes the plan id from it', () => {
    expect(built.annotationsPath).toMatch(/jiangbei-2021-innovation\.yaml$/);
    expect(graph.plan).toMatchObject({
      id: 'jiangbei-2021',
      periodStart: 2021,
      periodEnd: 2025,
      issuer: '江北市人民政府办公室',
    });
  });

  it('reads its 3 chapters, 2 domains and 4 tasks', () => {
    expect(count('Chapter')).toBe(3);
    expect(count('Domain')).toBe(2);
    expect(graph.nodes.filter((n) => n.labels[0] === 'Task').map((n) => n.properties.title)).toEqual([
      '推进科研项目管理改革',
      '建设江北高新区创新高地',
      '设立科技创新基金',
      '开展数字经济创新发展试验区建设',
    ]);
    expect(count('Section')).toBe(3);
  });

  it('re-joins the task paragraph its page break split and reads the target in it', () => {
    const target = graph.nodes.find((n) => n.labels[0] === 'Target' && n.properties.value === 120);
    expect(target?.properties).toMatchObject({ unit: '家', year: 2025, quote: '高新区研发机构达到120家' });
  });

  it('reads its lists: 2 legal bases, 2 principles, 2 safeguards, 3 priorities, 3 key fields', () => {
    expect([
      count('LegalBasis'),
      count('Principle'),
      count('Safeguard'),
      count('Priority'),
      count('KeyField'),
    ]).toEqual([2, 2, 2, 3, 3]);
  });

  it('links tasks through the shared mechanism, the shared pilot and the curated dependency', () => {
    const kinds = graph.relationships.filter((r) => r.type === 'DEPENDS_ON').map((r) => r.properties.kind);
    expect(kinds.sort()).toEqual(['explicit', 'shared-measure', 'shared-pilot']);
    expect(
      rel('PILOTED_IN', 'jiangbei-2021:task:2.2.2', 'jiangbei-2021:pilot:digital-economy-zone'),
    ).toBeDefined();
    expect(
      rel('LED_BY', 'jiangbei-2021:task:2.1.1', 'jiangbei-2021:agency:science-bureau')?.properties,
    ).toMatchObject({
      basis: 'text',
      evidence: '由市科技局牵头',
    });
    expect(
      rel('LED_BY', 'jiangbei-2021:task:2.1.2', 'jiangbei-2021:agency:science-bureau')?.properties.basis,
    ).toBe('curated');
  });

  it('keeps every quote sliceable from its own text', () => {
    const refs = [
      ...graph.nodes.flatMap((n) => quotesOf(n.id, n.properties)),
      ...graph.relationships.flatMap((r) => quotesOf(r.type, r.properties)),
    ];
    expect(refs.filter((r) => text.slice(r.start, r.end) !== r.quote)).toEqual([]);
  });
});
