// zod building blocks for reading stored rows at the driver boundary: a value the schema does not accept is a
// stored-data fault named by what was read (`Stored ledger entry: status: …`), never an unchecked cast.
import neo4j, { type Integer } from 'neo4j-driver';
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';

/**
 * A whole number whatever the driver's integer setting: a JS number, or a driver `Integer` inside JavaScript's
 * safe range (outside it the row is refused rather than rounded).
 */
export const intValue = z
  .union([z.number(), z.custom<Integer>((value) => neo4j.isInt(value), 'expected an integer')])
  .refine((value) => typeof value === 'number' || neo4j.integer.inSafeRange(value), 'integer out of range')
  .transform((value) => (typeof value === 'number' ? value : value.toNumber()));

/** A string property that may be missing (Neo4j stores no nulls: a null property is an absent one). */
export const optionalString = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

/** An integer property that may be missing. */
export const optionalInt = intValue.nullish().transform((value) => value ?? null);

/** Parses one stored row; AppError INTERNAL naming `what` and the offending fields when it does not fit. */
export function parseRow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError(
    'INTERNAL',
    `Stored ${what} does not have the expected shape: ${z.prettifyError(parsed.error)}`,
    {
      cause: parsed.error,
    },
  );
}

/** Whole numbers must travel as Neo4j integers, or the driver stores them as floats. */
export function int(value: number): Integer {
  return neo4j.int(value);
}
