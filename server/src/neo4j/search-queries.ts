// Candidate nodes for a search: nodes whose names, aliases, pinyin or texts hold the user's text, found through
// the `reformSearch` full-text index when the text has a Chinese run of two or more characters (search-lucene.ts
// builds the query and says why only then), otherwise by a CONTAINS scan of the plan's nodes. The user's text is
// always a parameter.
// Ranking happens in the graph service, which checks each candidate's literal match and knows why it matched.
import neo4j from 'neo4j-driver';
import { type NodeLabel, PLAN_DATA_LABEL } from '../domain/model.ts';
import type { GraphNode } from '../domain/types.ts';
import type { SearchCandidate, SearchCandidateQuery } from '../graph/repository.ts';
import type { ReadTx } from './exact-read.ts';
import { type NodeRow, nodeFromRow } from './graph-mapper.ts';
import { SEARCH_INDEX, SEARCH_PROPERTIES } from './plan-schema.ts';
import { fullTextQuery } from './search-lucene.ts';

const NAME_HIT = `toLower(coalesce(n.name, '')) CONTAINS $lower
    OR toLower(coalesce(n.nameEn, '')) CONTAINS $lower
    OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS $lower)
    OR ($pinyin <> '' AND (coalesce(n.pinyin, '') CONTAINS $pinyin OR coalesce(n.pinyinInitials, '') CONTAINS $pinyin))`;

/**
 * Name-like matches sort first so the cap never drops an exact name in favour of passing mentions; among the
 * rest, the index's relevance. The Plan node is not in the index (its text is the whole plan).
 */
const INDEX_CANDIDATES = `
CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node AS n, score
WHERE n.plan = $plan AND n:${PLAN_DATA_LABEL}
  AND ($labels IS NULL OR any(label IN labels(n) WHERE label IN $labels))
WITH n, score, ${NAME_HIT} AS nameHit
ORDER BY nameHit DESC, score DESC, n.id
LIMIT $limit
RETURN labels(n) AS labels, properties(n) AS props`;

/** The scan for what the index cannot answer: every node of the plan, its fields tested with CONTAINS. */
const SCAN_CANDIDATES = `
MATCH (n:${PLAN_DATA_LABEL} {plan: $plan})
WHERE ($labels IS NULL OR any(label IN labels(n) WHERE label IN $labels))
WITH n, ${NAME_HIT} AS nameHit
WHERE nameHit
  OR toLower(coalesce(n.title, '')) CONTAINS $lower
  OR toLower(coalesce(n.text, '')) CONTAINS $lower
  OR toLower(coalesce(n.quote, '')) CONTAINS $lower
WITH n, nameHit ORDER BY nameHit DESC, n.id
LIMIT $limit
RETURN labels(n) AS labels, properties(n) AS props`;

const INDEX_STATE = `SHOW FULLTEXT INDEXES YIELD name, state, properties WHERE name = $index
RETURN state, properties`;

/**
 * True when the search index is online and covers today's properties. A database last imported by an older
 * build (index without `plan` or `quote`), or one whose index an import is rebuilding, is searched by the scan.
 */
async function searchIndexReady(tx: ReadTx): Promise<boolean> {
  const record = (await tx.run(INDEX_STATE, { index: SEARCH_INDEX })).records[0];
  const properties: unknown = record?.get('properties');
  return (
    record?.get('state') === 'ONLINE' &&
    Array.isArray(properties) &&
    SEARCH_PROPERTIES.every((property) => properties.includes(property))
  );
}

/** Up to `query.limit` nodes of the plan that may hold the text (a superset of the literal matches). */
export async function readSearchCandidates(
  tx: ReadTx,
  query: SearchCandidateQuery,
): Promise<SearchCandidate[]> {
  const asked = fullTextQuery(query.lower, query.plan);
  const lucene = asked !== null && (await searchIndexReady(tx)) ? asked : null;
  const result = await tx.run<NodeRow>(lucene === null ? SCAN_CANDIDATES : INDEX_CANDIDATES, {
    index: SEARCH_INDEX,
    lucene,
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
