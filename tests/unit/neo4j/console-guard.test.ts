// The console's plan check on plans as Neo4j 5.26 reports them (operator names and Details copied from EXPLAIN
// output): plan data passes, anything reaching other data is refused, and names in backticks cannot fake a
// plan label or hide a pattern.
import { describe, expect, it } from 'vitest';
import { consoleRefusals, type PlanTree } from '../../../server/src/neo4j/console-guard.ts';

function op(operatorType: string, details: string, ...children: PlanTree[]): PlanTree {
  return { operatorType: `${operatorType}@neo4j`, arguments: { Details: details }, children };
}

const results = (child: PlanTree) => op('ProduceResults', 'x', child);

describe('plans that reach plan data only', () => {
  it.each<[string, PlanTree]>([
    [
      'a typed expand from a label scan',
      results(op('Expand(All)', '(t)-[anon_0:LED_BY]->(a)', op('NodeByLabelScan', 't:Task'))),
    ],
    [
      'a unique index seek on a plan label',
      results(op('NodeUniqueIndexSeek', 'UNIQUE t:Task(id) WHERE id = $x')),
    ],
    [
      'a range index seek on PlanData',
      results(op('NodeIndexSeek', 'RANGE INDEX t:PlanData(plan) WHERE plan = $x')),
    ],
    [
      'a variable-length expand over plan types, rebuilt as a path',
      results(
        op(
          'Projection',
          '(a)-[anon_0*]-(b) AS p',
          op(
            'VarLengthExpand(All)',
            '(a)-[anon_0:DEPENDS_ON|LED_BY*..3]-(b)',
            op('NodeByLabelScan', 'a:Task'),
          ),
        ),
      ),
    ],
    [
      'a typed degree',
      results(op('Projection', 'getDegree((t)-[:LED_BY]->()) AS c', op('NodeByLabelScan', 't:Task'))),
    ],
    ['a count of a plan label', results(op('NodeCountFromCountStore', 'count( (:Agency) ) AS n'))],
    ['a listing procedure', results(op('ProcedureCall', 'db.labels() :: (label :: STRING)'))],
    ['a label subtraction', results(op('SubtractionNodeByLabelsScan', 'n:PlanData&!Task'))],
  ])('accepts %s', (_what, plan) => {
    expect(consoleRefusals(plan)).toEqual([]);
  });
});

describe('plans that would reach other data', () => {
  it.each<[string, PlanTree]>([
    ['a scan of accounts', results(op('NodeByLabelScan', 'a:Account'))],
    [
      'a backticked variable that looks like a plan label',
      results(op('NodeByLabelScan', '`x:Task`:Account')),
    ],
    ['a union with a non-plan label', results(op('UnionNodeByLabelsScan', 'n:Task|Session'))],
    [
      'an index seek on sessions',
      results(op('NodeUniqueIndexSeek', 'UNIQUE s:Session(tokenHash) WHERE tokenHash = $x')),
    ],
    ['all nodes', results(op('AllNodesScan', 'n'))],
    ['an elementId seek', results(op('NodeByElementIdSeek', 'n WHERE elementId(n) = $x'))],
    ['an untyped expand', results(op('Expand(All)', '(t)-[anon_0]->(m)', op('NodeByLabelScan', 't:Task')))],
    [
      'an untyped short pattern',
      results(op('Filter', 'getDegree((t)-->()) > 0', op('NodeByLabelScan', 't:Task'))),
    ],
    [
      'a type list with a non-plan type',
      results(op('Expand(All)', '(t)-[anon_0:LED_BY|RECORDS]-(x)', op('NodeByLabelScan', 't:Task'))),
    ],
    [
      'a pattern hidden behind a backticked variable name',
      results(
        op(
          'Expand(All)',
          '(`a)-[:LED_BY]->(`)-[anon_0]->(m)',
          op('NodeByLabelScan', '`a)-[:LED_BY]->(`:Task'),
        ),
      ),
    ],
    ['counting every node', results(op('NodeCountFromCountStore', 'count( () ) AS n'))],
    [
      'counting untyped relationships',
      results(op('RelationshipCountFromCountStore', 'count( ()-[]->() ) AS n')),
    ],
    [
      'query statistics',
      results(op('ProcedureCall', 'db.stats.retrieve($autostring_0) :: (section :: STRING, data :: MAP)')),
    ],
    ['SHOW TRANSACTIONS', results(op('ShowTransactions', 'defaultColumns, allTransactions'))],
    ['LOAD CSV', results(op('LoadCSV', 'line'))],
  ])('refuses %s', (_what, plan) => {
    expect(consoleRefusals(plan).length).toBeGreaterThan(0);
  });

  it('refuses a plan it was not given', () => {
    expect(consoleRefusals(false)).not.toEqual([]);
  });
});
