// Infers one column type per property name across nodes or relationships, as GraphML keys and
// neo4j-admin CSV headers need: a property that mixes kinds of value falls back to string.
import type { PropertyValue } from '../../domain/types.ts';

export type ColumnType = 'string' | 'long' | 'double' | 'boolean' | 'string[]' | 'long[]' | 'double[]';

function typeOf(value: PropertyValue): ColumnType | null {
  if (value === null) return null;
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  if (value.length === 0) return null;
  if (value.every((item) => typeof item === 'number')) {
    return value.every((item) => Number.isInteger(item)) ? 'long[]' : 'double[]';
  }
  return 'string[]';
}

function widen(a: ColumnType, b: ColumnType): ColumnType {
  if (a === b) return a;
  if ((a === 'long' && b === 'double') || (a === 'double' && b === 'long')) return 'double';
  if ((a === 'long[]' && b === 'double[]') || (a === 'double[]' && b === 'long[]')) return 'double[]';
  if (a.endsWith('[]') && b.endsWith('[]')) return 'string[]';
  return 'string';
}

/** Column types in a stable (sorted) order of property names; `skip` names are left out. */
export function columnTypes(
  rows: ReadonlyArray<Record<string, PropertyValue>>,
  skip: readonly string[] = [],
): Array<[string, ColumnType]> {
  const types = new Map<string, ColumnType>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (skip.includes(key)) continue;
      const type = typeOf(value);
      const known = types.get(key);
      if (type) types.set(key, known ? widen(known, type) : type);
      else if (!known) types.set(key, 'string');
    }
  }
  return [...types.entries()].sort(([a], [b]) => a.localeCompare(b));
}
