// Reads a plan and its annotation from disk and builds the graph: the part of an import that needs files
// but no database. The annotation defaults to the plan's name with .yaml (or .yml) beside it.
import { existsSync, readFileSync } from 'node:fs';
import { loadAnnotation } from './annotation.ts';
import { type BuildResult, buildPlanGraph } from './build-plan-graph.ts';
import { ImportInputError } from './errors.ts';

export interface PlanSource {
  markdownPath: string;
  /** null: import without an annotation even when one lies beside the plan. */
  annotationsPath?: string | null;
  planId?: string;
}

export interface BuiltPlan extends BuildResult {
  annotationsPath: string | null;
  /** Milliseconds spent reading and building. */
  buildMs: number;
}

export function defaultAnnotationsPath(markdownPath: string): string | null {
  const base = markdownPath.replace(/\.(md|markdown|txt)$/i, '');
  for (const candidate of [`${base}.yaml`, `${base}.yml`]) if (existsSync(candidate)) return candidate;
  return null;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String(error);
    throw new ImportInputError([{ file, line: null, message: `cannot read the file: ${reason}` }]);
  }
}

export function buildPlanFromFiles(source: PlanSource): BuiltPlan {
  const started = performance.now();
  const markdown = readText(source.markdownPath);
  const annotationsPath =
    source.annotationsPath === undefined
      ? defaultAnnotationsPath(source.markdownPath)
      : source.annotationsPath;
  const annotationSource = annotationsPath ? readText(annotationsPath) : null;
  let annotation = null;
  if (annotationsPath && annotationSource !== null) {
    const loaded = loadAnnotation(annotationSource, annotationsPath);
    if (!loaded.ok) throw new ImportInputError(loaded.problems);
    annotation = loaded.loaded;
  }
  const result = buildPlanGraph({
    markdown,
    markdownFile: source.markdownPath,
    annotation,
    annotationSource,
    planId: source.planId,
  });
  return { ...result, annotationsPath, buildMs: performance.now() - started };
}
