// Reads a plan document and its annotation from disk and builds the graph: the part of an import that needs
// files but no database. The document may be .md, .txt, .html or .docx (read/read-document.ts decides by
// content); the annotation defaults to the document's name with .yaml (or .yml) beside it.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { loadAnnotation } from './annotation.ts';
import { type BuildResult, buildPlanGraph } from './build-plan-graph.ts';
import { ImportInputError, type InputProblem } from './errors.ts';
import { type DocumentFormat, readDocument } from './read/read-document.ts';

export interface PlanSource {
  /** The plan document: .md, .txt, .html/.htm or .docx (the name is historical). */
  markdownPath: string;
  /** null: import without an annotation even when one lies beside the plan. */
  annotationsPath?: string | null;
  planId?: string;
}

export interface BuiltPlan extends BuildResult {
  annotationsPath: string | null;
  /** What the document was read as. */
  format: DocumentFormat;
  /** Milliseconds spent reading and building. */
  buildMs: number;
}

/** `<dir>/<name>.yaml` (or `.yml`) for `<dir>/<name>.<any extension>`, when such a file exists; else null. */
export function defaultAnnotationsPath(documentPath: string): string | null {
  const base = documentPath.replace(/\.[^./\\]+$/, '');
  for (const candidate of [`${base}.yaml`, `${base}.yml`]) {
    if (candidate !== documentPath && existsSync(candidate)) return candidate;
  }
  return null;
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : String(error);
    throw new ImportInputError([{ file, line: null, message: `cannot read the file: ${reason}` }]);
  }
}

/**
 * Puts back the lines a user sees in a .md/.txt file into messages about its canonical markup (which drops
 * comments and extra blank lines): problems' `line`, and warnings' `<file> line N` / `<file>:N` / `line N:`.
 */
function sourceLineMapper(file: string, sourceLines: number[] | null) {
  const line = (n: number) => sourceLines?.[n - 1] ?? n;
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const inWarning = new RegExp(`(^${escaped}(?::| line )|^line |\\bline )(\\d+)`, 'g');
  return {
    problem: (problem: InputProblem): InputProblem =>
      problem.file === file && problem.line !== null ? { ...problem, line: line(problem.line) } : problem,
    warning: (warning: string): string =>
      sourceLines
        ? warning.replace(inWarning, (_, head: string, n: string) => `${head}${line(Number(n))}`)
        : warning,
  };
}

/**
 * Reads the document (any supported format) and its annotation, and builds the plan's graph. Plan.sha256 is
 * the digest of the canonical markup, so one document saved as .md, .html and .docx gives the same graph
 * (Plan.source keeps the file's own name). Throws ImportInputError for a missing, empty, binary or
 * unreadable file, or an invalid annotation (file:line: what).
 */
export async function buildPlanFromFiles(source: PlanSource): Promise<BuiltPlan> {
  const started = performance.now();
  const bytes = await readBytes(source.markdownPath);
  const annotationsPath =
    source.annotationsPath === undefined
      ? defaultAnnotationsPath(source.markdownPath)
      : source.annotationsPath;
  const annotationSource = annotationsPath ? (await readBytes(annotationsPath)).toString('utf8') : null;
  const built = await buildPlanFromBytes(bytes, source.markdownPath, {
    annotationsPath,
    annotationSource,
    planId: source.planId,
  });
  return { ...built, buildMs: performance.now() - started };
}

/** What buildPlanFromBytes needs besides the document: the annotation's text (null: none) and a plan id. */
export interface BytesSource {
  /** Names the annotation in messages; null when there is none. */
  annotationsPath: string | null;
  annotationSource: string | null;
  planId?: string;
}

/**
 * The same build from bytes already in memory (an upload): `file` names the document in messages and gives
 * Plan.source and, without `planId`, the plan id. Throws ImportInputError as buildPlanFromFiles does.
 */
export async function buildPlanFromBytes(
  bytes: Uint8Array,
  file: string,
  source: BytesSource,
): Promise<BuiltPlan> {
  const started = performance.now();
  const document = await readDocument(bytes, file);
  const { annotationsPath, annotationSource } = source;
  let annotation = null;
  if (annotationsPath && annotationSource !== null) {
    const loaded = loadAnnotation(annotationSource, annotationsPath);
    if (!loaded.ok) throw new ImportInputError(loaded.problems);
    annotation = loaded.loaded;
  }
  const toSource = sourceLineMapper(file, document.sourceLines);
  let result: BuildResult;
  try {
    result = buildPlanGraph({
      markdown: document.text,
      markdownFile: file,
      annotation,
      annotationSource,
      planId: source.planId,
    });
  } catch (error) {
    throw error instanceof ImportInputError
      ? new ImportInputError(error.problems.map(toSource.problem))
      : error;
  }
  const readerWarnings = document.warnings.map((warning) => `${file}: ${warning}`);
  return {
    ...result,
    summary: {
      ...result.summary,
      warnings: [...readerWarnings, ...result.summary.warnings.map(toSource.warning)],
    },
    annotationsPath,
    format: document.format,
    buildMs: performance.now() - started,
  };
}
