// Sends a document to POST /api/plans/import with XMLHttpRequest, whose upload events give the progress bar its
// numbers (fetch has none), and turns the server's error contract into an ImportFailure the page can localise.
import type {
  ImportCommitResult,
  ImportPreview,
  UnreadableDetails,
} from '../../../../server/src/domain/import-types.ts';
import type { SessionResponse } from '../../../../server/src/domain/ledger-types.ts';
import type { ApiErrorBody, ApiErrorCode } from '../../types.ts';

/** The browser import's size limit (server/src/graph/plan-import-service.ts IMPORT_SIZE_LIMIT). */
export const IMPORT_LIMIT_BYTES = 5 * 1024 * 1024;

/** What went wrong: the server's code (or NETWORK / TOO_LARGE found before sending), message and details. */
export class ImportFailure extends Error {
  override name = 'ImportFailure';
  constructor(
    readonly code: ApiErrorCode | 'NETWORK',
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }
  /** The reader's reason when the file held no readable document. */
  get unreadable(): UnreadableDetails | null {
    if (this.code !== 'UNREADABLE_DOCUMENT' || typeof this.details !== 'object' || this.details === null)
      return null;
    return this.details as UnreadableDetails;
  }
}

/** Progress of one request: `upload` 0–1 while the bytes go, then `parsing` until the answer comes. */
export type UploadProgress = { phase: 'upload'; fraction: number } | { phase: 'parsing' };

/** The session's CSRF token, read afresh (a login in the nav may have changed it). */
async function csrfToken(): Promise<string | null> {
  try {
    const response = await fetch('/api/auth/session', { headers: { Accept: 'application/json' } });
    if (!response.ok) return null;
    return ((await response.json()) as SessionResponse).csrfToken;
  } catch {
    return null;
  }
}

function failureOf(status: number, body: unknown): ImportFailure {
  const error =
    typeof body === 'object' && body !== null && 'error' in body ? (body as ApiErrorBody).error : null;
  if (error) return new ImportFailure(error.code, error.message, error.details ?? null);
  return new ImportFailure(status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL', `HTTP ${status}`, null);
}

export interface ImportRequest {
  file: File;
  dryRun: boolean;
  replace?: boolean;
  onProgress?: (progress: UploadProgress) => void;
  /** Aborts the request (the page's teardown). */
  signal?: AbortSignal;
}

/** Posts the file; resolves with the preview (dryRun) or the commit's result, rejects with ImportFailure. */
export async function sendDocument(request: ImportRequest & { dryRun: true }): Promise<ImportPreview>;
export async function sendDocument(request: ImportRequest & { dryRun: false }): Promise<ImportCommitResult>;
export async function sendDocument(request: ImportRequest): Promise<ImportPreview | ImportCommitResult> {
  const { file } = request;
  if (file.size > IMPORT_LIMIT_BYTES)
    throw new ImportFailure('PAYLOAD_TOO_LARGE', 'too large', { sizeBytes: file.size });
  const token = await csrfToken();
  const query = new URLSearchParams({ name: file.name });
  if (request.dryRun) query.set('dryRun', 'true');
  if (request.replace) query.set('replace', 'true');
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/plans/import?${query}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable)
        request.onProgress?.({ phase: 'upload', fraction: event.total ? event.loaded / event.total : 1 });
    });
    xhr.upload.addEventListener('load', () => request.onProgress?.({ phase: 'parsing' }));
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.response as ImportPreview | ImportCommitResult);
      else reject(failureOf(xhr.status, xhr.response));
    });
    xhr.addEventListener('error', () => reject(new ImportFailure('NETWORK', 'network error', null)));
    xhr.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    request.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
