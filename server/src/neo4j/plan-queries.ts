// Plans, their counts and texts, and a whole plan's nodes and relationships.

import neo4j from 'neo4j-driver';
import { NODE_LABELS, NodeLabel, PLAN_DATA_LABEL } from '../domain/model.ts';
import type { PlanSummary, Subgraph } from '../domain/types.ts';
import type { ReadTx } from './exact-read.ts';
import { type EdgeRow, edgesFromRows, type NodeRow, nodeFromRow, uniqueNodes } from './graph-mapper.ts';

const PLANS = `
MATCH (p:Plan)
CALL (p) {
  MATCH (n:${PLAN_DATA_LABEL} {plan: p.id})
  UNWIND labels(n) AS label
  WITH label, count(*) AS c
  RETURN collect([label, c]) + [['${NodeLabel.Plan}', 1]] AS counts
}
RETURN p {.id, .title, .titleEn, .issuer, .docNumber, .kind, .issuedOn, .importedBy, .periodStart, .periodEnd, .source, .sha256} AS plan,
       counts
ORDER BY p.id`;

/** Labels of our model; others (the importer's bookkeeping labels) are not counted. */
const KNOWN = new Set<string>(NODE_LABELS);

interface PlanRow {
  plan: Record<string, unknown>;
  counts: Array<[string, number]>;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);

export async function readPlans(tx: ReadTx): Promise<PlanSummary[]> {
  const result = await tx.run<PlanRow>(PLANS);
  return result.records.map((record) => {
    const plan = record.get('plan');
    return {
      id: str(plan.id) ?? '',
      title: str(plan.title) ?? '',
      titleEn: str(plan.titleEn),
      issuer: str(plan.issuer),
      docNumber: str(plan.docNumber),
      kind: str(plan.kind),
      issuedOn: str(plan.issuedOn),
      seed: plan.importedBy === 'seed',
      periodStart: num(plan.periodStart),
      periodEnd: num(plan.periodEnd),
      source: str(plan.source) ?? '',
      sha256: str(plan.sha256) ?? '',
      counts: Object.fromEntries(record.get('counts').filter(([label]) => KNOWN.has(label))),
    };
  });
}

const PLAN_IDS = 'MATCH (p:Plan) RETURN p.id AS id ORDER BY id LIMIT $limit';

export async function readPlanIds(tx: ReadTx, limit = Number.MAX_SAFE_INTEGER): Promise<string[]> {
  const result = await tx.run<{ id: unknown }>(PLAN_IDS, { limit: neo4j.int(limit) });
  return result.records
    .map((record) => record.get('id'))
    .filter((id): id is string => typeof id === 'string');
}

const HAS_PLAN = 'MATCH (p:Plan {id: $id}) RETURN count(p) > 0 AS found';

export async function readHasPlan(tx: ReadTx, id: string): Promise<boolean> {
  const result = await tx.run<{ found: boolean }>(HAS_PLAN, { id });
  return result.records[0]?.get('found') === true;
}

const PLAN_TEXT = 'MATCH (p:Plan {id: $plan}) RETURN p.text AS text LIMIT 1';

export async function readPlanText(tx: ReadTx, plan: string): Promise<string | null> {
  const result = await tx.run<{ text: unknown }>(PLAN_TEXT, { plan });
  const text = result.records[0]?.get('text');
  return typeof text === 'string' ? text : null;
}

const PLAN_NODES = `
MATCH (n:${PLAN_DATA_LABEL} {plan: $plan}) RETURN labels(n) AS labels, properties(n) AS props
UNION ALL
MATCH (n:${NodeLabel.Plan} {id: $plan}) RETURN labels(n) AS labels, properties(n) AS props`;
const PLAN_EDGES = `
MATCH (a:${PLAN_DATA_LABEL} {plan: $plan})-[r]->(b) USING INDEX a:${PLAN_DATA_LABEL}(plan) WHERE b.plan = $plan
RETURN type(r) AS type, a.id AS s, b.id AS e, properties(r) AS props
UNION ALL
MATCH (a:${NodeLabel.Plan} {id: $plan})-[r]->(b) WHERE b.plan = $plan
RETURN type(r) AS type, a.id AS s, b.id AS e, properties(r) AS props`;

export async function readPlanGraph(tx: ReadTx, plan: string, withPlanText: boolean): Promise<Subgraph> {
  const nodes = await tx.run<NodeRow>(PLAN_NODES, { plan });
  const edges = await tx.run<EdgeRow>(PLAN_EDGES, { plan });
  return {
    nodes: uniqueNodes(
      nodes.records.map((record) => {
        const row = record.toObject();
        if (!withPlanText && row.labels.includes('Plan')) {
          const { text: _text, ...props } = row.props;
          return nodeFromRow({ labels: row.labels, props });
        }
        return nodeFromRow(row);
      }),
    ),
    edges: edgesFromRows(edges.records.map((record) => record.toObject())),
  };
}
