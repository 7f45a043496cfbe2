// The ledger's reads (open to anyone) and writes (through the session, with its CSRF token), plus a small
// "ledger changed" signal so the graph's colouring refreshes after an edit or import made on another page.
import type {
  BlockedResponse,
  LedgerDashboardResponse,
  LedgerEntryInput,
  LedgerHistoryResponse,
  LedgerImportResponse,
  LedgerStatus,
  LedgerStatusResponse,
  LedgerTableResponse,
  LedgerWriteResponse,
  PlanChecksResponse,
} from '../../../../server/src/domain/ledger-types.ts';
import { activePlan } from '../../api/active-plan.ts';
import { fetchPlans } from '../../api/graph-api.ts';
import { getJson, query } from '../../api/http.ts';
import { session } from '../auth/session.ts';

let planId: Promise<string> | null = null;

/** The plan the ledger tracks: the one the whole client shows. */
export function ledgerPlan(): Promise<string> {
  planId ??= fetchPlans().then((plans) => {
    const first = plans.find((p) => p.id === activePlan()) ?? plans[0];
    if (!first) throw new Error('No plan has been imported yet.');
    return first.id;
  });
  planId.catch(() => {
    planId = null;
  });
  return planId;
}

export interface TableFilter {
  domain?: string;
  agency?: string;
  status?: LedgerStatus[];
  overdue?: boolean;
  sort?: string;
  order?: 'asc' | 'desc';
}

const taskUrl = (taskId: string) => `/api/ledger/tasks/${encodeURIComponent(taskId)}`;

export async function fetchTable(filter: TableFilter): Promise<LedgerTableResponse> {
  const plan = await ledgerPlan();
  return getJson(
    `/api/ledger${query({
      plan,
      domain: filter.domain,
      agency: filter.agency,
      status: filter.status,
      overdue: filter.overdue ? 'true' : undefined,
      sort: filter.sort,
      order: filter.order,
    })}`,
  );
}

export const fetchHistory = (taskId: string): Promise<LedgerHistoryResponse> => getJson(taskUrl(taskId));

export async function fetchStatus(): Promise<LedgerStatusResponse> {
  return getJson(`/api/ledger/status${query({ plan: await ledgerPlan() })}`);
}

export async function fetchDashboard(): Promise<LedgerDashboardResponse> {
  return getJson(`/api/ledger/dashboard${query({ plan: await ledgerPlan() })}`);
}

export async function fetchBlocked(): Promise<BlockedResponse> {
  return getJson(`/api/ledger/blocked${query({ plan: await ledgerPlan() })}`);
}

export async function fetchChecks(): Promise<PlanChecksResponse> {
  return getJson(`/api/checks${query({ plan: await ledgerPlan() })}`);
}

export function sheetUrl(plan: string, format: 'xlsx' | 'csv'): string {
  return `/api/ledger/export${query({ plan, format })}`;
}

export function reviewUrl(plan: string, format: 'html' | 'xlsx'): string {
  return `/api/ledger/review${query({ plan, format })}`;
}

const changed = new Set<() => void>();

export function onLedgerChanged(listener: () => void): () => void {
  changed.add(listener);
  return () => changed.delete(listener);
}

function notifyChanged() {
  for (const listener of changed) listener();
}

export async function writeEntry(taskId: string, input: LedgerEntryInput): Promise<LedgerWriteResponse> {
  const result = await session.write<LedgerWriteResponse>('POST', `${taskUrl(taskId)}/entries`, input);
  notifyChanged();
  return result;
}

export async function importSheet(file: File, format: 'xlsx' | 'csv'): Promise<LedgerImportResponse> {
  const plan = await ledgerPlan();
  const type =
    format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const result = await session.write<LedgerImportResponse>(
    'POST',
    `/api/ledger/import${query({ plan, format })}`,
    file,
    type,
  );
  notifyChanged();
  return result;
}
