// The scene routes, with the editor token (kept for the browser session only) on writes when the server
// asks for one.

import type { Scene, SceneInput, ScenesFile, ScenesResponse } from '../../../../server/src/domain/types.ts';
import { ApiError, getJson } from '../../api/http.ts';

const TOKEN_KEY = 'reform-graph-editor-token';

export const editorToken = {
  get: () => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: (token: string) => {
    if (token === '') sessionStorage.removeItem(TOKEN_KEY);
    else sessionStorage.setItem(TOKEN_KEY, token);
  },
};

async function send<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = editorToken.get();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('NETWORK', 0, 'The server cannot be reached.');
  }
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => null)) as
    | (T & { error?: undefined })
    | { error: { code: ApiError['code']; message: string } }
    | null;
  if (!response.ok || payload === null) {
    const error = payload && 'error' in payload && payload.error ? payload.error : null;
    throw new ApiError(error?.code ?? 'INTERNAL', response.status, error?.message ?? response.statusText);
  }
  return payload as T;
}

export const scenesApi = {
  list: () => getJson<ScenesResponse>('/api/scenes'),
  create: (input: SceneInput) => send<Scene>('POST', '/api/scenes', input),
  update: (id: string, changes: Partial<SceneInput>) =>
    send<Scene>('PUT', `/api/scenes/${encodeURIComponent(id)}`, changes),
  remove: (id: string) => send<void>('DELETE', `/api/scenes/${encodeURIComponent(id)}`),
  reorder: (ids: string[]) => send<ScenesResponse>('POST', '/api/scenes/order', { ids }),
  exportFile: () => getJson<ScenesFile>('/api/scenes/export'),
  importFile: (file: unknown, mode: 'append' | 'replace' = 'append') =>
    send<ScenesResponse>('POST', `/api/scenes/import?mode=${mode}`, file),
};
