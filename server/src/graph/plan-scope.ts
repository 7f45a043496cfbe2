// Which plan a request is about: the one named, or the only one imported.
import { AppError } from '../domain/errors.ts';
import type { PlanSummary } from '../domain/types.ts';
import type { GraphRepository } from './repository.ts';

export async function resolvePlan(
  repo: GraphRepository,
  requested: string | undefined,
): Promise<PlanSummary> {
  const plans = await repo.plans();
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
