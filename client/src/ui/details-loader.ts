// The details request of the selected node: one at a time (a newer selection aborts the older request), with
// "no such node" told apart from a failure, so a bad link says so instead of loading forever.
import { fetchNode } from '../api/graph-api.ts';
import { ApiError } from '../api/http.ts';
import type { AppState } from './context.ts';

export interface DetailsLoader {
  /** Starts loading the node's details into `state.details` (null clears them). */
  load(id: string | null): void;
  /** Resolves when the latest request has settled. */
  done(): Promise<void>;
  abort(): void;
}

/** `notify` is called when an answer lands; `fail` receives errors other than a missing node. */
export function createDetailsLoader(
  state: AppState,
  notify: () => void,
  fail: (error: unknown) => void,
): DetailsLoader {
  let request: AbortController | null = null;
  let settled: Promise<void> = Promise.resolve();
  return {
    load(id) {
      request?.abort();
      state.details = null;
      state.detailsMissing = false;
      if (!id) {
        state.detailsLoading = false;
        return;
      }
      const current = new AbortController();
      request = current;
      state.detailsLoading = true;
      settled = fetchNode(id, current.signal).then(
        (details) => {
          if (current.signal.aborted) return;
          state.details = details;
          state.detailsLoading = false;
          notify();
        },
        (error: unknown) => {
          if (current.signal.aborted) return;
          state.detailsLoading = false;
          if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.code === 'INVALID_REQUEST')) {
            state.detailsMissing = true;
            notify();
          } else fail(error);
        },
      );
    },
    done: () => settled,
    abort: () => request?.abort(),
  };
}
