// The 52 State Council documents import without an annotation, and ten of them, counted by hand (notes in
// tests/fixtures/outline/*.json), give exactly the metadata, domains and tasks a reader finds in them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPlanGraph } from '../../../server/src/ingest/build-plan-graph.ts';
import { quotesOf } from './_provenance.ts';
import { CORPUS, corpusFiles } from './_shared.ts';

interface Truth {
  file: string;
  kind: string;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  issuedOn: string | null;
  parts: number;
  domains: Array<{ title: string; tasks: number }>;
  firstTask: string | null;
  note: string;
}

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/outline');
const truths: Truth[] = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as Truth);

function build(file: string) {
  const markdown = readFileSync(path.join(CORPUS, file), 'utf8');
  return buildPlanGraph({ markdown, markdownFile: file });
}

describe('the State Council corpus', () => {
  it('has its 52 documents', () => {
    expect(corpusFiles()).toHaveLength(52);
  });

  it.each(corpusFiles())('imports %s without an annotation, every quote sliceable from Plan.text', (file) => {
    const { graph, text } = build(file);
    expect(graph.plan.title).not.toBe('');
    expect(String(graph.plan.text)).toBe(text);
    const refs = [
      ...graph.nodes.flatMap((n) => quotesOf(n.id, n.properties)),
      ...graph.relationships.flatMap((r) => quotesOf(r.type, r.properties)),
    ];
    expect(refs.filter((r) => text.slice(r.start, r.end) !== r.quote)).toEqual([]);
    expect(text).not.toMatch(/<!--|\*\*/);
  });
});

describe('ten documents counted by hand', () => {
  it('covers at least ten documents of at least six kinds', () => {
    expect(truths.length).toBeGreaterThanOrEqual(10);
    expect(new Set(truths.map((t) => t.kind)).size).toBeGreaterThanOrEqual(6);
  });

  it.each(truths.map((t) => [t.file, t] as const))('%s', (file, truth) => {
    const { graph } = build(file);
    const label = (name: string) => graph.nodes.filter((n) => n.labels.includes(name as never));
    expect(graph.plan).toMatchObject({
      title: truth.title,
      docNumber: truth.docNumber,
      issuer: truth.issuer,
      issuedOn: truth.issuedOn,
      kind: truth.kind,
    });
    expect(label('Chapter')).toHaveLength(truth.parts);
    const domains = label('Domain').map((d) => ({
      title: d.properties.title,
      tasks: graph.relationships.filter((r) => r.type === 'HAS_TASK' && r.start === d.id).length,
    }));
    expect(domains).toEqual(truth.domains);
    const first = label('Task')[0];
    expect(first?.properties.title ?? null).toBe(truth.firstTask);
  });
});

describe('titled parts become the plan’s lists, not domains', () => {
  it('guofa-2019-005: 总体要求 gives four 坚持… principles, 保障措施 three safeguards', () => {
    const { graph } = build('guofa-2019-005.md');
    const titles = (label: string) =>
      graph.nodes.filter((n) => n.labels.includes(label as never)).map((n) => n.properties.title);
    expect(titles('Principle')).toEqual(['坚持全面覆盖', '坚持规范透明', '坚持问题导向', '坚持协同推进']);
    expect(titles('Safeguard')).toEqual(['加强组织领导', '严格责任落实', '营造良好环境']);
    expect(titles('Domain')).toEqual(['重点任务']);
  });

  it('guobanfa-2018-123: numbered 坚持… items under （三）基本原则 are four principles', () => {
    const { graph } = build('guobanfa-2018-123.md');
    const principles = graph.nodes
      .filter((n) => n.labels.includes('Principle'))
      .map((n) => n.properties.title);
    expect(principles).toEqual(['坚持正确导向', '坚持需求引领', '坚持互联融合', '坚持创新发展']);
  });

  it('guohan-2018-159: a safeguards point without items (十四、加强规划组织实施) is one safeguard', () => {
    const { graph } = build('guohan-2018-159.md');
    const safeguards = graph.nodes
      .filter((n) => n.labels.includes('Safeguard'))
      .map((n) => n.properties.title);
    expect(safeguards).toEqual(['加强规划组织实施']);
  });
});
