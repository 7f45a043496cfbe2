// Candidate nodes for a search: literal substring matches on names, aliases, pinyin and texts, the user's text
// always a parameter. Ranking happens in the graph service, which knows why a candidate matched.
import neo4j from 'neo4j-driver';
import { type NodeLabel, PLAN_DATA_LABEL } from '../domain/model.ts';
import type { GraphNode } from '../domain/types.ts';
import type { SearchCandidate, SearchCandidateQuery } from '../graph/repository.ts';
import type { ReadTx } from './exact-read.ts';
import { type NodeRow, nodeFromRow } from './graph-mapper.ts';

/** Name-like matches sort first so the cap never drops an exact name in favour of passing mentions. */
const SEARCH_CANDIDATES = `
MATCH (n:${PLAN_DATA_LABEL} {plan: $plan})
WHERE ($labels IS NULL OR any(label IN labels(n) WHERE label IN $labels))
WITH n,
  toLower(coalesce(n.name, '')) CONTAINS $lower
    OR toLower(coalesce(n.nameEn, '')) CONTAINS $lower
    OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS $lower)
    OR ($pinyin <> '' AND (coalesce(n.pinyin, '') CONTAINS $pinyin OR coalesce(n.pinyinInitials, '') CONTAINS $pinyin))
    AS nameHit
WHERE nameHit
  OR toLower(coalesce(n.title, '')) CONTAINS $lower
  OR toLower(coalesce(n.text, '')) CONTAINS $lower
  OR toLower(coalesce(n.quote, '')) CONTAINS $lower
WITH n, nameHit ORDER BY nameHit DESC, n.id
LIMIT $limit
RETURN labels(n) AS labels, properties(n) AS props`;

export async function readSearchCandidates(
  tx: ReadTx,
  query: SearchCandidateQuery,
): Promise<SearchCandidate[]> {
  const result = await tx.run<NodeRow>(SEARCH_CANDIDATES, {
    plan: query.plan,
    lower: query.lower,
    pinyin: query.pinyin,
    labels: query.labels,
    limit: neo4j.int(query.limit),
  });
  return result.records.flatMap((record) => {
    const node = nodeFromRow(record.toObject());
    return node ? [{ node }] : [];
  });
}

const WITHOUT_PINYIN = `
MATCH (n:${PLAN_DATA_LABEL} {plan: $plan})
WHERE n.pinyin IS NULL AND n.name IS NOT NULL
  AND any(label IN labels(n) WHERE label IN $labels)
RETURN labels(n) AS labels, properties(n) AS props`;

export async function readNamesWithoutPinyin(
  tx: ReadTx,
  plan: string,
  labels: NodeLabel[],
): Promise<GraphNode[]> {
  const result = await tx.run<NodeRow>(WITHOUT_PINYIN, { plan, labels });
  return result.records.flatMap((record) => {
    const node = nodeFromRow(record.toObject());
    return node ? [node] : [];
  });
}
