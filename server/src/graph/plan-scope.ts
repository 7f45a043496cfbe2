// Which plan a request is about: the one named, or the only one imported.
import { AppError } from '../domain/errors.ts';
import type { GraphRepository } from './repository.ts';

/** How many plan ids an error lists: enough to spot a typo, not a thousand-plan answer. */
const LISTED_PLANS = 50;

/**
 * Runs on every plan-scoped request, so it costs one index seek (or reads two ids): counting each plan's
 * nodes here cost hundreds of milliseconds per request with a hundred plans imported, and even listing
 * every plan id grows with the corpus.
 */
export async function resolvePlan(
  repo: GraphRepository,
  requested: string | undefined,
): Promise<{ id: string }> {
  if (requested !== undefined) {
    if (await repo.hasPlan(requested)) return { id: requested };
    throw new AppError('NOT_FOUND', `No plan with id "${requested}" is imported.`, {
      details: { plan: requested, available: await repo.planIds(LISTED_PLANS) },
    });
  }
  const plans = (await repo.planIds(2)).map((id) => ({ id }));
  const [only, ...others] = plans;
  if (!only) throw new AppError('NOT_FOUND', 'No plan is imported yet: run `npm run import -- <plan.md>`.');
  if (others.length > 0) {
    throw new AppError('INVALID_REQUEST', 'Several plans are imported: name one with the `plan` parameter.', {
      details: { available: await repo.planIds(LISTED_PLANS) },
    });
  }
  return only;
}
