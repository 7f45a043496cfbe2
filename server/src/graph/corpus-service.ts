// The corpus views (issue 18): a national body's profile across plans, a pilot zone traced through every plan
// naming it, and two plans compared. Reads come from a CorpusRepository; here they are ordered by date, quoted
// and, for the comparison, matched by corpus id and by text similarity.
import {
  type AgencyProfile,
  type AgencyRole,
  CORPUS_AGENCY_PREFIX,
  CORPUS_PILOT_PREFIX,
  type ComparedEntity,
  type CorpusPlan,
  type PlanComparison,
  type ZonePassage,
  type ZoneTrace,
} from '../domain/corpus.ts';
import { AppError } from '../domain/errors.ts';
import type {
  CorpusKind,
  CorpusPlanRow,
  CorpusRepository,
  PlanContentsRow,
  ZoneTraceRow,
} from './corpus-repository.ts';
import { evidenceQuotes } from './passages.ts';
import { mostSimilarPairs } from './text-similarity.ts';

/** Characters of plan text read on each side of a mention to find its sentence. */
const SENTENCE_WINDOW = 200;
/** Ends of a sentence in Chinese official prose (a list item's ；ends a clause that reads as one). */
const SENTENCE_END = /[。！？；\n]/;
export const DEFAULT_SIMILAR_TASKS = 10;
/** Below this cosine (character-bigram TF-IDF) two tasks share little more than the genre’s stock phrases. */
export const MIN_TASK_SIMILARITY = 0.08;

export function corpusPlan(row: CorpusPlanRow): CorpusPlan {
  const date = row.issuedOn ?? (row.periodStart !== null ? String(row.periodStart) : null);
  return { ...row, date };
}

/** Oldest first; plans without a date last, then by id, so the order is stable. */
function byDate(a: { plan: CorpusPlan }, b: { plan: CorpusPlan }): number {
  if (a.plan.date !== b.plan.date) {
    if (a.plan.date === null) return 1;
    if (b.plan.date === null) return -1;
    return a.plan.date < b.plan.date ? -1 : 1;
  }
  return a.plan.id < b.plan.id ? -1 : a.plan.id > b.plan.id ? 1 : 0;
}

/** The sentence of the window holding [start, end) (plan offsets), with its plan offsets. */
export function sentenceOf(
  mention: ZoneTraceRow['mentions'][number],
): Omit<ZonePassage, 'sourceId' | 'sourceLabel'> {
  const { window, windowStart, start, end, quote } = mention;
  let from = start - windowStart;
  while (from > 0 && !SENTENCE_END.test(window[from - 1] ?? '')) from -= 1;
  let to = Math.max(end - windowStart, from);
  while (to < window.length && !SENTENCE_END.test(window[to] ?? '')) to += 1;
  if (to < window.length) to += 1;
  const raw = window.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const sentence = raw.trim();
  return {
    quote,
    start,
    end,
    sentence,
    sentenceStart: windowStart + from + lead,
    sentenceEnd: windowStart + from + lead + sentence.length,
  };
}

