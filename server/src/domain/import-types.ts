// The browser import's wire shapes (POST /api/plans/import): the dry run's preview with its diff against a stored
// plan, and the outcome of a commit. Declared once here; the server's zod schemas and the client read these.

/** How a document was read (server/src/ingest/read/sniff.ts decides it by content). */
export type ImportFormat = 'markdown' | 'text' | 'html' | 'docx';

/** One heading or task of the outline, with its children in document order. */
export interface OutlineItem {
  id: string;
  /** Chapter, Section, Domain or Task. */
  label: string;
  /** The heading's number as written (一, 3, （二）…), or null. */
  number: string | null;
  title: string;
  children: OutlineItem[];
}

/** A machine-extracted fact with its confidence, for the "least confident" list. */
export interface UncertainFact {
  /** A node's id, or `start|TYPE|end` for a relationship. */
  id: string;
  /** The node label or relationship type (Agency, LED_BY …). */
  kind: string;
  /** Display name: the node's name, or "start → end" for a relationship. */
  name: string;
  /** 0–1, as the extractor gave it. */
  confidence: number;
  basis: string | null;
  /** The words of the text the fact rests on, when it carries them. */
  quote: string | null;
}

/** A node of the diff, named as a user would recognise it. */
export interface DiffNode {
  id: string;
  label: string;
  name: string;
}

/** What a commit would change in a stored plan, node by node (compared by `id`, labels and properties). */
export interface PlanDiff {
  added: DiffNode[];
  removed: DiffNode[];
  /** Same id, other label or properties; `properties` names the keys that differ. */
  changed: Array<DiffNode & { properties: string[] }>;
  unchanged: number;
  /** True when one of the lists was cut at DIFF_LIST_CAP entries (the totals stay exact). */
  truncated: boolean;
  totals: { added: number; removed: number; changed: number };
}

export interface ImportCounts {
  /** Nodes per label, as the CLI's dry run counts them. */
  labels: Record<string, number>;
  /** Relationships per type. */
  relationships: Record<string, number>;
  nodes: number;
  links: number;
}

/** The dry run (`?dryRun=true`): nothing is written. */
export interface ImportPreview {
  planId: string;
  title: string;
  fileName: string;
  format: ImportFormat;
  sizeBytes: number;
  counts: ImportCounts;
  outline: OutlineItem[];
  warnings: string[];
  /** The ten extracted facts with the lowest confidence, lowest first. */
  leastConfident: UncertainFact[];
  /** Null when no plan has this id yet; else what committing with `replace=true` would change. */
  existing: { title: string; source: string; diff: PlanDiff } | null;
  /** Reading and building the graph, in milliseconds. */
  parseMs: number;
}

/** A commit's outcome: the plan as written. */
export interface ImportCommitResult {
  planId: string;
  title: string;
  /** True when a stored plan of this id was replaced. */
  replaced: boolean;
  counts: ImportCounts;
  parseMs: number;
  writeMs: number;
}

/** Why an uploaded document was refused, for the client to say it in the user's language. */
export type UnreadableReason = 'empty' | 'binary' | 'not-word' | 'undecodable' | 'invalid';

/** `details` of an UNREADABLE_DOCUMENT error. */
export interface UnreadableDetails {
  reason: UnreadableReason;
  /** For `binary`: the format it looks like (PNG, PDF …). */
  looksLike: string | null;
  problems: Array<{ file: string; line: number | null; message: string }>;
}
