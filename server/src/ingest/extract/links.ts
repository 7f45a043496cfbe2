// Links between tasks (DEPENDS_ON, issue 13 item 6), every one with kind, weight, basis, confidence and the quotes
// from both sides: cues in the text (links-cues.ts), shared mechanisms (a clause two tasks both state), shared
// pilots, shared lead agencies, and wording alike (TF-IDF of dependencies.ts) for pairs nothing else links.
import { type DependencyFact, sharedMeasureDependencies, similarTaskDependencies } from '../dependencies.ts';
import { cueLinks } from './links-cues.ts';
import type { ExtractionInput, LinkFact, PilotEntity, PilotLink, Quote, RoleFact } from './types.ts';

/** What the other recognisers found, which links read. */
export interface LinkSources {
  pilots: PilotEntity[];
  pilotLinks: PilotLink[];
  /** LED_BY facts give shared-agency links; leave out to skip them. */
  roles?: RoleFact[];
}

/** A pilot or agency shared by more tasks than this frames the whole plan and says nothing about a pair. */
const MAX_TASKS_SHARING = 10;
const SHARED_AGENCY_WEIGHT = 0.2;

function pairKey(a: string, b: string): string {
  return `${a}|${b}`;
}

function fromDependency(fact: DependencyFact, basis: LinkFact['basis'], confidence: number): LinkFact {
  const quote = (p: { text: string; start: number; end: number }): Quote => ({
    start: p.start,
    end: p.end,
    quote: p.text,
  });
  return {
    from: fact.from,
    to: fact.to,
    kind: fact.kind,
    weight: fact.weight,
    basis,
    confidence,
    evidence: fact.evidence.map((pair) => ({ from: quote(pair.from), to: quote(pair.to) })),
    via: fact.via,
  };
}

/** Pairs of tasks (in task order) that share an entity: `members` maps entity key → task ids with evidence. */
function sharing(
  order: Map<string, number>,
  members: Map<string, Map<string, Quote>>,
  make: (from: string, to: string, via: string[], evidence: LinkFact['evidence']) => LinkFact,
): LinkFact[] {
  const pairs = new Map<string, { via: string[]; evidence: LinkFact['evidence'] }>();
  for (const [entity, tasks] of members) {
    if (tasks.size < 2 || tasks.size > MAX_TASKS_SHARING) continue;
    const ids = [...tasks.keys()].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    ids.forEach((a, i) => {
      for (const b of ids.slice(i + 1)) {
        const pair = pairs.get(pairKey(a, b)) ?? { via: [], evidence: [] };
        pair.via.push(entity);
        pair.evidence.push({ from: tasks.get(a) as Quote, to: tasks.get(b) as Quote });
        pairs.set(pairKey(a, b), pair);
      }
    });
  }
  return [...pairs].map(([key, { via, evidence }]) => {
    const [from = '', to = ''] = key.split('|');
    return make(from, to, via, evidence);
  });
}

function sharedPilotLinks(order: Map<string, number>, sources: LinkSources): LinkFact[] {
  const members = new Map<string, Map<string, Quote>>();
  const confidence = new Map(sources.pilots.map((p) => [p.key, p.confidence]));
  for (const link of sources.pilotLinks) {
    const tasks = members.get(link.pilot) ?? new Map<string, Quote>();
    const first = link.evidence[0];
    if (first && !tasks.has(link.task)) tasks.set(link.task, first);
    members.set(link.pilot, tasks);
  }
  return sharing(order, members, (from, to, via, evidence) => ({
    from,
    to,
    kind: 'shared-pilot',
    weight: via.length,
    basis: 'extracted',
    confidence: Math.min(...via.map((key) => confidence.get(key) ?? 0.5)),
    evidence,
    via,
  }));
}

function sharedAgencyLinks(order: Map<string, number>, roles: RoleFact[]): LinkFact[] {
  const members = new Map<string, Map<string, Quote>>();
  for (const role of roles) {
    if (role.role !== 'lead') continue;
    const tasks = members.get(role.agency) ?? new Map<string, Quote>();
    if (!tasks.has(role.task)) tasks.set(role.task, role.evidence);
    members.set(role.agency, tasks);
  }
  return sharing(order, members, (from, to, via, evidence) => ({
    from,
    to,
    kind: 'shared-agency',
    weight: Math.min(1, SHARED_AGENCY_WEIGHT * via.length),
    basis: 'inferred',
    confidence: 0.3,
    evidence,
    via,
  }));
}

/**
 * Every link between the plan's tasks, sorted by (from, to, kind) in task order. One LinkFact per pair and kind:
 * - `explicit` / `cue` (basis extracted, 0.9 / 0.6): a cue naming another task (links-cues.ts);
 * - `shared-measure` (basis text, 0.8): a clause both tasks state, weight = clauses shared;
 * - `shared-pilot` (basis extracted, the pilots' confidence): both tasks name a pilot, weight = pilots shared;
 * - `shared-agency` (basis inferred, 0.3, weight 0.2 per agency): both tasks led by the same body;
 * - `similar` (basis inferred, confidence = weight = TF-IDF cosine): wording alike, only for pairs not linked above.
 * Pilots or agencies shared by more than 10 tasks make no pair links. Pure.
 */
export function extractLinks(input: ExtractionInput, sources: LinkSources): LinkFact[] {
  const order = new Map(input.tasks.map((task, index) => [task.id, index]));
  const taskTexts = input.tasks.map((task) => ({ id: task.id, measures: task.measures }));
  const links: LinkFact[] = [
    ...cueLinks(input.text, input.tasks),
    ...sharedMeasureDependencies(taskTexts).map((fact) => fromDependency(fact, 'text', 0.8)),
    ...sharedPilotLinks(order, sources),
    ...sharedAgencyLinks(order, sources.roles ?? []),
  ];
  const linked = new Set(links.flatMap((l) => [pairKey(l.from, l.to), pairKey(l.to, l.from)]));
  for (const fact of similarTaskDependencies(taskTexts, linked)) {
    links.push(fromDependency(fact, 'inferred', Math.min(1, fact.weight)));
  }
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return links.sort(
    (a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to) || a.kind.localeCompare(b.kind),
  );
}