export function createCorpusService(repo: CorpusRepository) {
  async function resolve(kind: CorpusKind, id: string) {
    const prefix = kind === 'agency' ? CORPUS_AGENCY_PREFIX : CORPUS_PILOT_PREFIX;
    const corpusId = id.startsWith(prefix) ? id : await repo.corpusIdOf(id);
    const entity = corpusId?.startsWith(prefix) ? await repo.entity(kind, corpusId) : null;
    if (!entity) {
      const what = kind === 'agency' ? 'national body' : 'pilot';
      throw new AppError('NOT_FOUND', `No ${what} of the corpus with id "${id}".`, { details: { id } });
    }
    return entity;
  }

  async function contents(planId: string): Promise<PlanContentsRow> {
    const row = await repo.planContents(planId);
    if (!row) throw new AppError('NOT_FOUND', `No plan with id "${planId}".`, { details: { plan: planId } });
    return row;
  }

  return {
    /** Corpus bodies or pilots, most plans first. */
    entities: (kind: CorpusKind, limit: number) => repo.entities(kind, limit),

    /** The body's roles in every plan naming it, by date; each role with the quote that states it. */
    async agencyProfile(id: string): Promise<AgencyProfile> {
      const agency = await resolve('agency', id);
      const rows = await repo.agencyProfile(agency.id);
      const plans = rows.map((row) => ({
        plan: corpusPlan(row.plan),
        agencyId: row.agencyId,
        name: row.name,
        mentions: row.mentions,
        roles: row.roles.map((role): AgencyRole => {
          const quote = evidenceQuotes(role.props)[0];
          const confidence = role.props.confidence;
          return {
            role: role.type === 'LED_BY' ? 'leads' : 'joins',
            taskId: role.taskId,
            taskTitle: role.taskTitle,
            quote: quote?.quote ?? '',
            start: quote?.start ?? null,
            end: quote?.end ?? null,
            basis: typeof role.props.basis === 'string' ? role.props.basis : null,
            confidence: typeof confidence === 'number' ? confidence : null,
          };
        }),
      }));
      return { agency, plans: plans.sort(byDate) };
    },

    /** Every plan naming the pilot, by date, with each sentence naming it in document order. */
    async zoneTrace(id: string): Promise<ZoneTrace> {
      const pilot = await resolve('pilot', id);
      const rows = await repo.zoneTrace(pilot.id, SENTENCE_WINDOW);
      const plans = rows.map((row) => {
        const seen = new Set<number>();
        const passages = row.mentions
          .filter((m) => !seen.has(m.start) && seen.add(m.start))
          .map((m): ZonePassage => ({ sourceId: m.sourceId, sourceLabel: m.sourceLabel, ...sentenceOf(m) }));
        return { plan: corpusPlan(row.plan), pilotId: row.pilotId, name: row.name, passages };
      });
      return { pilot, plans: plans.sort(byDate) };
    },

    /** Shared and unique agencies and pilots of two plans, and their most similar tasks. */
    async compare(a: string, b: string, limit = DEFAULT_SIMILAR_TASKS): Promise<PlanComparison> {
      const [left, right] = [await contents(a), await contents(b)];
      // A task's text usually opens with its title: counted once.
      const words = (t: PlanContentsRow['tasks'][number]) =>
        t.text.startsWith(t.title) ? t.text : `${t.title}${t.text}`;
      const pairs = mostSimilarPairs(
        left.tasks.map(words),
        right.tasks.map(words),
        limit,
        MIN_TASK_SIMILARITY,
      );
      const task = (t: PlanContentsRow['tasks'][number]) => ({
        id: t.id,
        title: t.title,
        quote: t.text,
        start: t.start,
        end: t.end,
      });
      return {
        a: corpusPlan(left.plan),
        b: corpusPlan(right.plan),
        agencies: sides(left, right, 'Agency'),
        pilots: sides(left, right, 'Pilot'),
        similarTasks: pairs.flatMap((pair) => {
          const [ta, tb] = [left.tasks[pair.a], right.tasks[pair.b]];
          return ta && tb
            ? [{ a: task(ta), b: task(tb), similarity: Number(pair.similarity.toFixed(3)) }]
            : [];
        }),
      };
    },
  };
}

export type CorpusService = ReturnType<typeof createCorpusService>;

/** Entities of one label keyed by corpus id, or by name where the body or pilot has none. */
function keyed(
  row: PlanContentsRow,
  label: 'Agency' | 'Pilot',
): Map<string, { name: string; ids: string[] }> {
  const out = new Map<string, { name: string; ids: string[] }>();
  for (const e of row.entities.filter((entity) => entity.label === label)) {
    const key = e.corpusId ?? `name:${e.name}`;
    const entry = out.get(key) ?? { name: e.name, ids: [] };
    entry.ids.push(e.id);
    out.set(key, entry);
  }
  return out;
}

function sides(left: PlanContentsRow, right: PlanContentsRow, label: 'Agency' | 'Pilot') {
  const [l, r] = [keyed(left, label), keyed(right, label)];
  const entity = (key: string, a: string[], b: string[], name: string): ComparedEntity => ({
    key,
    name,
    a,
    b,
  });
  const byName = (x: ComparedEntity, y: ComparedEntity) => x.name.localeCompare(y.name, 'zh');
  return {
    shared: [...l]
      .filter(([key]) => r.has(key))
      .map(([key, v]) => entity(key, v.ids, r.get(key)?.ids ?? [], v.name))
      .sort(byName),
    onlyA: [...l]
      .filter(([key]) => !r.has(key))
      .map(([key, v]) => entity(key, v.ids, [], v.name))
      .sort(byName),
    onlyB: [...r]
      .filter(([key]) => !l.has(key))
      .map(([key, v]) => entity(key, [], v.ids, v.name))
      .sort(byName),
  };
}
