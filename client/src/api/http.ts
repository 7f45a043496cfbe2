// fetch with the API's error contract: a non-2xx answer becomes an ApiError carrying the server's code, so
// the UI can tell "Neo4j is down" (503 DB_UNAVAILABLE) from a bad request or a lost connection.
import type { ApiErrorBody, ApiErrorCode } from '../types.ts';
import { withActivePlan } from './active-plan.ts';

export type ClientErrorCode = ApiErrorCode | 'NETWORK';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: ClientErrorCode,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
  get dbUnavailable(): boolean {
    return this.code === 'DB_UNAVAILABLE' || this.status === 503;
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(withActivePlan(path), { headers: { Accept: 'application/json' }, signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('NETWORK', 0, 'The server cannot be reached.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isErrorBody(body)) throw new ApiError(body.error.code, response.status, body.error.message);
    throw new ApiError(
      response.status === 503 ? 'DB_UNAVAILABLE' : 'INTERNAL',
      response.status,
      response.statusText,
    );
  }
  return body as T;
}

export function query(params: Record<string, string | number | readonly string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
