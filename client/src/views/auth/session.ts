// Who is logged in, and the one way the views write: every write carries the session's CSRF token in the
// X-CSRF-Token header (the cookie alone is not enough), and a failed write keeps the server's error details
// (a 409's current state, an import's row/column errors) so the UI can show them instead of losing them.
import type { Role, SessionResponse } from '../../../../server/src/domain/ledger-types.ts';
import type { ApiErrorBody, ApiErrorCode } from '../../types.ts';

export type SessionUser = NonNullable<SessionResponse['user']>;

export class WriteError extends Error {
  override name = 'WriteError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | 'NETWORK',
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }
}

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

export function hasRole(user: SessionUser | null, role: Role): boolean {
  return user !== null && RANK[user.role] >= RANK[role];
}

function errorBody(body: unknown): ApiErrorBody['error'] | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error
    ? (error as ApiErrorBody['error'])
    : null;
}

async function send(
  method: string,
  url: string,
  body: BodyInit | null,
  headers: Record<string, string>,
): Promise<Response> {
  try {
    return await fetch(url, {
      method,
      body,
      headers: { Accept: 'application/json', ...headers },
      credentials: 'same-origin',
    });
  } catch {
    throw new WriteError(0, 'NETWORK', 'The server cannot be reached.', null);
  }
}

async function parsed<T>(response: Response): Promise<T> {
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return body as T;
  const error = errorBody(body);
  throw new WriteError(
    response.status,
    error?.code ?? 'INTERNAL',
    error?.message ?? response.statusText,
    error?.details ?? null,
  );
}

export interface Session {
  user(): SessionUser | null;
  can(role: Role): boolean;
  /** Resolves once the first GET /api/auth/session has answered. */
  readonly ready: Promise<void>;
  login(username: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
  /** A write with the CSRF token: JSON bodies as objects, raw uploads as Blob with their content type. */
  write<T>(method: 'POST' | 'PATCH', url: string, body: unknown, contentType?: string): Promise<T>;
  subscribe(listener: () => void): () => void;
}

export function createSession(): Session {
  let state: SessionResponse = { user: null, csrfToken: null };
  const listeners = new Set<() => void>();
  const set = (next: SessionResponse) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const refresh = async () => {
    const response = await send('GET', '/api/auth/session', null, {});
    set(await parsed<SessionResponse>(response));
  };
  // Without a session the page still works read-only, so a failed check leaves the viewer state.
  const ready = refresh().catch(() => undefined);

  const write = async <T>(method: 'POST' | 'PATCH', url: string, body: unknown, contentType?: string) => {
    const headers: Record<string, string> = {};
    if (state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
    let payload: BodyInit | null = null;
    if (contentType) {
      headers['Content-Type'] = contentType;
      payload = body as Blob;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    try {
      return await parsed<T>(await send(method, url, payload, headers));
    } catch (error) {
      // An expired session answers 401: show the viewer state so the login button comes back.
      if (error instanceof WriteError && error.status === 401 && state.user) await refresh().catch(() => {});
      throw error;
    }
  };

  return {
    user: () => state.user,
    can: (role) => hasRole(state.user, role),
    ready,
    async login(username, password) {
      const response = await send('POST', '/api/auth/login', JSON.stringify({ username, password }), {
        'Content-Type': 'application/json',
      });
      const next = await parsed<SessionResponse>(response);
      set(next);
      if (!next.user) throw new WriteError(500, 'INTERNAL', 'The server sent no user.', null);
      return next.user;
    },
    async logout() {
      await write('POST', '/api/auth/logout', undefined);
      set({ user: null, csrfToken: null });
    },
    write,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** One session per page: the nav's login control and every view that writes share it. */
export const session: Session = createSession();
