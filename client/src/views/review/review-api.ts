// The review page's calls: the plan's review (open to everyone), a decision and the YAML import (editors, with the
// session's CSRF token), and the YAML export's address.
import type { DecisionInput, Review, StoredDecision } from '../../../../server/src/domain/curation.ts';
import { getJson } from '../../api/http.ts';
import { session } from '../auth/session.ts';

const base = (plan: string) => `/api/plans/${encodeURIComponent(plan)}`;

/** GET /api/plans/:plan/review: facts (lowest confidence first), decisions and tasks. */
export function fetchReview(plan: string, signal?: AbortSignal): Promise<Review> {
  return getJson<Review>(`${base(plan)}/review`, signal);
}

/** POST one decision; the server applies it (rebuilding the plan) before it answers. Throws WriteError. */
export function sendDecision(plan: string, decision: DecisionInput): Promise<StoredDecision> {
  return session.write<StoredDecision>('POST', `${base(plan)}/curation`, decision);
}

/** POST an annotation YAML (as exported) as the plan's curation. Throws WriteError. */
export function sendYaml(plan: string, file: Blob): Promise<{ decisions: number; orphaned: number }> {
  return session.write('POST', `${base(plan)}/curation.yaml`, file, 'application/yaml');
}

/** Where the browser downloads the curation as YAML. */
export function yamlUrl(plan: string): string {
  return `${base(plan)}/curation.yaml`;
}
