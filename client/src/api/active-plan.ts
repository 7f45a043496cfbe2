// Which plan the whole client shows. The server answers plan-scoped routes without `plan` only while one plan
// is imported; with several, the client names one: the link's `plan` key, else the seed plan `npm start` imported
// (else the first). A link naming a plan that is not imported is not redirected to another plan: the page says
// the plan does not exist.
import type { PlanSummary } from '../types.ts';

export const PLAN_KEY = 'plan';

/** Routes that take `plan` as a query parameter (and reject or mis-scope requests without it). */
const PLAN_SCOPED = new Set([
  '/api/graph',
  '/api/search',
  '/api/agencies/matrix',
  '/api/stats',
  '/api/export',
  '/api/checks',
  '/api/ledger',
  '/api/ledger/status',
  '/api/ledger/dashboard',
  '/api/ledger/blocked',
  '/api/ledger/export',
  '/api/ledger/review',
]);

let active: string | null = new URLSearchParams(window.location.search).get(PLAN_KEY);
let plans: PlanSummary[] = [];
let missing: string | null = null;

/** Learns the imported plans once at start-up; a failure leaves requests unscoped (the error shows later). */
export async function initActivePlan(load: () => Promise<PlanSummary[]>): Promise<void> {
  try {
    plans = await load();
  } catch {
    return;
  }
  if (active && !plans.some((plan) => plan.id === active)) {
    missing = active;
    return;
  }
  if (!active) active = (plans.find((plan) => plan.seed) ?? plans[0])?.id ?? null;
}

/** The plan id the link asked for when no such plan is imported (null when the link is fine). */
export function missingPlan(): string | null {
  return missing;
}

export function activePlan(): string | null {
  return active;
}

export function importedPlans(): readonly PlanSummary[] {
  return plans;
}

/** Adds the active plan to a plan-scoped API path that does not name one. */
export function withActivePlan(path: string): string {
  if (!active) return path;
  const url = new URL(path, window.location.origin);
  if (!PLAN_SCOPED.has(url.pathname) || url.searchParams.has(PLAN_KEY)) return path;
  url.searchParams.set(PLAN_KEY, active);
  return `${url.pathname}${url.search}`;
}

/** Thrown instead of loading another plan when the link names a plan that is not imported. */
export class MissingPlanError extends Error {
  override name = 'MissingPlanError';
  constructor(readonly plan: string) {
    super(`No plan with id "${plan}" is imported.`);
  }
}
