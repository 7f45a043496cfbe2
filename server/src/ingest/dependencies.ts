// Task-to-task dependencies the text itself shows: two tasks stating the same mechanism (a clause that is
// equal once punctuation and spacing are ignored, or contained in the other's clause) must move together;
// so must two tasks naming the same pilot. Each edge keeps the quotes from both sides.
import type { DependencyKind } from '../domain/model.ts';
import type { Match } from './dictionary.ts';
import { splitClauses, type TextPiece } from './sentences.ts';

export interface TaskText {
  id: string;
  measures: TextPiece[];
}

export interface EvidencePair {
  from: TextPiece;
  to: TextPiece;
}

export interface DependencyFact {
  from: string;
  to: string;
  kind: DependencyKind;
  weight: number;
  evidence: EvidencePair[];
  /** For shared-pilot: the shared pilots' entity keys. */
  via: string[];
}

/** Clauses shorter than this are too generic (`深化改革`) to show a shared mechanism. */
const MIN_CLAUSE = 8;
/** A clause repeated by more tasks than this is boilerplate, not a shared mechanism. */
const MAX_TASKS_PER_CLAUSE = 3;

function normaliseClause(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

export function sharedMeasureDependencies(tasks: TaskText[]): DependencyFact[] {
  const clauses = tasks.map((task) =>
    task.measures
      .flatMap((measure) => splitClauses(measure.text, measure.start))
      .map((clause) => ({ clause, key: normaliseClause(clause.text) }))
      .filter((entry) => entry.key.length >= MIN_CLAUSE),
  );
  const tasksPerKey = new Map<string, Set<number>>();
  clauses.forEach((list, index) => {
    for (const { key } of list) tasksPerKey.set(key, (tasksPerKey.get(key) ?? new Set()).add(index));
  });
  const facts: DependencyFact[] = [];
  for (let a = 0; a < tasks.length; a += 1) {
    for (let b = a + 1; b < tasks.length; b += 1) {
      const evidence: EvidencePair[] = [];
      const usedB = new Set<number>();
      for (const left of clauses[a] ?? []) {
        if ((tasksPerKey.get(left.key)?.size ?? 0) > MAX_TASKS_PER_CLAUSE) continue;
        const index = (clauses[b] ?? []).findIndex(
          (right, i) =>
            !usedB.has(i) &&
            (right.key === left.key ||
              (Math.min(right.key.length, left.key.length) >= MIN_CLAUSE + 2 &&
                (right.key.includes(left.key) || left.key.includes(right.key)))),
        );
        const right = clauses[b]?.[index];
        if (!right) continue;
        usedB.add(index);
        evidence.push({ from: left.clause, to: right.clause });
      }
      const from = tasks[a];
      const to = tasks[b];
      if (evidence.length > 0 && from && to) {
        facts.push({
          from: from.id,
          to: to.id,
          kind: 'shared-measure',
          weight: evidence.length,
          evidence,
          via: [],
        });
      }
    }
  }
  return facts;
}

/** `mentions` per task: the dictionary matches of pilots inside that task's text. */
export function sharedPilotDependencies(tasks: Array<{ id: string; pilots: Match[] }>): DependencyFact[] {
  const facts: DependencyFact[] = [];
  for (let a = 0; a < tasks.length; a += 1) {
    for (let b = a + 1; b < tasks.length; b += 1) {
      const left = tasks[a];
      const right = tasks[b];
      if (!left || !right) continue;
      const evidence: EvidencePair[] = [];
      const via: string[] = [];
      for (const match of left.pilots) {
        if (via.includes(match.entity)) continue;
        const other = right.pilots.find((m) => m.entity === match.entity);
        if (!other) continue;
        via.push(match.entity);
        evidence.push({
          from: { text: match.quote, start: match.start, end: match.end },
          to: { text: other.quote, start: other.start, end: other.end },
        });
      }
      if (via.length > 0) {
        facts.push({ from: left.id, to: right.id, kind: 'shared-pilot', weight: via.length, evidence, via });
      }
    }
  }
  return facts;
}
