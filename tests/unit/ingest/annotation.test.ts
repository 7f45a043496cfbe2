import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAnnotation } from '../../../server/src/ingest/annotation.ts';
import { buildPlanGraph } from '../../../server/src/ingest/build-plan-graph.ts';
import { ImportInputError } from '../../../server/src/ingest/errors.ts';
import { SEED_MD, SEED_MINIMAL_YAML } from './_plans.ts';

const markdown = readFileSync(SEED_MD, 'utf8');
const yaml = readFileSync(SEED_MINIMAL_YAML, 'utf8');

function lineOf(source: string, fragment: string): number {
  return source.slice(0, source.indexOf(fragment)).split('\n').length;
}

function importWith(source: string): ImportInputError | null {
  const loaded = loadAnnotation(source, 'plan.yaml');
  if (!loaded.ok) return new ImportInputError(loaded.problems);
  try {
    buildPlanGraph({ markdown, markdownFile: 'plan.md', annotation: loaded.loaded });
    return null;
  } catch (error) {
    if (error instanceof ImportInputError) return error;
    throw error;
  }
}

describe('annotation checks', () => {
  it('accepts the test annotation of the seed', () => {
    expect(importWith(yaml)).toBeNull();
  });

  it('names the YAML line and the quote when an evidence quote is not in the plan', () => {
    const broken = yaml.replace('加快推进临空经济区获得国家审批', '加快推进临空经济区获得国务院审批');
    const error = importWith(broken);
    expect(error?.message).toContain(`plan.yaml:${lineOf(broken, '加快推进临空经济区获得国务院审批')}:`);
    expect(error?.message).toContain('加快推进临空经济区获得国务院审批');
  });

  it('names the line of a value the schema refuses', () => {
    const broken = yaml.replace('kind: programme', 'kind: programm');
    const error = importWith(broken);
    expect(error?.problems[0]?.line).toBe(lineOf(broken, 'kind: programm'));
    expect(error?.message).toContain('pilots.2.kind');
  });

  it('refuses a task title that does not match the plan, so annotations cannot shift silently', () => {
    const broken = yaml.replace('title: 优化政府组织结构', 'title: 优化政府机构');
    const error = importWith(broken);
    expect(error?.problems[0]?.line).toBe(lineOf(broken, 'title: 优化政府机构'));
    expect(error?.message).toContain('优化政府组织结构');
  });

  it('refuses a responsibility that names an undeclared agency', () => {
    const broken = yaml.replace('agency: reform-commission', 'agency: no-such-agency');
    expect(importWith(broken)?.message).toMatch(/plan\.yaml:\d+: .*unknown agency key “no-such-agency”/);
  });

  it('reports a YAML syntax error with its line', () => {
    const loaded = loadAnnotation('plan:\n  id: [unclosed\n', 'bad.yaml');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems[0]?.file).toBe('bad.yaml');
  });
});
