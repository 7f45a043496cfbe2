// The curation stage (DESIGN.md: overlay = annotation file and stored curation): applies a plan's curation
// decisions, in their order, after the YAML overlay. Entity decisions (accept, reject, rename, merge, set English
// name, add) change the overlaid agencies and pilots before they become nodes; fact decisions (accept / reject a
// role or link, set lead / involved) change the finished relationships. A decision whose target the plan no
// longer yields is reported as orphaned and skipped: nothing fails, nothing is lost. Pure.
import {
  type CurationDecision,
  type DecisionOutcome,
  decisionOrder,
  factId,
  validAddKind,
} from '../domain/curation.ts';
import { type AgencyKind, nodeId, type PilotKind, RelType } from '../domain/model.ts';
import type { MergedAgency, MergedPilot, Overlaid } from './extract/overlay.ts';
import type { GraphBuilder } from './graph-builder.ts';

/** What the entity pass leaves for the graph stages: keys gone (rejected) and keys merged into another. */
export interface EntityCuration {
  merged: Overlaid;
  /** Agency keys and `pilot:<key>`s rejected: the annotation's responsibilities to them are dropped. */
  dropped: Set<string>;
  /** Agency key (or `pilot:<key>`) merged away → the key (or `pilot:<key>`) it went into. */
  redirect: Map<string, string>;
  /** The same by node id: later decisions about a merged entity's roles follow it into the other. */
  redirectIds: Map<string, string>;
}

type Entity = { label: 'agency'; e: MergedAgency } | { label: 'pilot'; e: MergedPilot };

const ENTITY_ACTIONS = new Set(['accept', 'reject', 'rename', 'merge', 'setNameEn', 'add']);

/** The decisions that apply to entities, and those that apply to relationships, each in order. */
export function splitDecisions(decisions: CurationDecision[]): {
  entities: CurationDecision[];
  facts: CurationDecision[];
} {
  const sorted = [...decisions].sort(decisionOrder);
  const isFact = (d: CurationDecision) =>
    d.action === 'setRole' || ((d.action === 'accept' || d.action === 'reject') && d.target.includes('|'));
  return {
    entities: sorted.filter((d) => ENTITY_ACTIONS.has(d.action) && !isFact(d)),
    facts: sorted.filter(isFact),
  };
}

