// The annotation file as an overlay on what the extractor found (DESIGN.md: extract → overlay → graph): an agency
// or pilot the YAML declares and the text also yields is ONE entity under the YAML's key (so every curated id stays
// stable), with the YAML's name and English and the union of aliases; the YAML adds what the text cannot say and
// the extractor keeps everything else. `coverage` tells curators which YAML entries the extractor finds alone.
import type { AgencyKind, PilotKind, PilotLevel, PilotStatus } from '../../domain/model.ts';
import type { AgencyAnnotation, Annotation, PilotAnnotation } from '../annotation-schema.ts';
import type { AdminLevel, AgencyEntity, Extraction, NameEnSource, PilotEntity, Quote } from './types.ts';

/** Where an entity of the graph comes from: the YAML alone, the extractor alone, or both (confirmed). */
export type EntityOrigin = 'curated' | 'extracted' | 'confirmed';

interface MergedBase {
  key: string;
  name: string;
  nameEn: string | null;
  nameEnSource: NameEnSource | null;
  aliases: string[];
  origin: EntityOrigin;
  /** 1 for a YAML entry; the extractor's confidence otherwise. */
  confidence: number;
  /** The extractor's mentions (empty for an entity the YAML alone declares). */
  mentions: Quote[];
}

export interface MergedAgency extends MergedBase {
  kind: AgencyKind;
  level: AdminLevel | null;
  lexiconId: string | null;
  note: string | null;
}

export interface MergedPilot extends MergedBase {
  kind: PilotKind;
  level: PilotLevel | null;
  status: PilotStatus | null;
  /** The YAML's status quote, or the extractor's. */
  statusEvidence: string | null;
}

/** One YAML entry and what the extractor finds of it: the entity's names, and which YAML forms it reproduces. */
export interface CoverageEntry {
  section: 'agencies' | 'pilots';
  key: string;
  name: string;
  /** Names of the extracted entities merged into this entry (、-joined), null when the extractor misses it. */
  foundAs: string | null;
  /** The YAML's name and aliases that the extractor finds as forms of the same body. */
  formsFound: string[];
}

export interface Overlaid {
  agencies: MergedAgency[];
  pilots: MergedPilot[];
  /** Extractor key → merged key (a YAML key where the YAML declares the entity). */
  agencyKeys: Map<string, string>;
  pilotKeys: Map<string, string>;
  /** For each YAML agency and pilot: what the extractor finds of it by itself. */
  coverage: CoverageEntry[];
}

const namesOf = (e: { name: string; aliases: string[] }) => new Set([e.name, ...e.aliases]);

/** Every extracted entity sharing a name or alias with a YAML entry: the YAML entry merges them all. */
function matchesOf<T extends { name: string; aliases: string[] }>(
  declared: { name: string; aliases: string[] },
  found: T[],
): T[] {
  const wanted = namesOf(declared);
  return found.filter((e) => [...namesOf(e)].some((n) => wanted.has(n)));
}

function formsOf(found: Array<{ name: string; aliases: string[] }>, name: string): string[] {
  return found.flatMap((f) => [...namesOf(f)]).filter((n) => n !== name);
}

function union(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

function mergeAgency(yaml: AgencyAnnotation, found: AgencyEntity[]): MergedAgency {
  return {
    key: yaml.key,
    name: yaml.name,
    nameEn: yaml.nameEn,
    nameEnSource: 'curated',
    aliases: union(yaml.aliases, formsOf(found, yaml.name)),
    origin: found.length > 0 ? 'confirmed' : 'curated',
    confidence: 1,
    mentions: found.flatMap((f) => f.mentions),
    kind: yaml.kind,
    level: found[0]?.level ?? null,
    lexiconId: found[0]?.lexiconId ?? null,
    note: yaml.note ?? null,
  };
}

function mergePilot(yaml: PilotAnnotation, found: PilotEntity[]): MergedPilot {
  return {
    key: yaml.key,
    name: yaml.name,
    nameEn: yaml.nameEn,
    nameEnSource: 'curated',
    aliases: union(yaml.aliases, formsOf(found, yaml.name)),
    origin: found.length > 0 ? 'confirmed' : 'curated',
    confidence: 1,
    mentions: found.flatMap((f) => f.mentions),
    kind: yaml.kind,
    level: yaml.level,
    status: yaml.status,
    statusEvidence: yaml.statusEvidence,
  };
}

/** A key not used by the YAML: the extractor's, or with `-x` appended when the YAML holds it for another body. */
function freeKey(key: string, taken: Set<string>): string {
  let candidate = key;
  while (taken.has(candidate)) candidate = `${candidate}-x`;
  taken.add(candidate);
  return candidate;
}

/**
 * Overlays the annotation (or nothing) on the extraction. Pure. An extracted entity matches a YAML entry when they
 * share a name or alias; each YAML entry takes at most one extracted entity, and the rest keep their own keys.
 */
export function overlay(extraction: Extraction, annotation: Annotation | null): Overlaid {
  const coverage: Overlaid['coverage'] = [];
  const rejected = new Set(annotation?.rejected ?? []);
  const kept = <T extends { key: string; name: string; aliases: string[] }>(list: T[]) =>
    list.filter((e) => !rejected.has(e.key) && ![...namesOf(e)].some((n) => rejected.has(n)));
  const agencyKeys = new Map<string, string>();
  const pilotKeys = new Map<string, string>();
  const used = new Set<AgencyEntity | PilotEntity>();
  const claim = <T extends AgencyEntity | PilotEntity>(
    yaml: { key: string; name: string; aliases: string[] },
    from: T[],
    keys: Map<string, string>,
    section: 'agencies' | 'pilots',
  ) => {
    const found = matchesOf(
      yaml,
      from.filter((e) => !used.has(e)),
    );
    for (const f of found) {
      used.add(f);
      keys.set(f.key, yaml.key);
    }
    const forms = new Set(found.flatMap((f) => [...namesOf(f)]));
    coverage.push({
      section,
      key: yaml.key,
      name: yaml.name,
      foundAs: found.map((f) => f.name).join('、') || null,
      formsFound: [...namesOf(yaml)].filter((n) => forms.has(n)),
    });
    return found;
  };
  const extractedAgencies = kept(extraction.agencies);
  const agencies: MergedAgency[] = (annotation?.agencies ?? []).map((yaml) =>
    mergeAgency(yaml, claim(yaml, extractedAgencies, agencyKeys, 'agencies')),
  );
  const agencyTaken = new Set(agencies.map((a) => a.key));
  for (const found of extractedAgencies) {
    if (used.has(found)) continue;
    const key = freeKey(found.key, agencyTaken);
    agencyKeys.set(found.key, key);
    agencies.push({ ...found, key, origin: 'extracted', note: null });
  }
  const extractedPilots = kept(extraction.pilots);
  const pilots: MergedPilot[] = (annotation?.pilots ?? []).map((yaml) =>
    mergePilot(yaml, claim(yaml, extractedPilots, pilotKeys, 'pilots')),
  );
  const pilotTaken = new Set(pilots.map((p) => p.key));
  for (const found of extractedPilots) {
    if (used.has(found)) continue;
    const key = freeKey(found.key, pilotTaken);
    pilotKeys.set(found.key, key);
    pilots.push({ ...found, key, origin: 'extracted', statusEvidence: found.statusEvidence?.quote ?? null });
  }
  return { agencies, pilots, agencyKeys, pilotKeys, coverage };
}
