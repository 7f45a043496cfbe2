// The GraphRepository the services use, implemented against Neo4j: every read in a READ transaction.
import type { Driver } from 'neo4j-driver';
import type { GraphRepository } from '../graph/repository.ts';
import { type ConsoleDatabase, mainConsoleDatabase } from './console-database.ts';
import { runReadOnlyQuery } from './cypher-console.ts';
import { exactValuesDriver } from './driver.ts';
import { exactReads, type ReadTx } from './exact-read.ts';
import { readNeighborhood, readNodeId, readNodeWithRelationships } from './node-queries.ts';
import { readShortestPaths } from './path-queries.ts';
import { readHasPlan, readPlanGraph, readPlanIds, readPlans, readPlanText } from './plan-queries.ts';
import { readNamesWithoutPinyin, readSearchCandidates } from './search-queries.ts';
import { readTransaction } from './transactions.ts';

/**
 * The repository over `database`; console queries run in `consoleDb` (a plan-data replica, see
 * console-database.ts), by default in the same database behind the plan guard alone.
 */
export function neo4jGraphRepository(
  driver: Driver,
  database: string,
  consoleDb: ConsoleDatabase = mainConsoleDatabase({ driver, database }),
): GraphRepository {
  const exact = exactValuesDriver(driver);
  const read = <T>(work: (tx: ReadTx) => Promise<T>) =>
    readTransaction(exact, database, (tx) => work(exactReads(tx)));
  return {
    plans: () => read(readPlans),
    planIds: (limit) => read((tx) => readPlanIds(tx, limit)),
    hasPlan: (id) => read((tx) => readHasPlan(tx, id)),
    planText: (plan) => read((tx) => readPlanText(tx, plan)),
    planGraph: (plan, options) => read((tx) => readPlanGraph(tx, plan, options?.withPlanText ?? false)),
    node: (id) => read((tx) => readNodeWithRelationships(tx, id)),
    findNodeId: (id) => read((tx) => readNodeId(tx, id)),
    neighborhood: (id, query) => read((tx) => readNeighborhood(tx, id, query)),
    shortestPaths: (from, to, query) => read((tx) => readShortestPaths(tx, from, to, query)),
    searchCandidates: (query) => read((tx) => readSearchCandidates(tx, query)),
    namesWithoutPinyin: (plan, labels) => read((tx) => readNamesWithoutPinyin(tx, plan, labels)),
    runReadOnly: (query) => runReadOnlyQuery(consoleDb, query),
  };
}
