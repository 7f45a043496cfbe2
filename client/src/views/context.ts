// What every view gets from the shell: language and strings, the shared data, its own URL parameters, and the
// cross-view actions (open a node in the graph, open the reader at a passage). A view is a mount function
// that returns its teardown, like the explorer's components.

import type { Lang } from '../types.ts';
import type { MountedApp } from '../ui/app.ts';
import type { DataCache } from './data.ts';
import type { ViewKey } from './i18n.ts';

export const PageName = {
  graph: 'graph',
  matrix: 'matrix',
  tracer: 'tracer',
  reader: 'reader',
  present: 'present',
  insights: 'insights',
  ledger: 'ledger',
  dashboard: 'dashboard',
  audit: 'audit',
  corpus: 'corpus',
  import: 'import',
  review: 'review',
} as const;
export type PageName = (typeof PageName)[keyof typeof PageName];
export const PAGE_NAMES = Object.values(PageName);

export const isPageName = (value: string | null): value is PageName =>
  value !== null && (PAGE_NAMES as readonly string[]).includes(value);

export type ParamChanges = Record<string, string | readonly string[] | null>;

export interface ViewsContext {
  readonly lang: Lang;
  t(key: ViewKey, values?: Record<string, string | number>): string;
  /** A node's display name in the current language. */
  name(data: { name?: unknown; nameEn?: unknown; id?: unknown }): string;
  readonly data: DataCache;
  param(key: string): string | null;
  params(key: string): string[];
  /** Changes the view's URL parameters in place (no new history entry). */
  setParams(changes: ParamChanges): void;
  go(page: PageName, params?: ParamChanges): void;
  openInGraph(id: string): void;
  openInReader(from: number, to: number): void;
  readonly explorer: MountedApp;
  /** The element that holds nav, explorer and views: what presentation mode shows full screen. */
  readonly shell: HTMLElement;
}

export interface MountedView {
  /** Resolves when the view has loaded what it shows (tests and the presentation wait on it). */
  ready: Promise<void>;
  teardown(): void;
}

export type ViewMount = (host: HTMLElement, ctx: ViewsContext) => MountedView;
