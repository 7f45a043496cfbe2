// The extract stage's contract (DESIGN.md: outline → extract → overlay → graph). Recognisers read the normalised
// plan text and the spans the outline found, and return facts whose quotes and offsets point into that text
// (`text.slice(start, end) === quote`). Nothing here knows a document: the lexicon and the naming grammars are data.
import type { AgencyKind, DependencyKind, PilotKind, PilotLevel, PilotStatus } from '../../domain/model.ts';

/** Offsets into the normalised plan text, in UTF-16 code units (as JavaScript counts). */
export interface Span {
  start: number;
  end: number;
}

/** A piece of the plan text: `text === planText.slice(start, end)`. */
export interface Quote extends Span {
  quote: string;
}

/** A run of text with its offsets (a paragraph, a measure sentence, a title). */
export interface TextSpan extends Span {
  text: string;
}

/** How a fact is known (DESIGN.md principle 2). */
export type FactBasis = 'text' | 'extracted' | 'curated' | 'inferred';

/** A node whose text is scanned for mentions: a task, a measure, a section, the front matter … */
export interface TextUnit {
  /** The graph node id that owns the text (the MENTIONS relationship starts there). */
  owner: string;
  kind: 'plan' | 'chapter' | 'section' | 'domain' | 'task' | 'measure' | 'list';
  pieces: TextSpan[];
}

/** A task as the extractor sees it: where it is, its title and its measure sentences. */
export interface TaskInput {
  /** Graph node id of the task. */
  id: string;
  span: Span;
  title: TextSpan;
  measures: TextSpan[];
}

/** A table of the document (Markdown pipe table, HTML table or docx table), cells with offsets. */
export interface TableInput {
  span: Span;
  header: TextSpan[];
  rows: TextSpan[][];
}

export interface ExtractionInput {
  /** The normalised plan text (Plan.text). */
  text: string;
  /** The document's title as read from its title block. */
  title: string;
  /** The issuing body from the title block or sign-off, when found. */
  issuer: string | null;
  /** The year the document was issued (or its period start): the lexicon resolves renames by it. */
  year: number | null;
  tasks: TaskInput[];
  /** Every unit scanned for mentions, tasks' measures included. */
  units: TextUnit[];
  tables: TableInput[];
}

/** Administrative level of a body or a zone. */
export type AdminLevel = 'national' | 'provincial' | 'municipal' | 'county' | 'other';

/** Where an English name comes from: the lexicon, the glossary of standard translations, pinyin, or a person. */
export type NameEnSource = 'lexicon' | 'glossary' | 'pinyin' | 'curated';

export interface AgencyEntity {
  /** Stable slug for the node id `<plan>:agency:<key>` (lower-case ASCII, digits, dashes). */
  key: string;
  /** Canonical Chinese name (the lexicon's full name, or the longest form the text uses). */
  name: string;
  /** Every other form of the same body the text uses (short forms, abbreviations). */
  aliases: string[];
  kind: AgencyKind;
  level: AdminLevel;
  nameEn: string | null;
  nameEnSource: NameEnSource | null;
  /** Id of the lexicon entry the body resolved to, null for a body found by the naming grammar alone. */
  lexiconId: string | null;
  /** In [0, 1]: how sure the recogniser is that this is a body with this extent. */
  confidence: number;
  mentions: Quote[];
}

export interface PilotEntity {
  key: string;
  name: string;
  aliases: string[];
  kind: PilotKind;
  level: PilotLevel | null;
  status: PilotStatus | null;
  /** The words that show the status (获批, 申请 …), when found. */
  statusEvidence: Quote | null;
  nameEn: string | null;
  nameEnSource: NameEnSource | null;
  confidence: number;
  mentions: Quote[];
}

/** Who leads (LED_BY) or joins (INVOLVES) a task. `basis: text` where the text states the role verbatim. */
export interface RoleFact {
  /** Task node id. */
  task: string;
  /** AgencyEntity.key */
  agency: string;
  role: 'lead' | 'involved';
  basis: 'text' | 'extracted';
  confidence: number;
  /** The words that assign the role (the responsibility note, the table row, the sentence). */
  evidence: Quote;
  /** A deadline stated with the assignment (a task table's 完成时限), as written. */
  deadline?: string;
}

/** A task carried out in a pilot zone or programme (PILOTED_IN). */
export interface PilotLink {
  task: string;
  /** PilotEntity.key */
  pilot: string;
  basis: FactBasis;
  confidence: number;
  evidence: Quote[];
}

export type TargetComparator =
  | 'at-least'
  | 'at-most'
  | 'equals'
  | 'range'
  | 'reduce-by'
  | 'increase-to'
  | 'increase-by';

export interface TargetFact extends Quote {
  indicator: string;
  value: number;
  valueMax: number | null;
  unit: string;
  year: number | null;
  comparator: TargetComparator;
  confidence: number;
  /** Node id of the unit (task, section, plan …) that sets the target. */
  owner: string;
  /**
   * Added by the targets recogniser (extract/targets.ts): `target` is a figure the plan sets for the future;
   * `reported` a figure it reports as achieved (减轻企业负担16.8亿元 in a review of the past period). DESIGN.md's
   * Target node already holds both ("a quantitative target or reported figure"); absent means `target`.
   */
  kind?: 'target' | 'reported';
}

/** A DEPENDS_ON between two tasks read from the text (cue, shared agency, shared pilot, similarity). */
export interface LinkFact {
  from: string;
  to: string;
  kind: DependencyKind | 'cue' | 'shared-agency';
  weight: number;
  basis: FactBasis;
  confidence: number;
  evidence: Array<{ from: Quote; to: Quote }>;
  /** Entity keys shared (pilots or agencies), when the link comes from sharing them. */
  via: string[];
}

export interface Extraction {
  agencies: AgencyEntity[];
  pilots: PilotEntity[];
  roles: RoleFact[];
  pilotLinks: PilotLink[];
  targets: TargetFact[];
  links: LinkFact[];
  /** Things a curator should look at (ambiguous names, notes the grammar could not read). */
  warnings: string[];
}
