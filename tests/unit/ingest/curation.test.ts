// The curation stage on its own (no database): decisions in the annotation's `curation:` list change the built
// graph in their order, a later decision about a merged agency follows it, a decision whose target the text does
// not yield is orphaned rather than an error, and the curated YAML reads back to the same bytes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CurationDecision } from '../../../server/src/domain/curation.ts';
import { buildPlanGraph } from '../../../server/src/ingest/build-plan-graph.ts';
import {
  curationYaml,
  loadCurationYaml,
  rebuildWithCuration,
} from '../../../server/src/ingest/curation-yaml.ts';

const FILE = path.resolve(import.meta.dirname, '../../fixtures/plans/jiangbei-2021-innovation.md');
const PLAN = 'jb';
const id = (kind: string, key: string) => `${PLAN}:${kind}:${key}`;
// From reading the document: 市财政局 leads task 2.2.1 会同 市地方金融监管局; 市科技局 leads 2.1.1.
const FINANCE = id('agency', 'jiangbei-municipal-finance');
const REGULATOR = id('agency', 'jiangbei-municipal-financial-office');
const SCIENCE = id('agency', 'jiangbei-municipal-science');

let seq = 0;
function decision(fields: Record<string, unknown>): CurationDecision {
  seq += 1;
  return {
    id: `c-${seq}`,
    by: 'tester',
    at: `2026-11-29T10:00:${String(seq).padStart(2, '0')}Z`,
    ...fields,
  } as CurationDecision;
}

const plain = () =>
  buildPlanGraph({ markdown: readFileSync(FILE, 'utf8'), markdownFile: FILE, planId: PLAN });
const rolesOf = (graph: ReturnType<typeof plain>['graph'], task: string) =>
  graph.relationships
    .filter((r) => (r.type === 'LED_BY' || r.type === 'INVOLVES') && r.start === task)
    .map((r) => `${r.type} ${r.end} ${r.properties.basis}`)
    .sort();

describe('the curation stage', { timeout: 30_000 }, () => {
  it('moves the roles of a merged agency, and a later set-role on it follows the merge', () => {
    const built = rebuildWithCuration(plain(), [
      decision({ action: 'merge', target: FINANCE, into: REGULATOR }),
      decision({ action: 'setRole', task: id('task', '2.1.1'), agency: FINANCE, role: 'involved' }),
    ]);
    expect(built.graph.nodes.some((n) => n.id === FINANCE)).toBe(false);
    expect(rolesOf(built.graph, id('task', '2.2.1'))).toEqual([`LED_BY ${REGULATOR} text`]);
    expect(rolesOf(built.graph, id('task', '2.1.1'))).toEqual([
      `INVOLVES ${REGULATOR} curated`,
      `LED_BY ${SCIENCE} text`,
    ]);
    expect(built.summary.curation.map((o) => o.state)).toEqual(['applied', 'applied']);
  });

  it('orphans a decision whose target is not in the text, and one whose quote is not, without failing', () => {
    const built = rebuildWithCuration(plain(), [
      decision({ action: 'rename', target: id('agency', 'nowhere'), name: '无' }),
      decision({
        action: 'add',
        entity: 'agency',
        key: 'x',
        name: '某局',
        kind: 'government',
        quote: '不在文中的话',
      }),
    ]);
    expect(built.summary.curation.map((o) => o.state)).toEqual(['orphaned', 'orphaned']);
    expect(built.graph.nodes.length).toBe(plain().graph.nodes.length);
  });

  it('rejects a role the text states, and the YAML it is written in reads back to the same bytes', () => {
    const role = `${id('task', '2.1.1')}|LED_BY|${SCIENCE}`;
    const built = rebuildWithCuration(plain(), [decision({ action: 'reject', target: role })]);
    expect(rolesOf(built.graph, id('task', '2.1.1'))).toEqual([]);
    const yaml = built.source.annotationSource ?? '';
    const again = loadCurationYaml(yaml, 'again.yaml').annotation;
    expect(curationYaml(again, again.curation, { id: PLAN, title: '' })).toBe(yaml);
  });
});
