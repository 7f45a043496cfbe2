// The corpus level of the graph model (docs/graph-model.md, "One body, one node, across plans"): one node per
// national body and per named pilot across every imported plan, which the plans' own Agency and Pilot nodes
// name through their `corpusId` property. Kept apart from NodeLabel so the per-plan views stay per plan.

/** Labels of the corpus-level nodes (no `plan` property, never PlanData). */
export const CorpusLabel = { agency: 'CorpusAgency', pilot: 'CorpusPilot' } as const;
export type CorpusLabel = (typeof CorpusLabel)[keyof typeof CorpusLabel];

/** The property of an Agency or Pilot node holding the id of its corpus-level node. */
export const CORPUS_ID = 'corpusId';

/** Prefix of a corpus-level agency id; the rest is the lexicon's id of the body (`corpus:agency:ndrc`). */
export const CORPUS_AGENCY_PREFIX = 'corpus:agency:';
/** Prefix of a corpus-level pilot id; the rest is the pilot's normalised name (`corpus:pilot:<name>`). */
export const CORPUS_PILOT_PREFIX = 'corpus:pilot:';
