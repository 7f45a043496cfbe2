// The browser's door to the importer: a document's bytes go through the same pipeline as `npm run import`
// (ingest/plan-files.ts buildPlanFromBytes → the graph), then either a preview (the dry run) or one atomic write.
// Refusals become AppErrors the API maps to 4xx; nothing is written unless the whole build succeeded.
import { AppError } from '../domain/errors.ts';
import type {
  ImportCommitResult,
  ImportPreview,
  UnreadableDetails,
  UnreadableReason,
} from '../domain/import-types.ts';
import { ImportInputError } from '../ingest/errors.ts';
import { type BuiltPlan, buildPlanFromBytes } from '../ingest/plan-files.ts';
import { importCounts, leastConfident, outlineTree, type PlanNodeRecord, planDiff } from './plan-preview.ts';

/** Largest document the browser import takes (issue 17: "say 5 MB"); the CLI has no such limit. */
export const IMPORT_SIZE_LIMIT = 5 * 1024 * 1024;

/** What the service needs of the database; server/src/neo4j/plan-import-store.ts implements it. */
export interface PlanImportStore {
  /** The stored plan's title, source file name and nodes (the Plan node and its data), or null. */
  storedPlan(planId: string): Promise<{ title: string; source: string; nodes: PlanNodeRecord[] } | null>;
  /** The build with the plan's stored curation decisions re-applied (the build itself when there are none). */
  curate(built: BuiltPlan): Promise<BuiltPlan>;
  /**
   * Writes the plan in one transaction, replacing its previous graph, with the stored curation re-applied and the
   * document kept for later rebuilds (plan-writer.ts importBuiltPlan); returns the build as written.
   */
  write(built: BuiltPlan, audit: ImportAudit): Promise<BuiltPlan>;
}

/** Who imports, for the audit trail: the event is written in the import's own transaction. */
export interface ImportAudit {
  actor: string;
  ip: string | null;
  /** `plan.import` for a new plan, `plan.replace` over a stored one. */
  action: 'plan.import' | 'plan.replace';
}

export interface ImportUpload {
  bytes: Uint8Array;
  /** The file's own name: names it in messages, gives Plan.source and, without planId, the plan id. */
  fileName: string;
  planId?: string;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The 413 for a document over IMPORT_SIZE_LIMIT (size in bytes, null when unknown); `details` has both sizes. */
export function tooLarge(sizeBytes: number | null): AppError {
  const size = sizeBytes === null ? 'larger than that' : megabytes(sizeBytes);
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `A document to import may be at most ${megabytes(IMPORT_SIZE_LIMIT)}; this file is ${size}.`,
    { details: { sizeBytes, limitBytes: IMPORT_SIZE_LIMIT } },
  );
}

/** The readers' refusals (read/read-document.ts), sorted into reasons a client can say in its own words. */
function reasonOf(message: string): { reason: UnreadableReason; looksLike: string | null } {
  if (/^empty file/.test(message)) return { reason: 'empty', looksLike: null };
  const binary = /^binary content(?: \(looks like ([^)]+)\))?/.exec(message);
  if (binary) return { reason: 'binary', looksLike: binary[1] ?? null };
  if (/^not a Word document/.test(message)) return { reason: 'not-word', looksLike: null };
  if (/^not decodable/.test(message)) return { reason: 'undecodable', looksLike: null };
  return { reason: 'invalid', looksLike: null };
}

/** An ImportInputError as the API's 422: the first problem in the message, every problem in `details`. */
function unreadable(error: ImportInputError, fileName: string): AppError {
  const first = error.problems[0];
  const { reason, looksLike } = reasonOf(first?.message ?? '');
  const details: UnreadableDetails = { reason, looksLike, problems: error.problems };
  const where = first && first.line !== null ? ` (line ${first.line})` : '';
  return new AppError(
    'UNREADABLE_DOCUMENT',
    `${fileName} cannot be imported${where}: ${first?.message ?? 'no readable document'}`,
    { details },
  );
}

/** Only the name's last segment, without control characters; "document" when nothing is left. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(-200) || 'document';
}

async function build(upload: ImportUpload): Promise<BuiltPlan> {
  if (upload.bytes.length > IMPORT_SIZE_LIMIT) throw tooLarge(upload.bytes.length);
  try {
    return await buildPlanFromBytes(upload.bytes, upload.fileName, {
      annotationsPath: null,
      annotationSource: null,
      planId: upload.planId,
    });
  } catch (error) {
    if (error instanceof ImportInputError) throw unreadable(error, upload.fileName);
    throw error;
  }
}

/** Preview and commit over a store; both build the graph from the bytes afresh (the server keeps no upload). */
export function createPlanImportService(store: PlanImportStore) {
  return {
    /** The dry run: counts, outline, warnings, least confident facts and, for a stored plan, the diff. */
    async preview(upload: ImportUpload): Promise<ImportPreview> {
      const first = await build(upload);
      const stored = await store.storedPlan(first.graph.plan.id);
      // A stored plan's curation is re-applied on commit: the preview shows what a commit would write.
      const built = stored ? await store.curate(first) : first;
      const { graph } = built;
      return {
        planId: graph.plan.id,
        title: graph.plan.title,
        fileName: upload.fileName,
        format: built.format,
        sizeBytes: upload.bytes.length,
        counts: importCounts(graph),
        outline: outlineTree(graph),
        warnings: built.summary.warnings,
        leastConfident: leastConfident(graph),
        existing: stored
          ? { title: stored.title, source: stored.source, diff: planDiff(stored.nodes, graph.nodes) }
          : null,
        parseMs: Math.round(built.buildMs),
      };
    },

    /**
     * Writes the plan atomically. A plan of the same id is replaced only with `replace` (else 409 CONFLICT,
     * naming the plan), so that a second upload cannot silently overwrite someone's plan.
     */
    async commit(
      upload: ImportUpload,
      options: { replace: boolean; actor: string; ip: string | null },
    ): Promise<ImportCommitResult> {
      const built = await build(upload);
      const { graph } = built;
      const stored = await store.storedPlan(graph.plan.id);
      if (stored && !options.replace) {
        throw new AppError(
          'CONFLICT',
          `A plan with id "${graph.plan.id}" is already imported ("${stored.title}"); preview the changes and send replace=true to replace it.`,
          { details: { planId: graph.plan.id, exists: true } },
        );
      }
      const started = performance.now();
      const action = stored ? 'plan.replace' : 'plan.import';
      const written = await store.write(built, { actor: options.actor, ip: options.ip, action });
      return {
        planId: graph.plan.id,
        title: graph.plan.title,
        replaced: stored !== null,
        counts: importCounts(written.graph),
        parseMs: Math.round(built.buildMs),
        writeMs: Math.round(performance.now() - started),
      };
    },
  };
}

export type PlanImportService = ReturnType<typeof createPlanImportService>;
