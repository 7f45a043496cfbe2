// Reads a plan's annotation YAML, keeping line numbers so that every schema error and every quote the
// plan text does not contain is reported as file:line with the offending key or quote.
import { isNode, LineCounter, parseDocument } from 'yaml';
import { type Annotation, annotationSchema } from './annotation-schema.ts';
import type { InputProblem } from './errors.ts';

export type YamlPath = ReadonlyArray<string | number>;

export interface LoadedAnnotation {
  file: string;
  annotation: Annotation;
  /** The 1-based line of the value at `path`, or of its nearest existing ancestor. */
  lineOf(path: YamlPath): number;
}

export type AnnotationResult =
  | { ok: true; loaded: LoadedAnnotation }
  | { ok: false; problems: InputProblem[] };

export function loadAnnotation(source: string, file: string): AnnotationResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.normalize('NFC'), { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        message: `invalid YAML: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  const lineOf = (path: YamlPath): number => {
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const parsed = annotationSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
        const value = doc.getIn(path);
        const shown =
          typeof value === 'string' || typeof value === 'number' ? ` (got ${JSON.stringify(value)})` : '';
        return {
          file,
          line: lineOf(path),
          message: `${path.join('.') || 'annotation'}: ${issue.message}${shown}`,
        };
      }),
    };
  }
  return { ok: true, loaded: { file, annotation: parsed.data, lineOf } };
}
