// Plan-graph reads with exact integers. The app's driver returns integers as JavaScript numbers, which rounds
// anything beyond 2^53; these reads go through the bigint driver instead (driver.ts `exactValuesDriver`) and
// turn every integer JavaScript holds exactly back into a number, so the query modules see the numbers they
// always did while a larger integer stays a bigint for the mapper to write as its digits.
import {
  isNode,
  isPath,
  isRelationship,
  type ManagedTransaction,
  type QueryResult,
  Record,
  type RecordShape,
} from 'neo4j-driver';

/** What the query modules need of a transaction: running a query and awaiting all of its records. */
export interface ReadTx {
  run<R extends RecordShape = RecordShape>(
    query: string,
    parameters?: { [key: string]: unknown },
  ): Promise<QueryResult<R>>;
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function mapProperties(properties: { [key: string]: unknown }): { [key: string]: unknown } {
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, numbersWhereSafe(value)]));
}

/** Safe-range bigints become numbers, deep inside lists, maps, nodes, relationships and paths. */
export function numbersWhereSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return value >= MIN_SAFE && value <= MAX_SAFE ? Number(value) : value;
  if (Array.isArray(value)) return value.map(numbersWhereSafe);
  if (isNode(value) || isRelationship(value)) {
    value.properties = mapProperties(value.properties);
    return value;
  }
  if (isPath(value)) {
    for (const segment of value.segments) {
      for (const part of [segment.start, segment.end, segment.relationship]) {
        part.properties = mapProperties(part.properties);
      }
    }
    return value;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return mapProperties(value as { [key: string]: unknown });
  }
  return value;
}

/** Wraps a transaction of the bigint driver so that its results carry numbers wherever they are exact. */
export function exactReads(tx: Pick<ManagedTransaction, 'run'>): ReadTx {
  return {
    async run<R extends RecordShape = RecordShape>(query: string, parameters?: { [key: string]: unknown }) {
      const result = await tx.run<R>(query, parameters);
      const records = result.records.map(
        (record) =>
          new Record(
            record.keys,
            record.keys.map((key) => numbersWhereSafe(record.get(key))),
          ),
      );
      return { ...result, records } as QueryResult<R>;
    },
  };
}
