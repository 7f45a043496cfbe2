// The curation as the annotation YAML the importer reads: the plan's own annotation (or a bare plan section when
// it has none) with the stored decisions as its `curation:` list. Serialising an annotation that was parsed from
// such a file gives the same bytes again, so the plan's annotation digest is the same whichever door it came in by.
import { stringify } from 'yaml';
import { type CurationDecision, decisionOrder } from '../domain/curation.ts';
import { type LoadedAnnotation, loadAnnotation } from './annotation.ts';
import { type Annotation, annotationSchema } from './annotation-schema.ts';
import { type BuildResult, buildPlanGraph } from './build-plan-graph.ts';
import { ImportInputError } from './errors.ts';

/** The file name the curated annotation goes by in messages and in `Content-Disposition`. */
export function curationFileName(planId: string): string {
  return `${planId}.curation.yaml`;
}

/**
 * The annotation YAML of a curated plan: `base` (the plan's annotation, null for none) with `decisions` as its
 * curation list (replacing any list `base` had), in the order they apply. `plan` names the plan when there is no
 * base. Deterministic.
 */
export function curationYaml(
  base: Annotation | null,
  decisions: CurationDecision[],
  plan: { id: string; title: string },
): string {
  const annotation: Annotation = base
    ? { ...base, plan: { ...base.plan, id: plan.id } }
    : annotationSchema.parse({ plan: { id: plan.id, title: plan.title || plan.id } });
  const ordered = [...decisions].sort(decisionOrder);
  return stringify(annotationSchema.parse({ ...annotation, curation: ordered }), { lineWidth: 0 });
}

/** Parses a curated annotation (as curationYaml writes it); throws ImportInputError naming file:line. */
export function loadCurationYaml(source: string, file: string): LoadedAnnotation {
  const loaded = loadAnnotation(source, file);
  if (!loaded.ok) throw new ImportInputError(loaded.problems);
  return loaded.loaded;
}

/**
 * The plan rebuilt with `decisions` added to its annotation's curation (those with an id the annotation already
 * holds are its own): the same document, the annotation written by curationYaml as if read from a file.
 * Returns `result` unchanged when the decisions add nothing. Throws ImportInputError as buildPlanGraph does.
 */
export function rebuildWithCuration(result: BuildResult, decisions: CurationDecision[]): BuildResult {
  const { source } = result;
  const base = source.annotationSource
    ? loadCurationYaml(source.annotationSource, source.annotationFile ?? 'annotation.yaml').annotation
    : null;
  const own = new Set((base?.curation ?? []).map((d) => d.id));
  const added = decisions.filter((d) => !own.has(d.id));
  if (added.length === 0) return result;
  const planId = result.summary.planId;
  const yaml = curationYaml(base, [...(base?.curation ?? []), ...added], {
    id: planId,
    title: String(result.graph.plan.title ?? planId),
  });
  return buildPlanGraph({
    markdown: source.markup,
    markdownFile: source.file,
    annotation: loadCurationYaml(yaml, curationFileName(planId)),
    annotationSource: yaml,
    planId,
  });
}
