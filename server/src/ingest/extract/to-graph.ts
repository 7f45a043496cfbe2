// Writes the extract stage's facts, overlaid with the annotation, into the plan's graph: Agency and Pilot nodes
// (basis, confidence, origin, nameEnSource), MENTIONS from every unit, targets, PILOTED_IN, the roles the text
// states (LED_BY / INVOLVES) and the links between tasks the extractor reads. Only adds to the graph.
import { NodeLabel, RelType } from '../../domain/model.ts';
import { Dictionary, type Match } from '../dictionary.ts';
import { pinyinProps } from '../graph-builder.ts';
import { type BuildContext, idOf, taskIdOf } from '../stages/context.ts';
import type { Overlaid } from './overlay.ts';
import type { Extraction } from './types.ts';

export interface ExtractedFacts {
  /** Agency key → node id; `pilot:<key>` → node id (the annotation's responsibilities refer to these keys). */
  entityIds: Map<string, string>;
  /** Every mention of an entity, node ids as `entity`, without overlaps. */
  matches: Match[];
  taskPilots: Array<{ id: string; pilots: Match[] }>;
}

function addEntityNodes(ctx: BuildContext, merged: Overlaid): Map<string, string> {
  const entityIds = new Map<string, string>();
  for (const a of merged.agencies) {
    const id = idOf(ctx, 'agency', a.key);
    entityIds.set(a.key, id);
    ctx.g.addNode(NodeLabel.Agency, id, a.name, a.nameEn, {
      key: a.key,
      kind: a.kind,
      aliases: a.aliases,
      aliasText: a.aliases.join(' '),
      level: a.level ?? undefined,
      nameEnSource: a.nameEnSource ?? undefined,
      confidence: a.confidence,
      basis: a.origin === 'extracted' ? 'extracted' : 'curated',
      origin: a.origin,
      lexiconId: a.lexiconId ?? undefined,
      note: a.note ?? undefined,
      ...pinyinProps(a.name),
    });
  }
  merged.pilots.forEach((p) => {
    const id = idOf(ctx, 'pilot', p.key);
    entityIds.set(`pilot:${p.key}`, id);
    const index = ctx.annotation?.pilots.findIndex((y) => y.key === p.key) ?? -1;
    const status =
      index >= 0 && p.statusEvidence
        ? ctx.finder?.find(p.statusEvidence, ['pilots', index, 'statusEvidence'])
        : null;
    ctx.g.addNode(NodeLabel.Pilot, id, p.name, p.nameEn, {
      key: p.key,
      kind: p.kind,
      level: p.level ?? undefined,
      status: p.status ?? undefined,
      statusEvidence: status ? ctx.text.slice(status.start, status.end) : (p.statusEvidence ?? undefined),
      statusStart: status?.start,
      statusEnd: status?.end,
      aliases: p.aliases,
      aliasText: p.aliases.join(' '),
      nameEnSource: p.nameEnSource ?? undefined,
      confidence: p.confidence,
      basis: p.origin === 'extracted' ? 'extracted' : 'curated',
      origin: p.origin,
      ...pinyinProps(p.name),
    });
  });
  return entityIds;
}

/**
 * Mentions: the annotation's names and aliases matched in the text (as before the extractor), plus the
 * extractor's own mentions; where two overlap the longer one stays.
 */
