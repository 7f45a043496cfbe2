// Parses request parts with zod at the edge of the ledger, auth and admin routes; a failure is a 400 naming
// the field and what was expected.
import type { z } from 'zod';
import { AppError } from '../domain/errors.ts';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  throw new AppError(
    'INVALID_REQUEST',
    `Invalid ${where}${first?.path ? ` field ${first.path}` : ''}: ${first?.message ?? 'malformed'}.`,
    { details: { issues } },
  );
}
