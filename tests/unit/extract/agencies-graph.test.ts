// The extract stage wired into the import (buildPlanGraph): the importer cases give their agencies and roles
// in the graph without any annotation file, and the seed with its trimmed YAML keeps everything it gave before.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAnnotation } from '../../../server/src/ingest/annotation.ts';
import { buildPlanGraph } from '../../../server/src/ingest/build-plan-graph.ts';
import { CASES } from './_agencies-input.ts';

function graphOf(file: string, yaml?: string) {
  const markdown = readFileSync(file, 'utf8');
  let annotation = null;
  if (yaml) {
    const loaded = loadAnnotation(readFileSync(yaml, 'utf8'), yaml);
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
    annotation = loaded.loaded;
  }
  return buildPlanGraph({ markdown, markdownFile: file, annotation }).graph;
}

function agencyNamed(graph: ReturnType<typeof graphOf>, name: string) {
  return graph.nodes.filter(
    (n) =>
      n.labels.includes('Agency') &&
      (n.properties.name === name || (n.properties.aliases as string[] | undefined)?.includes(name)),
  );
}

describe('responsibility-notes.md imported without a YAML', () => {
  const graph = graphOf(`${CASES}/responsibility-notes.md`);

  it('has one Agency node per body, extracted, with its level, English and confidence', () => {
    const hrss = agencyNamed(graph, '市人社局');
    expect(hrss).toHaveLength(1);
    expect(agencyNamed(graph, '市人力资源社会保障局')[0]?.id).toBe(hrss[0]?.id);
    expect(hrss[0]?.properties).toMatchObject({
      basis: 'extracted',
      level: 'municipal',
      nameEn: 'Qinghe Municipal Human Resources and Social Security Bureau',
      nameEnSource: 'pinyin',
    });
    expect(hrss[0]?.properties.confidence).toBeGreaterThan(0.5);
  });

  it('makes LED_BY and INVOLVES with the text basis, the quote and its offsets', () => {
    const text = graph.plan.text as string;
    const roles = graph.relationships.filter((r) => r.type === 'LED_BY' || r.type === 'INVOLVES');
    expect(roles).toHaveLength(9);
    for (const r of roles) {
      expect(r.properties.basis).toBe('text');
      expect(text.slice(r.properties.start as number, r.properties.end as number)).toBe(
        r.properties.evidence,
      );
    }
    const lead = agencyNamed(graph, '市人力资源社会保障局')[0]?.id;
    expect(roles.filter((r) => r.type === 'LED_BY' && r.end === lead)).toHaveLength(2);
  });

  it('makes MENTIONS from a measure to the bodies it names, and no measure of a note', () => {
    const market = agencyNamed(graph, '市市场监管局')[0]?.id;
    const mentions = graph.relationships.filter((r) => r.type === 'MENTIONS' && r.end === market);
    expect(mentions.map((r) => r.properties.quote)).toEqual(['市市场监管局']);
    const measures = graph.nodes
      .filter((n) => n.labels.includes('Measure'))
      .map((n) => String(n.properties.text));
    expect(measures.filter((m) => m.startsWith('（'))).toEqual([]);
  });
});

describe('the importer cases in the graph', () => {
  it('long-first-clause.md: LED_BY 市商务局, 青禾海关, 市商务局 and no measure made of a note', () => {
    const graph = graphOf(`${CASES}/long-first-clause.md`);
    const led = graph.relationships
      .filter((r) => r.type === 'LED_BY')
      .map((r) => graph.nodes.find((n) => n.id === r.end)?.properties.name);
    expect(led).toEqual(['青禾市商务局', '青禾海关', '青禾市商务局']);
    const measures = graph.nodes.filter((n) => n.labels.includes('Measure'));
    expect(measures.some((m) => String(m.properties.text).includes('负责部门'))).toBe(false);
  });

  it('variant-table.md: each row’s lead unit is LED_BY of its task, with its deadline', () => {
    const graph = graphOf(`${CASES}/variant-table.md`);
    const led = graph.relationships
      .filter((r) => r.type === 'LED_BY')
      .map((r) => [
        graph.nodes.find((n) => n.id === r.start)?.properties.title,
        graph.nodes.find((n) => n.id === r.end)?.properties.name,
        r.properties.deadline,
      ]);
    expect(led).toEqual([
      ['推进简政放权', '市发展改革委', '2025年'],
      ['优化营商环境', '市市场监管局', '2024年'],
    ]);
  });
});

describe('the seed with its trimmed YAML', () => {
  const before = JSON.parse(readFileSync('tests/fixtures/extract/seed-before.json', 'utf8')) as {
    entities: string[];
    relationships: string[];
  };
  const graph = graphOf('seeds/harbin-2016-economic-reform.md', 'seeds/harbin-2016-economic-reform.yaml');

  it('keeps every agency and pilot id it had before the extractor', () => {
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(before.entities.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('keeps every mention, role, PILOTED_IN and dependency it had before', () => {
    const keys = new Set(
      graph.relationships.map((r) => `${r.type}|${r.start}|${r.end}|${(r.properties.kind as string) ?? ''}`),
    );
    expect(before.relationships.filter((k) => !keys.has(k))).toEqual([]);
  });

  it('has shared-pilot links now that pilots are extracted', () => {
    expect(
      graph.relationships.some((r) => r.type === 'DEPENDS_ON' && r.properties.kind === 'shared-pilot'),
    ).toBe(true);
  });
});
