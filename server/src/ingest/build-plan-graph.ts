// The import pipeline without the database: plan markdown (+ optional annotation) → the graph of DESIGN.md,
// every derived fact carrying its quote and offsets into the normalised text. Pure, so the dry run, the
// tests and the writer all see the same graph.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { type CurationDecision, type DecisionOutcome, decisionOrder } from '../domain/curation.ts';
import type { PlanGraph } from '../domain/types.ts';
import type { LoadedAnnotation } from './annotation.ts';
import type { Annotation } from './annotation-schema.ts';
import { curateEntities, curateFacts, splitDecisions } from './curation.ts';
import { ImportInputError } from './errors.ts';
import { extractFacts } from './extract/index.ts';
import { type CoverageEntry, overlay } from './extract/overlay.ts';
import { addExtractedFacts, addExtractedLinks, addExtractedRoles } from './extract/to-graph.ts';
import { GraphBuilder } from './graph-builder.ts';
import { normalise } from './normalise.ts';
import { parseOutline } from './outline.ts';
import { findPilotCandidates, type PilotCandidate } from './pilot-candidates.ts';
import type { BuildContext } from './stages/context.ts';
import { addCorpusIdentity } from './stages/corpus-identity.ts';
import { extractionInput, type OutlineExtractionInput } from './stages/extraction-input.ts';
import { addTextDependencies } from './stages/links.ts';
import { addLists } from './stages/lists.ts';
import {
  addCuratedDependencies,
  addListLinks,
  addResponsibilities,
  checkAnnotatedTitles,
} from './stages/overlay.ts';
import { QuoteFinder } from './stages/quote-finder.ts';
import { addChapters, addDomainsAndTasks, addPlanNode } from './stages/structure.ts';

export interface BuildInput {
  markdown: string;
  /** Shown in error messages and stored as Plan.source (its base name). */
  markdownFile: string;
  annotation?: LoadedAnnotation | null;
  /** The annotation file's bytes, for the plan's digest; re-importing after an annotation edit must happen. */
  annotationSource?: string | null;
  planId?: string;
}

export interface ImportSummary {
  planId: string;
  counts: { labels: Record<string, number>; relationships: Record<string, number> };
  candidates: PilotCandidate[];
  warnings: string[];
  /** For each agency and pilot of the annotation file: what the extractor finds of it by itself. */
  annotationCoverage: CoverageEntry[];
  /** For each curation decision of the annotation: applied, or orphaned (its target is gone) and why. */
  curation: DecisionOutcome[];
}

export interface BuildResult {
  graph: PlanGraph;
  summary: ImportSummary;
  text: string;
  /** What the extract stage reads: text, title, issuer, year, tasks with titles and measures, units, tables. */
  extraction: OutlineExtractionInput;
  /** The curation decisions the graph was built with (the annotation's `curation:` list), in order. */
  curation: CurationDecision[];
  /** What the graph was built from, so that it can be rebuilt with new curation (neo4j/curation-store.ts). */
  source: { markup: string; file: string; annotationFile: string | null; annotationSource: string | null };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function planIdFromFile(file: string): string {
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || `plan-${sha256(base).slice(0, 8)}`;
}

/**
 * Builds the graph of one plan: normalise → outline → structure → lists → extract → overlay → links.
 * Throws ImportInputError (file, line, what) for an empty document or an annotation that does not fit the text;
 * any readable document gives a graph, with warnings in the summary where its outline is thin.
 */
export function buildPlanGraph(input: BuildInput): BuildResult {
  const normalised = normalise(input.markdown);
  const parsed = parseOutline(normalised, input.markdownFile);
  if (!parsed.ok) throw new ImportInputError(parsed.problems);
  const loaded = input.annotation ?? null;
  const annotation: Annotation | null = loaded?.annotation ?? null;
  const planId = input.planId ?? annotation?.plan.id ?? planIdFromFile(input.markdownFile);
  const ctx: BuildContext = {
    planId,
    text: normalised.text,
    file: input.markdownFile,
    outline: parsed.outline,
    g: new GraphBuilder(planId),
    loaded,
    annotation,
    finder: loaded ? new QuoteFinder(normalised.text, loaded) : null,
    units: [],
    warnings: parsed.outline.warnings.map((w) => `${input.markdownFile} ${w}`),
  };

  // ---- structure ----
  addPlanNode(ctx, {
    source: path.basename(input.markdownFile),
    sha256: sha256(input.markdown),
    annotationSha256: input.annotationSource ? sha256(input.annotationSource) : null,
  });
  addChapters(ctx);
  addDomainsAndTasks(ctx);
  // ---- lists ----
  const lists = addLists(ctx);
  // ---- extract ----
  const extractionIn = extractionInput(ctx);
  const extraction = extractFacts(extractionIn);
  ctx.warnings.push(...extraction.warnings.map((w) => `${input.markdownFile} ${w}`));
  // ---- annotation overlay: confirms, renames, merges, rejects and adds by stable keys ----
  checkAnnotatedTitles(ctx);
  const outcomes: DecisionOutcome[] = [];
  const decisions = splitDecisions(annotation?.curation ?? []);
  const curated = curateEntities(
    overlay(extraction, annotation),
    decisions.entities,
    planId,
    normalised.text,
    outcomes,
  );
  const merged = curated.merged;
  const facts = addExtractedFacts(ctx, extraction, merged, curated.redirect);
  addResponsibilities(ctx, facts.entityIds, curated.dropped);
  addExtractedRoles(ctx, extraction, merged);
  // ---- dependencies ----
  addTextDependencies(ctx, facts.taskPilots);
  addExtractedLinks(ctx, extraction);
  addCuratedDependencies(ctx);
  addListLinks(ctx, lists);
  // ---- curation: roles and links accepted, rejected or set by a person ----
  curateFacts(ctx.g, decisions.facts, outcomes, curated.redirectIds);
  if (ctx.finder && ctx.finder.problems.length > 0) throw new ImportInputError(ctx.finder.problems);
  // ---- corpus identity: national bodies and named pilots shared with other plans ----
  addCorpusIdentity(ctx.g.nodes);

  const seenStarts = new Set<number>();
  const scanned = ctx.units
    .flatMap((unit) => unit.pieces)
    .filter((piece) => !seenStarts.has(piece.start) && seenStarts.add(piece.start));
  const candidates = findPilotCandidates(scanned, facts.matches);
  const planNode = ctx.g.node(planId);
  return {
    graph: {
      plan: { ...(planNode?.properties ?? {}), id: planId, title: ctx.outline.title },
      nodes: ctx.g.nodes,
      relationships: ctx.g.relationships,
    },
    summary: {
      planId,
      counts: ctx.g.counts(),
      candidates,
      warnings: ctx.warnings,
      annotationCoverage: merged.coverage,
      curation: outcomes,
    },
    text: normalised.text,
    extraction: extractionIn,
    curation: [...decisions.entities, ...decisions.facts].sort(decisionOrder),
    source: {
      markup: input.markdown,
      file: path.basename(input.markdownFile),
      annotationFile: loaded?.file ?? null,
      annotationSource: input.annotationSource ?? null,
    },
  };
}
