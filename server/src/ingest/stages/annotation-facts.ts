// Stage 3 as it stands until the extract stage is wired: agencies and pilots named by the annotation file, their
// MENTIONS in every text unit, the targets stated in the text, and PILOTED_IN from the pilots a task names.
import { NodeLabel, RelType } from '../../domain/model.ts';
import { Dictionary, type Match } from '../dictionary.ts';
import { pinyinProps } from '../graph-builder.ts';
import { splitSentences } from '../sentences.ts';
import { extractTargets, type TargetFact } from '../targets.ts';
import { type BuildContext, idOf, taskIdOf } from './context.ts';

export interface EntityFacts {
  /** Annotation key (`pilot:<key>` for pilots) → node id. */
  entityIds: Map<string, string>;
  pilotIds: Set<string>;
  matches: Match[];
  taskPilots: Array<{ id: string; pilots: Match[] }>;
}

function addEntities(
  ctx: BuildContext,
  terms: Array<{ text: string; entity: string }>,
): Omit<EntityFacts, 'matches' | 'taskPilots'> {
  const { annotation, finder, g, text } = ctx;
  const entityIds = new Map<string, string>();
  const pilotIds = new Set<string>();
  const seenTerms = new Map<string, string>();
  const addTerms = (entity: string, names: string[], kind: 'agencies' | 'pilots', index: number) => {
    for (const name of names) {
      const term = name.normalize('NFC').trim();
      const owner = seenTerms.get(term);
      if (owner && owner !== entity) {
        finder?.fail([kind, index], `the name or alias “${term}” is also used by ${owner}`);
        continue;
      }
      seenTerms.set(term, entity);
      terms.push({ text: term, entity });
    }
  };
  annotation?.agencies.forEach((agency, index) => {
    const agencyId = idOf(ctx, 'agency', agency.key);
    if (entityIds.has(agency.key)) finder?.fail(['agencies', index, 'key'], `duplicate key “${agency.key}”`);
    entityIds.set(agency.key, agencyId);
    g.addNode(NodeLabel.Agency, agencyId, agency.name, agency.nameEn, {
      key: agency.key,
      kind: agency.kind,
      aliases: agency.aliases,
      aliasText: agency.aliases.join(' '),
      note: agency.note,
      ...pinyinProps(agency.name),
    });
    addTerms(agencyId, [agency.name, ...agency.aliases], 'agencies', index);
  });
  annotation?.pilots.forEach((pilot, index) => {
    const pilotId = idOf(ctx, 'pilot', pilot.key);
    if (entityIds.has(`pilot:${pilot.key}`))
      finder?.fail(['pilots', index, 'key'], `duplicate key “${pilot.key}”`);
    entityIds.set(`pilot:${pilot.key}`, pilotId);
    pilotIds.add(pilotId);
    const status = finder?.find(pilot.statusEvidence, ['pilots', index, 'statusEvidence']);
    g.addNode(NodeLabel.Pilot, pilotId, pilot.name, pilot.nameEn, {
      key: pilot.key,
      kind: pilot.kind,
      level: pilot.level,
      status: pilot.status,
      statusEvidence: status ? text.slice(status.start, status.end) : pilot.statusEvidence,
      statusStart: status?.start,
      statusEnd: status?.end,
      aliases: pilot.aliases,
      aliasText: pilot.aliases.join(' '),
      ...pinyinProps(pilot.name),
    });
    addTerms(pilotId, [pilot.name, ...pilot.aliases], 'pilots', index);
  });
  return { entityIds, pilotIds };
}

/** MENTIONS from every unit to every entity it names; the targets each unit states. */
function addMentionsAndTargets(ctx: BuildContext, dictionary: Dictionary): Match[] {
  const { g } = ctx;
  const matches: Match[] = [];
  const targets: Array<{ owner: string; fact: TargetFact }> = [];
  for (const unit of ctx.units) {
    const perEntity = new Map<string, Match[]>();
    for (const piece of unit.pieces) {
      for (const match of dictionary.find(piece.text, piece.start)) {
        matches.push(match);
        perEntity.set(match.entity, [...(perEntity.get(match.entity) ?? []), match]);
      }
    }
    for (const [entity, found] of perEntity) {
      const first = found[0];
      if (!first) continue;
      g.addRel(RelType.MENTIONS, unit.owner, entity, {
        quote: first.quote,
        start: first.start,
        end: first.end,
        count: found.length,
        quotes: found.map((m) => m.quote),
        starts: found.map((m) => m.start),
        ends: found.map((m) => m.end),
      });
    }
    const sentences = unit.sentences
      ? unit.pieces.flatMap((p) => splitSentences(p.text, p.start))
      : unit.pieces;
    for (const fact of extractTargets(sentences)) targets.push({ owner: unit.owner, fact });
  }
  targets.sort((a, b) => a.fact.start - b.fact.start);
  // Targets stated in a measure are set by its task (DESIGN: Task / Section → Target).
  const measureTask = new Map(
    g.relationships.filter((r) => r.type === RelType.HAS_MEASURE).map((r) => [r.end, r.start] as const),
  );
  targets.forEach(({ owner, fact }, index) => {
    const targetId = idOf(ctx, 'target', index + 1);
    const value = fact.valueMax === null ? `${fact.value}` : `${fact.value}-${fact.valueMax}`;
    g.addNode(NodeLabel.Target, targetId, `${fact.indicator} ${value}${fact.unit}`, null, {
      indicator: fact.indicator,
      value: fact.value,
      valueMax: fact.valueMax,
      unit: fact.unit,
      year: fact.year,
      comparator: fact.comparator,
      quote: fact.quote,
      start: fact.start,
      end: fact.end,
    });
    g.addRel(RelType.SETS_TARGET, measureTask.get(owner) ?? owner, targetId, {});
  });
  return matches;
}

export function addAnnotationFacts(ctx: BuildContext): EntityFacts {
  const terms: Array<{ text: string; entity: string }> = [];
  const { entityIds, pilotIds } = addEntities(ctx, terms);
  const matches = addMentionsAndTargets(ctx, new Dictionary(terms));
  const taskPilots = ctx.outline.tasks.map((task) => ({
    id: taskIdOf(ctx, task),
    pilots: matches.filter(
      (m) => pilotIds.has(m.entity) && m.start >= task.span.start && m.end <= task.span.end,
    ),
  }));
  for (const { id: tid, pilots } of taskPilots) {
    const byPilot = new Map<string, Match[]>();
    for (const m of pilots) byPilot.set(m.entity, [...(byPilot.get(m.entity) ?? []), m]);
    for (const [pilot, found] of byPilot) {
      ctx.g.addRel(RelType.PILOTED_IN, tid, pilot, {
        basis: 'text',
        evidence: found.map((m) => m.quote),
        starts: found.map((m) => m.start),
        ends: found.map((m) => m.end),
      });
    }
  }
  return { entityIds, pilotIds, matches, taskPilots };
}
