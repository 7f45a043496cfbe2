import { beforeAll, describe, expect, it } from 'vitest';
import { importPlan } from '../../../server/src/import/plan-import.ts';
import { SEARCH_INDEX } from '../../../server/src/neo4j/plan-schema.ts';
import { SEED_MD } from '../../unit/ingest/_plans.ts';
import { resetDatabase, testDatabase, testDriver } from '../_db.ts';

const query = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await testDriver().executeQuery(cypher, params, { database: testDatabase() })).records;

describe('a search index made with another consistency setting', () => {
  beforeAll(async () => {
    await resetDatabase();
    await query(`DROP INDEX ${SEARCH_INDEX} IF EXISTS`);
    // An earlier build's index: same name, eventually consistent, and here only on task names.
    await query(
      `CREATE FULLTEXT INDEX ${SEARCH_INDEX} FOR (n:Task) ON EACH [n.name] ` +
        'OPTIONS { indexConfig: { `fulltext.eventually_consistent`: true } }',
    );
    await query('CALL db.awaitIndexes(60)');
    await importPlan(testDriver(), testDatabase(), { markdownPath: SEED_MD });
  });

  it('is rebuilt so that search finds the plan as soon as its import returns', async () => {
    const names = (
      await query(
        `CALL db.index.fulltext.queryNodes($index, '"新区"') YIELD node RETURN node.name AS name LIMIT 50`,
        { index: SEARCH_INDEX },
      )
    ).map((r) => String(r.get('name')));
    expect(names).toContain('哈尔滨新区');
  });

  it('is rebuilt over every plan label, not only the earlier index’s task names', async () => {
    const records = await query(
      'SHOW INDEXES YIELD name, labelsOrTypes WHERE name = $index RETURN labelsOrTypes',
      {
        index: SEARCH_INDEX,
      },
    );
    expect(records).toHaveLength(1);
    expect(records[0]?.get('labelsOrTypes')).toEqual(expect.arrayContaining(['Task', 'Agency', 'Measure']));
  });
});
