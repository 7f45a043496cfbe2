// Constraints and indexes the plan graph relies on. Schema changes cannot share a transaction with data
// writes, so they run (idempotently) before an import's single data transaction.
import type { Driver } from 'neo4j-driver';
import { NODE_LABELS, NodeLabel, PLAN_DATA_LABEL } from '../domain/model.ts';

export const SEARCH_INDEX = 'reformSearch';
/**
 * Lucene's CJK analyzer indexes Chinese as overlapping bigrams (so `新区` finds `某市新区`) and English as
 * lower-cased words; the standard analyzer would need an exact word boundary Chinese text does not have.
 */
export const SEARCH_ANALYZER = 'cjk';
export const SEARCH_PROPERTIES = [
  'name',
  'nameEn',
  'title',
  'text',
  'quote',
  'aliases',
  'aliasText',
  'pinyin',
  'pinyinInitials',
  // Not searched for: lets a search keep to one plan inside the index (search-lucene.ts).
  'plan',
];
/**
 * Consistent on commit, so that search finds a plan as soon as its import returns. An eventually consistent
 * index was measured too: its commit is faster, but the index work it moves to a background thread competes
 * for the same cores, and an import then has to await the refresh, so an import took as long.
 */
const SEARCH_EVENTUALLY_CONSISTENT = false;
/** The Plan node is left out: its `text` is the whole plan and would match every query. */
const SEARCH_LABELS = NODE_LABELS.filter((label) => label !== NodeLabel.Plan);

function schemaStatements(): Array<{ name: string; statement: string }> {
  const statements = [...NODE_LABELS, PLAN_DATA_LABEL].map((label) => {
    const name = `${label.toLowerCase()}_id_unique`;
    return {
      name,
      statement: `CREATE CONSTRAINT ${name} IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
    };
  });
  statements.push({
    name: 'plandata_plan',
    statement: `CREATE INDEX plandata_plan IF NOT EXISTS FOR (n:${PLAN_DATA_LABEL}) ON (n.plan)`,
  });
  // The curation layer's bookkeeping (curation-store.ts), read and replaced by plan at every import.
  statements.push(
    {
      name: 'plandocument_ofplan_unique',
      statement:
        'CREATE CONSTRAINT plandocument_ofplan_unique IF NOT EXISTS FOR (d:PlanDocument) REQUIRE d.ofPlan IS UNIQUE',
    },
    {
      name: 'curationdecision_id_unique',
      statement:
        'CREATE CONSTRAINT curationdecision_id_unique IF NOT EXISTS FOR (c:CurationDecision) REQUIRE c.id IS UNIQUE',
    },
    {
      name: 'curationdecision_ofplan',
      statement: 'CREATE INDEX curationdecision_ofplan IF NOT EXISTS FOR (c:CurationDecision) ON (c.ofPlan)',
    },
  );
  statements.push({
    name: SEARCH_INDEX,
    statement:
      `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:${SEARCH_LABELS.join('|')}) ` +
      `ON EACH [${SEARCH_PROPERTIES.map((p) => `n.${p}`).join(', ')}] ` +
      `OPTIONS { indexConfig: { \`fulltext.analyzer\`: '${SEARCH_ANALYZER}', \`fulltext.eventually_consistent\`: ${SEARCH_EVENTUALLY_CONSISTENT} } }`,
  });
  return statements;
}

/** True when the stored search index was made with other options or over other properties than today's. */
function searchIndexOutdated(found: { consistency: unknown; properties: unknown } | undefined): boolean {
  if (!found) return false;
  const properties = Array.isArray(found.properties) ? found.properties : [];
  return (
    found.consistency !== SEARCH_EVENTUALLY_CONSISTENT ||
    properties.length !== SEARCH_PROPERTIES.length ||
    SEARCH_PROPERTIES.some((property) => !properties.includes(property))
  );
}

/**
 * Creates what is missing; on a database that has it all, this costs one query (the import is timed). A
 * search index with another consistency setting (an earlier build made it eventually consistent) or over
 * other properties (an earlier build left `quote` out) is dropped and rebuilt, since an index's options and
 * properties cannot be changed in place.
 */
export async function ensurePlanSchema(driver: Driver, database: string): Promise<void> {
  const { records } = await driver.executeQuery(
    `SHOW INDEXES YIELD name, owningConstraint, options, properties
     RETURN collect(coalesce(owningConstraint, name)) AS names,
       [i IN collect(CASE WHEN name = $search THEN {options: options, properties: properties} END) |
         {consistency: i.options.indexConfig['fulltext.eventually_consistent'], properties: i.properties}] AS search`,
    { search: SEARCH_INDEX },
    { database },
  );
  const existing = new Set<string>(records[0]?.get('names') ?? []);
  const search: Array<{ consistency: unknown; properties: unknown }> = records[0]?.get('search') ?? [];
  if (searchIndexOutdated(search[0])) {
    await driver.executeQuery(`DROP INDEX ${SEARCH_INDEX}`, {}, { database });
    existing.delete(SEARCH_INDEX);
  }
  const missing = schemaStatements().filter(({ name }) => !existing.has(name));
  for (const { statement } of missing) await driver.executeQuery(statement, {}, { database });
  if (missing.length > 0) await driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database });
}