function union(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

/** Finds the quote in the text and the name inside it: the mention an added entity gets. */
function addedMention(text: string, quote: string, name: string) {
  const at = text.indexOf(quote.normalize('NFC'));
  if (at < 0) return null;
  const inner = quote.indexOf(name);
  return inner >= 0
    ? { quote: name, start: at + inner, end: at + inner + name.length }
    : { quote, start: at, end: at + quote.length };
}

/**
 * Applies the entity decisions to the overlaid agencies and pilots. `outcomes` receives one entry per decision.
 * Returns a new Overlaid (the input is not changed) with the keys dropped and redirected.
 */
export function curateEntities(
  overlaid: Overlaid,
  decisions: CurationDecision[],
  planId: string,
  text: string,
  outcomes: DecisionOutcome[],
): EntityCuration {
  const agencies = overlaid.agencies.map((a) => ({
    ...a,
    aliases: [...a.aliases],
    mentions: [...a.mentions],
  }));
  const pilots = overlaid.pilots.map((p) => ({ ...p, aliases: [...p.aliases], mentions: [...p.mentions] }));
  const agencyKeys = new Map(overlaid.agencyKeys);
  const pilotKeys = new Map(overlaid.pilotKeys);
  const dropped = new Set<string>();
  const redirect = new Map<string, string>();
  const redirectIds = new Map<string, string>();
  const find = (id: string): Entity | null => {
    const agency = agencies.find((a) => nodeId(planId, 'agency', a.key) === id);
    if (agency) return { label: 'agency', e: agency };
    const pilot = pilots.find((p) => nodeId(planId, 'pilot', p.key) === id);
    return pilot ? { label: 'pilot', e: pilot } : null;
  };
  const refOf = (x: Entity) => (x.label === 'agency' ? x.e.key : `pilot:${x.e.key}`);
  const remove = (x: Entity) => {
    if (x.label === 'agency') agencies.splice(agencies.indexOf(x.e), 1);
    else pilots.splice(pilots.indexOf(x.e), 1);
  };
  for (const d of decisions) {
    const orphan = (reason: string) => outcomes.push({ id: d.id, state: 'orphaned', reason });
    if (d.action === 'add') {
      const taken = (d.entity === 'agency' ? agencies : pilots).some((e) => e.key === d.key);
      const mention = addedMention(text, d.quote, d.name);
      if (taken) orphan(`the plan already has an ${d.entity} with key ${d.key}`);
      else if (!mention) orphan(`the quote “${d.quote}” is not in the plan's text`);
      else if (!validAddKind(d.entity, d.kind)) orphan(`“${d.kind}” is not a kind of ${d.entity}`);
      else {
        addEntity(d, mention, agencies, pilots);
        outcomes.push({ id: d.id, state: 'applied', reason: null });
      }
      continue;
    }
    if (d.action === 'setRole') continue;
    const x = find(d.target);
    if (!x) {
      orphan(`${d.target} is not in the plan any more`);
      continue;
    }
    switch (d.action) {
      case 'accept':
        x.e.confidence = 1;
        if (x.e.origin === 'extracted') x.e.origin = 'confirmed';
        break;
      case 'reject':
        remove(x);
        dropped.add(refOf(x));
        break;
      case 'rename':
        x.e.aliases = union(x.e.aliases, [x.e.name]).filter((n) => n !== d.name);
        x.e.name = d.name;
        break;
      case 'setNameEn':
        x.e.nameEn = d.nameEn;
        x.e.nameEnSource = 'curated';
        break;
      case 'merge': {
        const into = find(d.into);
        if (!into || into.label !== x.label || into.e === x.e) {
          orphan(`${d.into} is not another ${x.label} of the plan`);
          continue;
        }
        into.e.aliases = union(into.e.aliases, [x.e.name], x.e.aliases).filter((n) => n !== into.e.name);
        into.e.mentions = [...into.e.mentions, ...x.e.mentions];
        into.e.confidence = Math.max(into.e.confidence, x.e.confidence);
        remove(x);
        redirect.set(refOf(x), refOf(into));
        for (const [k, v] of redirect) if (v === refOf(x)) redirect.set(k, refOf(into));
        redirectIds.set(d.target, d.into);
        for (const [k, v] of redirectIds) if (v === d.target) redirectIds.set(k, d.into);
        const keys = x.label === 'agency' ? agencyKeys : pilotKeys;
        for (const [k, v] of keys) if (v === x.e.key) keys.set(k, into.e.key);
        break;
      }
    }
    outcomes.push({ id: d.id, state: 'applied', reason: null });
  }
  return { merged: { ...overlaid, agencies, pilots, agencyKeys, pilotKeys }, dropped, redirect, redirectIds };
}

function addEntity(
  d: Extract<CurationDecision, { action: 'add' }>,
  mention: { quote: string; start: number; end: number },
  agencies: MergedAgency[],
  pilots: MergedPilot[],
): void {
  const base = {
    key: d.key,
    name: d.name,
    nameEn: d.nameEn ?? null,
    nameEnSource: d.nameEn ? ('curated' as const) : null,
    aliases: [],
    origin: 'curated' as const,
    confidence: 1,
    mentions: [mention],
    level: null,
  };
  if (d.entity === 'agency') {
    agencies.push({ ...base, kind: d.kind as AgencyKind, lexiconId: null, note: null });
  } else pilots.push({ ...base, kind: d.kind as PilotKind, status: null, statusEvidence: null });
}

const ROLE_TYPES: string[] = [RelType.LED_BY, RelType.INVOLVES];

function idOfRel(rel: GraphBuilder['relationships'][number]): string {
  const kind = rel.type === RelType.DEPENDS_ON ? String(rel.properties.kind ?? '') : null;
  return factId(rel.type, rel.start, rel.end, kind);
}

/**
 * Applies accept / reject of roles and links, and set lead / involved, to the built graph's relationships. After
 * a merge (`merged`), an agency that both leads and is involved in a task only leads it.
 */
export function curateFacts(
  g: GraphBuilder,
  decisions: CurationDecision[],
  outcomes: DecisionOutcome[],
  redirectIds: ReadonlyMap<string, string> = new Map(),
): void {
  const resolve = (id: string) => redirectIds.get(id) ?? id;
  if (redirectIds.size > 0) {
    for (const lead of g.relationships.filter((r) => r.type === RelType.LED_BY))
      g.removeRel(RelType.INVOLVES, lead.start, lead.end);
  }
  for (const d of decisions) {
    const orphan = (reason: string) => outcomes.push({ id: d.id, state: 'orphaned', reason });
    if (d.action === 'setRole') {
      const agency = resolve(d.agency);
      if (!g.has(d.task) || !g.has(agency)) {
        orphan(`${g.has(d.task) ? d.agency : d.task} is not in the plan any more`);
        continue;
      }
      const before = g.relationships.find(
        (r) => ROLE_TYPES.includes(r.type) && r.start === d.task && r.end === agency,
      );
      for (const type of ROLE_TYPES) g.removeRel(type, d.task, agency);
      const type = d.role === 'lead' ? RelType.LED_BY : RelType.INVOLVES;
      g.addRel(type, d.task, agency, {
        basis: 'curated',
        confidence: 1,
        evidence: before?.properties.evidence ?? null,
        start: before?.properties.start ?? undefined,
        end: before?.properties.end ?? undefined,
      });
      outcomes.push({ id: d.id, state: 'applied', reason: null });
      continue;
    }
    if (d.action !== 'accept' && d.action !== 'reject') continue;
    const target = d.target
      .split('|')
      .map((part, i) => (i === 0 || i === 2 ? resolve(part) : part))
      .join('|');
    const rel = g.relationships.find((r) => idOfRel(r) === target);
    if (!rel) {
      orphan(`${d.target} is not in the plan any more`);
      continue;
    }
    if (d.action === 'reject') {
      g.removeRel(
        rel.type,
        rel.start,
        rel.end,
        rel.type === RelType.DEPENDS_ON ? String(rel.properties.kind) : '',
      );
    } else {
      rel.properties.confidence = 1;
      rel.properties.reviewed = 'accepted';
    }
    outcomes.push({ id: d.id, state: 'applied', reason: null });
  }
}