function mentionsOf(ctx: BuildContext, merged: Overlaid, entityIds: Map<string, string>): Match[] {
  const terms: Array<{ text: string; entity: string }> = [];
  const owners = new Map<string, string>();
  const declare = (
    id: string | undefined,
    names: string[],
    section: 'agencies' | 'pilots',
    index: number,
  ) => {
    if (!id) return;
    for (const name of names) {
      const term = name.normalize('NFC').trim();
      const owner = owners.get(term);
      if (owner && owner !== id) {
        ctx.finder?.fail([section, index], `the name or alias “${term}” is also used by ${owner}`);
        continue;
      }
      owners.set(term, id);
      terms.push({ text: term, entity: id });
    }
  };
  ctx.annotation?.agencies.forEach((a, i) => {
    declare(entityIds.get(a.key), [a.name, ...a.aliases], 'agencies', i);
  });
  ctx.annotation?.pilots.forEach((p, i) => {
    declare(entityIds.get(`pilot:${p.key}`), [p.name, ...p.aliases], 'pilots', i);
  });
  const dictionary = new Dictionary(terms);
  const found: Match[] = [];
  const seen = new Set<string>();
  for (const piece of ctx.units.flatMap((u) => u.pieces)) {
    if (seen.has(`${piece.start}:${piece.end}`)) continue;
    seen.add(`${piece.start}:${piece.end}`);
    found.push(...dictionary.find(piece.text, piece.start));
  }
  for (const a of merged.agencies) {
    const id = entityIds.get(a.key);
    if (id) for (const m of a.mentions) found.push({ ...m, entity: id });
  }
  for (const p of merged.pilots) {
    const id = entityIds.get(`pilot:${p.key}`);
    if (id) for (const m of p.mentions) found.push({ ...m, entity: id });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Match[] = [];
  for (const m of found) {
    const last = kept.at(-1);
    if (last && m.start < last.end) continue;
    kept.push(m);
  }
  return kept;
}

function addMentions(ctx: BuildContext, matches: Match[]): void {
  for (const unit of ctx.units) {
    const perEntity = new Map<string, Match[]>();
    for (const piece of unit.pieces) {
      for (const m of matches) {
        if (m.start < piece.start || m.end > piece.end) continue;
        perEntity.set(m.entity, [...(perEntity.get(m.entity) ?? []), m]);
      }
    }
    for (const [entity, found] of perEntity) {
      const first = found[0];
      if (!first) continue;
      ctx.g.addRel(RelType.MENTIONS, unit.owner, entity, {
        quote: first.quote,
        start: first.start,
        end: first.end,
        count: found.length,
        quotes: found.map((m) => m.quote),
        starts: found.map((m) => m.start),
        ends: found.map((m) => m.end),
      });
    }
  }
}

function addTargets(ctx: BuildContext, extraction: Extraction): void {
  const measureTask = new Map(
    ctx.g.relationships.filter((r) => r.type === RelType.HAS_MEASURE).map((r) => [r.end, r.start] as const),
  );
  extraction.targets.forEach((fact, index) => {
    const targetId = idOf(ctx, 'target', index + 1);
    const value = fact.valueMax === null ? `${fact.value}` : `${fact.value}-${fact.valueMax}`;
    ctx.g.addNode(NodeLabel.Target, targetId, `${fact.indicator} ${value}${fact.unit}`, null, {
      indicator: fact.indicator,
      value: fact.value,
      valueMax: fact.valueMax,
      unit: fact.unit,
      year: fact.year,
      comparator: fact.comparator,
      kind: fact.kind ?? 'target',
      quote: fact.quote,
      start: fact.start,
      end: fact.end,
      basis: 'extracted',
      confidence: fact.confidence,
    });
    const owner = measureTask.get(fact.owner) ?? fact.owner;
    ctx.g.addRel(RelType.SETS_TARGET, ctx.g.has(owner) ? owner : ctx.planId, targetId, {});
  });
}

/**
 * Agencies, pilots, mentions, targets and PILOTED_IN; call before the annotation's responsibilities. `redirect`
 * maps a key merged away by curation (agency key or `pilot:<key>`) to the one it went into.
 */
export function addExtractedFacts(
  ctx: BuildContext,
  extraction: Extraction,
  merged: Overlaid,
  redirect: ReadonlyMap<string, string> = new Map(),
): ExtractedFacts {
  const entityIds = addEntityNodes(ctx, merged);
  // Keys a curator merged into another entity name that entity (the annotation's names and roles follow it).
  for (const [from, to] of redirect) {
    const id = entityIds.get(to);
    if (id) entityIds.set(from, id);
  }
  const matches = mentionsOf(ctx, merged, entityIds);
  addMentions(ctx, matches);
  addTargets(ctx, extraction);
  const pilotOf = new Map(merged.pilots.map((p) => [entityIds.get(`pilot:${p.key}`) ?? '', p]));
  const taskPilots = ctx.outline.tasks.map((task) => ({
    id: taskIdOf(ctx, task),
    pilots: matches.filter(
      (m) => pilotOf.has(m.entity) && m.start >= task.span.start && m.end <= task.span.end,
    ),
  }));
  for (const { id: tid, pilots } of taskPilots) {
    const byPilot = new Map<string, Match[]>();
    for (const m of pilots) byPilot.set(m.entity, [...(byPilot.get(m.entity) ?? []), m]);
    for (const [pilot, found] of byPilot) {
      const entity = pilotOf.get(pilot);
      const extracted = entity?.origin === 'extracted';
      ctx.g.addRel(RelType.PILOTED_IN, tid, pilot, {
        // A declared pilot named in the task's text is stated there; an extracted one is only as sure as its name.
        basis: extracted ? 'extracted' : 'text',
        confidence: extracted ? entity.confidence : 1,
        evidence: found.map((m) => m.quote),
        starts: found.map((m) => m.start),
        ends: found.map((m) => m.end),
      });
    }
  }
  return { entityIds, matches, taskPilots };
}

/** LED_BY / INVOLVES the text states; after the annotation's responsibilities, so a curated one is kept as is. */
export function addExtractedRoles(ctx: BuildContext, extraction: Extraction, merged: Overlaid): void {
  for (const role of extraction.roles) {
    const key = merged.agencyKeys.get(role.agency);
    const agencyId = key ? idOf(ctx, 'agency', key) : null;
    if (!agencyId || !ctx.g.has(agencyId) || !ctx.g.has(role.task)) continue;
    ctx.g.addRel(role.role === 'lead' ? RelType.LED_BY : RelType.INVOLVES, role.task, agencyId, {
      basis: role.basis,
      confidence: role.confidence,
      evidence: role.evidence.quote,
      start: role.evidence.start,
      end: role.evidence.end,
      deadline: role.deadline,
    });
  }
}

/** The links only the extractor reads (cues naming another task, shared lead agencies), beside the text links. */
export function addExtractedLinks(ctx: BuildContext, extraction: Extraction): void {
  for (const link of extraction.links) {
    if (link.kind !== 'explicit' && link.kind !== 'cue' && link.kind !== 'shared-agency') continue;
    if (!ctx.g.has(link.from) || !ctx.g.has(link.to)) continue;
    ctx.g.addRel(
      RelType.DEPENDS_ON,
      link.from,
      link.to,
      {
        kind: link.kind,
        weight: link.weight,
        basis: link.basis,
        confidence: link.confidence,
        evidence: link.evidence.flatMap((pair) => [pair.from.quote, pair.to.quote]),
        starts: link.evidence.flatMap((pair) => [pair.from.start, pair.to.start]),
        ends: link.evidence.flatMap((pair) => [pair.from.end, pair.to.end]),
        via: link.via.length > 0 ? link.via : undefined,
      },
      link.kind,
    );
  }
}
