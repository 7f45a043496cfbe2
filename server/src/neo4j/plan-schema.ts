// Constraints and indexes the plan graph relies on. Schema changes cannot share a transaction with data
// writes, so they run (idempotently) before an import's single data transaction.
import type { Driver } from 'neo4j-driver';
import { NODE_LABELS, NodeLabel, PLAN_DATA_LABEL } from '../domain/model.ts';

export const SEARCH_INDEX = 'reformSearch';
/**
 * Lucene's CJK analyzer indexes Chinese as overlapping bigrams (so `新区` finds `哈尔滨新区`) and English as
 * lower-cased words; the standard analyzer would need an exact word boundary Chinese text does not have.
 */
export const SEARCH_ANALYZER = 'cjk';
export const SEARCH_PROPERTIES = [
  'name',
  'nameEn',
  'title',
  'text',
  'aliases',
  'aliasText',
  'pinyin',
  'pinyinInitials',
];
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
  statements.push({
    name: SEARCH_INDEX,
    statement:
      `CREATE FULLTEXT INDEX ${SEARCH_INDEX} IF NOT EXISTS FOR (n:${SEARCH_LABELS.join('|')}) ` +
      `ON EACH [${SEARCH_PROPERTIES.map((p) => `n.${p}`).join(', ')}] ` +
      `OPTIONS { indexConfig: { \`fulltext.analyzer\`: '${SEARCH_ANALYZER}', \`fulltext.eventually_consistent\`: false } }`,
  });
  return statements;
}

/** Creates what is missing; on a database that has it all, this costs one query (the import is timed). */
export async function ensurePlanSchema(driver: Driver, database: string): Promise<void> {
  const { records } = await driver.executeQuery(
    'SHOW INDEXES YIELD name, owningConstraint RETURN collect(coalesce(owningConstraint, name)) AS names',
    {},
    { database },
  );
  const existing = new Set<string>(records[0]?.get('names') ?? []);
  const missing = schemaStatements().filter(({ name }) => !existing.has(name));
  for (const { statement } of missing) await driver.executeQuery(statement, {}, { database });
  if (missing.length > 0) await driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database });
}
