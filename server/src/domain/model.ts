// The graph model of DESIGN.md as closed sets. These names are a contract with tests, exports and the
// UI: extend them, never rename them.

export type ValueOf<T> = T[keyof T];

export const NodeLabel = {
  Plan: 'Plan',
  Chapter: 'Chapter',
  Section: 'Section',
  Domain: 'Domain',
  Task: 'Task',
  Measure: 'Measure',
  Agency: 'Agency',
  Pilot: 'Pilot',
  Target: 'Target',
  Priority: 'Priority',
  KeyField: 'KeyField',
  Principle: 'Principle',
  Safeguard: 'Safeguard',
  Problem: 'Problem',
  Achievement: 'Achievement',
  LegalBasis: 'LegalBasis',
} as const;
export type NodeLabel = ValueOf<typeof NodeLabel>;
export const NODE_LABELS: readonly NodeLabel[] = Object.values(NodeLabel);

/**
 * Extra label on every node an import derives from a plan (all but the Plan node itself), so that a
 * re-import deletes exactly the plan's own data and never nodes other features keep (scenes, notes).
 */
export const PLAN_DATA_LABEL = 'PlanData';

/** The plan's other named lists (DESIGN.md): all carry `title` and `text`. */
export const LIST_LABELS = [
  NodeLabel.Priority,
  NodeLabel.KeyField,
  NodeLabel.Principle,
  NodeLabel.Safeguard,
  NodeLabel.Problem,
  NodeLabel.Achievement,
  NodeLabel.LegalBasis,
] as const;
export type ListLabel = (typeof LIST_LABELS)[number];

export const RelType = {
  HAS_CHAPTER: 'HAS_CHAPTER',
  HAS_SECTION: 'HAS_SECTION',
  HAS_DOMAIN: 'HAS_DOMAIN',
  HAS_TASK: 'HAS_TASK',
  HAS_MEASURE: 'HAS_MEASURE',
  MENTIONS: 'MENTIONS',
  LED_BY: 'LED_BY',
  INVOLVES: 'INVOLVES',
  PILOTED_IN: 'PILOTED_IN',
  SETS_TARGET: 'SETS_TARGET',
  DEPENDS_ON: 'DEPENDS_ON',
  ADVANCES: 'ADVANCES',
  ADDRESSES: 'ADDRESSES',
  BASED_ON: 'BASED_ON',
} as const;
export type RelType = ValueOf<typeof RelType>;
export const REL_TYPES: readonly RelType[] = Object.values(RelType);

export const AgencyKind = {
  government: 'government',
  enterprise: 'enterprise',
  financial: 'financial',
  institution: 'institution',
  other: 'other',
} as const;
export type AgencyKind = ValueOf<typeof AgencyKind>;

export const PilotKind = {
  zone: 'zone',
  programme: 'programme',
  platform: 'platform',
  demonstration: 'demonstration',
} as const;
export type PilotKind = ValueOf<typeof PilotKind>;

export const PilotLevel = { national: 'national', provincial: 'provincial', municipal: 'municipal' } as const;
export type PilotLevel = ValueOf<typeof PilotLevel>;

export const PilotStatus = {
  approved: 'approved',
  applying: 'applying',
  planned: 'planned',
  ongoing: 'ongoing',
} as const;
export type PilotStatus = ValueOf<typeof PilotStatus>;

/**
 * How a fact is known (DESIGN.md principle 2): `text` stated verbatim, `extracted` by the machine (with a
 * `confidence`), `curated` by a person (annotation file or browser), `inferred` from structure.
 */
export const Basis = {
  text: 'text',
  extracted: 'extracted',
  curated: 'curated',
  inferred: 'inferred',
} as const;
export type Basis = ValueOf<typeof Basis>;

export const DependencyKind = {
  sharedMeasure: 'shared-measure',
  explicit: 'explicit',
  sharedPilot: 'shared-pilot',
  similar: 'similar',
} as const;
export type DependencyKind = ValueOf<typeof DependencyKind>;

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}

/** Deterministic ids, unique across plans: `harbin-2016:task:3.1.2`. */
export function nodeId(planId: string, kind: string, key: string | number): string {
  return `${planId}:${kind}:${key}`;
}
