// The corpus views' reads (graph/corpus-repository.ts): a body or a pilot across plans, joined by the indexed
// `corpusId` of the plans' own Agency and Pilot nodes, and a plan's agencies, pilots and tasks for a comparison.
import neo4j, { type Driver, isInt } from 'neo4j-driver';
import { CORPUS_ID, CorpusLabel } from '../domain/corpus.ts';
import { NodeLabel, PLAN_DATA_LABEL } from '../domain/model.ts';
import type { Properties } from '../domain/types.ts';
import type {
  AgencyProfileRow,
  CorpusKind,
  CorpusPlanRow,
  CorpusRepository,
  PlanContentsRow,
  ZoneTraceRow,
} from '../graph/corpus-repository.ts';
import { readTransaction } from './read-session.ts';

const PLAN_FIELDS = 'p {.id, .title, .docNumber, .kind, .issuer, .issuedOn, .periodStart}';
const LABELS = {
  agency: [CorpusLabel.agency, NodeLabel.Agency],
  pilot: [CorpusLabel.pilot, NodeLabel.Pilot],
};

/** A driver value as a plain JSON value: Neo4j integers as numbers (offsets and years are small). */
function plain(value: unknown): unknown {
  if (isInt(value)) return value.toNumber();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function planRow(value: unknown): CorpusPlanRow {
  const p = (plain(value) ?? {}) as Record<string, unknown>;
  return {
    id: String(p.id),
    title: String(p.title ?? ''),
    docNumber: str(p.docNumber),
    kind: str(p.kind),
    issuer: str(p.issuer),
    issuedOn: str(p.issuedOn),
    periodStart: num(p.periodStart),
  };
}

function entityQuery(kind: CorpusKind, one: boolean): string {
  const [corpus, label] = LABELS[kind];
  return `MATCH (c:${corpus}) ${one ? 'WHERE c.id = $id' : ''}
   CALL (c) { MATCH (n:${label} {${CORPUS_ID}: c.id}) RETURN count(DISTINCT n.plan) AS plans }
   RETURN c {.id, .name, .nameEn, .lexiconId, .kind} AS c, plans
   ORDER BY plans DESC, c.name LIMIT $limit`;
}

const AGENCY_PROFILE = `
MATCH (a:${NodeLabel.Agency} {${CORPUS_ID}: $id})
MATCH (p:${NodeLabel.Plan} {id: a.plan})
CALL (a) {
  OPTIONAL MATCH (t:${NodeLabel.Task})-[r:LED_BY|INVOLVES]->(a)
  WITH t, r ORDER BY t.start, type(r)
  RETURN collect(CASE WHEN t IS NULL THEN null
    ELSE {type: type(r), taskId: t.id, taskTitle: coalesce(t.title, t.name), props: properties(r)} END) AS roles
}
CALL (a) { OPTIONAL MATCH (m)-[:MENTIONS]->(a) RETURN count(m) AS mentions }
RETURN ${PLAN_FIELDS} AS plan, a.id AS agencyId, a.name AS name, roles, mentions`;

const ZONE_TRACE = `
MATCH (x:${NodeLabel.Pilot} {${CORPUS_ID}: $id})
MATCH (p:${NodeLabel.Plan} {id: x.plan})
CALL (x, p) {
  OPTIONAL MATCH (m)-[r:MENTIONS]->(x) WHERE r.start IS NOT NULL AND r.end IS NOT NULL
  WITH m, r, CASE WHEN r.start > $window THEN r.start - $window ELSE 0 END AS from
  ORDER BY r.start
  RETURN collect(CASE WHEN m IS NULL THEN null ELSE {sourceId: m.id, sourceLabel: labels(m)[0], quote: r.quote,
    start: r.start, end: r.end, windowStart: from, window: substring(p.text, from, r.end - from + $window)} END)
    AS mentions
}
RETURN ${PLAN_FIELDS} AS plan, x.id AS pilotId, x.name AS name, mentions`;

const PLAN_CONTENTS = `
MATCH (p:${NodeLabel.Plan} {id: $plan})
CALL (p) {
  MATCH (e:${PLAN_DATA_LABEL} {plan: p.id}) WHERE e:${NodeLabel.Agency} OR e:${NodeLabel.Pilot}
  RETURN collect(e {.id, .name, corpusId: e.${CORPUS_ID},
    label: CASE WHEN e:${NodeLabel.Agency} THEN '${NodeLabel.Agency}' ELSE '${NodeLabel.Pilot}' END}) AS entities
}
CALL (p) {
  MATCH (t:${PLAN_DATA_LABEL} {plan: p.id}) WHERE t:${NodeLabel.Task}
  WITH t ORDER BY t.start
  RETURN collect(t {.id, title: coalesce(t.title, t.name), .text, .start, .end}) AS tasks
}
RETURN ${PLAN_FIELDS} AS plan, entities, tasks`;

/** The corpus repository over Neo4j: every read in a READ transaction with the API's time-out and retries. */
export function neo4jCorpusRepository(driver: Driver, database: string): CorpusRepository {
  const read = <T>(work: Parameters<typeof readTransaction<T>>[2]) => readTransaction(driver, database, work);
  const entityOf = (record: { get(key: string): unknown }) => {
    const c = plain(record.get('c')) as Record<string, unknown>;
    return {
      id: String(c.id),
      name: String(c.name ?? ''),
      nameEn: str(c.nameEn),
      lexiconId: str(c.lexiconId),
      kind: str(c.kind),
      plans: Number(plain(record.get('plans'))),
    };
  };
  return {
    entity: (kind, id) =>
      read(async (tx) => {
        const result = await tx.run(entityQuery(kind, true), { id, limit: neo4j.int(1) });
        const record = result.records[0];
        return record ? entityOf(record) : null;
      }),
    corpusIdOf: (nodeId) =>
      read(async (tx) => {
        const result = await tx.run(
          `MATCH (n:${PLAN_DATA_LABEL} {id: $id}) RETURN n.${CORPUS_ID} AS corpusId`,
          { id: nodeId },
        );
        return str(result.records[0]?.get('corpusId'));
      }),
    entities: (kind, limit) =>
      read(async (tx) => {
        const result = await tx.run(entityQuery(kind, false), { limit: neo4j.int(limit) });
        return result.records.map(entityOf);
      }),
    agencyProfile: (id) =>
      read(async (tx) => {
        const result = await tx.run(AGENCY_PROFILE, { id });
        return result.records.map(
          (r): AgencyProfileRow => ({
            plan: planRow(r.get('plan')),
            agencyId: String(r.get('agencyId')),
            name: String(r.get('name') ?? ''),
            roles: (plain(r.get('roles')) as Array<AgencyProfileRow['roles'][number] | null>).flatMap(
              (role) => (role ? [{ ...role, props: role.props as Properties }] : []),
            ),
            mentions: Number(plain(r.get('mentions'))),
          }),
        );
      }),
    zoneTrace: (id, windowChars) =>
      read(async (tx) => {
        const result = await tx.run(ZONE_TRACE, { id, window: neo4j.int(windowChars) });
        return result.records.map(
          (r): ZoneTraceRow => ({
            plan: planRow(r.get('plan')),
            pilotId: String(r.get('pilotId')),
            name: String(r.get('name') ?? ''),
            mentions: (plain(r.get('mentions')) as Array<ZoneTraceRow['mentions'][number] | null>).flatMap(
              (m) => (m ? [m] : []),
            ),
          }),
        );
      }),
    planContents: (planId) =>
      read(async (tx) => {
        const record = (await tx.run(PLAN_CONTENTS, { plan: planId })).records[0];
        if (!record) return null;
        return {
          plan: planRow(record.get('plan')),
          entities: plain(record.get('entities')) as PlanContentsRow['entities'],
          tasks: (plain(record.get('tasks')) as Array<Record<string, unknown>>).map((t) => ({
            id: String(t.id),
            title: String(t.title ?? ''),
            text: String(t.text ?? ''),
            start: num(t.start),
            end: num(t.end),
          })),
        };
      }),
  };
}
