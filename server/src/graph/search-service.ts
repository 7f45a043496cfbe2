// Search across a plan: the repository finds candidates (through the full-text index, or a scan where the index
// cannot answer), the ranking keeps the literal matches and orders them.
import { AppError } from '../domain/errors.ts';
import type { NodeLabel } from '../domain/model.ts';
import type { SearchResponse } from '../domain/types.ts';
import { resolvePlan } from './plan-scope.ts';
import type { GraphRepository } from './repository.ts';
import { PINYIN_LABELS, rankHits, searchText } from './search-ranking.ts';

/** Enough candidates for any sensible limit; names sort first in the query, so the cap drops mentions only. */
const CANDIDATE_CAP = 400;

export async function search(
  repo: GraphRepository,
  request: { plan?: string; q: string; labels: NodeLabel[] | null; limit: number },
): Promise<SearchResponse> {
  const plan = await resolvePlan(repo, request.plan);
  const q = searchText(request.q);
  if (q.lower.length === 0) {
    throw new AppError('INVALID_REQUEST', 'The search text is empty.', {
      details: [{ path: ['query', 'q'] }],
    });
  }
  const candidates = await repo.searchCandidates({
    plan: plan.id,
    text: q.text,
    lower: q.lower,
    pinyin: q.pinyin,
    labels: request.labels,
    limit: CANDIDATE_CAP,
  });
  const pinyinLabels = PINYIN_LABELS.filter((label) => !request.labels || request.labels.includes(label));
  const unindexed =
    q.pinyin.length >= 2 && pinyinLabels.length > 0
      ? await repo.namesWithoutPinyin(plan.id, pinyinLabels)
      : [];
  const hits = rankHits([...candidates.map((c) => c.node), ...unindexed], q, request.limit);
  return { query: q.text, hits };
}
