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

// ---- DTOs of the corpus API (GET /api/corpus/…, GET /api/compare) ----

/** A plan as the corpus views list it; `date` is issuedOn (ISO 8601) or, without one, the period's first year. */
export interface CorpusPlan {
  id: string;
  title: string;
  docNumber: string | null;
  kind: string | null;
  issuer: string | null;
  issuedOn: string | null;
  date: string | null;
}

/** A corpus-level body or pilot, with the number of plans naming it. */
export interface CorpusEntity {
  id: string;
  name: string;
  nameEn: string | null;
  /** Agencies: the lexicon's id of the body; pilots: null. */
  lexiconId: string | null;
  /** Pilots: zone / programme / platform / demonstration as the first plan read it; agencies: the kind of body. */
  kind: string | null;
  plans: number;
}

/** A quote of the plan's text: `Plan.text.slice(start, end) === quote` when the offsets are known. */
export interface CorpusQuote {
  quote: string;
  start: number | null;
  end: number | null;
}

/** One task an agency leads (LED_BY) or joins (INVOLVES) in one plan, with the text that says so. */
export interface AgencyRole extends CorpusQuote {
  role: 'leads' | 'joins';
  taskId: string;
  taskTitle: string;
  basis: string | null;
  confidence: number | null;
}

/** GET /api/corpus/agencies/:id — the body across plans, plans by date (undated last). */
export interface AgencyProfile {
  agency: CorpusEntity;
  plans: Array<{
    plan: CorpusPlan;
    /** The plan's own Agency node and the name it uses. */
    agencyId: string;
    name: string;
    roles: AgencyRole[];
    /** How many passages of the plan name the body (MENTIONS). */
    mentions: number;
  }>;
}

/** A sentence of a plan naming a pilot: the sentence, and the name's offsets inside the plan text. */
export interface ZonePassage extends CorpusQuote {
  /** The node whose text holds the mention (a Measure, Task, Section …) and its label. */
  sourceId: string;
  sourceLabel: string;
  /** The whole sentence around the mention, with its own offsets. */
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
}

/** GET /api/corpus/pilots/:id/trace — every plan naming the pilot, by date, with each sentence. */
export interface ZoneTrace {
  pilot: CorpusEntity;
  plans: Array<{ plan: CorpusPlan; pilotId: string; name: string; passages: ZonePassage[] }>;
}

/** One side of a shared agency or pilot in GET /api/compare. */
export interface ComparedEntity {
  /** The corpus id when the body or pilot has one, else `name:<name>` (same name in both plans). */
  key: string;
  name: string;
  a: string[];
  b: string[];
}

/** A task of one plan in a compared pair, with its text as the quote. */
export interface ComparedTask extends CorpusQuote {
  id: string;
  title: string;
}

/** GET /api/compare?a=…&b=… */
export interface PlanComparison {
  a: CorpusPlan;
  b: CorpusPlan;
  agencies: { shared: ComparedEntity[]; onlyA: ComparedEntity[]; onlyB: ComparedEntity[] };
  pilots: { shared: ComparedEntity[]; onlyA: ComparedEntity[]; onlyB: ComparedEntity[] };
  /** Most similar task pairs, best first (each task in one pair at most): cosine of character-bigram TF-IDF. */
  similarTasks: Array<{ a: ComparedTask; b: ComparedTask; similarity: number }>;
}
