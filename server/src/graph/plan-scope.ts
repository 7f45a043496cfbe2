// Which plan a request is about: the one named, or the only one imported.
import { AppError } from '../domain/errors.ts';
import type { GraphRepository } from './repository.ts';

/**
 * Runs on every plan-scoped request, so it reads plan ids only: counting each plan's nodes here cost
 * hundreds of milliseconds per request with a hundred plans imported.
 */
export async function resolvePlan(
  repo: GraphRepository,
  requested: string | undefined,
): Promise<{ id: string }> {
  const plans = (await repo.planIds()).map((id) => ({ id }));
  if (requested !== undefined) {
    const plan = plans.find((p) => p.id === requested);
    if (!plan) {
      throw new AppError('NOT_FOUND', `No plan with id "${requested}" is imported.`, {
        details: { plan: requested, available: plans.map((p) => p.id) },
      });
    }
    return plan;
  }
  const [only, ...others] = plans;
  if (!only) throw new AppError('NOT_FOUND', 'No plan is imported yet: run `npm run import -- <plan.md>`.');
  if (others.length > 0) {
    throw new AppError('INVALID_REQUEST', 'Several plans are imported: name one with the `plan` parameter.', {
      details: { available: plans.map((p) => p.id) },
    });
  }
  return only;
}
