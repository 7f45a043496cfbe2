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
  const entries = tasks.flatMap((task, index) =>
    task.measures
      .flatMap((measure) => splitClauses(measure.text, measure.start))
      .map((clause) => ({ task: index, clause, key: normaliseClause(clause.text) }))
      .filter((entry) => entry.key.length >= MIN_CLAUSE),
  );
  const tasksPerKey = new Map<string, Set<number>>();
  for (const { key, task } of entries) tasksPerKey.set(key, (tasksPerKey.get(key) ?? new Set()).add(task));
  const kept = entries.filter((entry) => (tasksPerKey.get(entry.key)?.size ?? 0) <= MAX_TASKS_PER_CLAUSE);

  // Candidate pairs come from an index of 4-character grams, so that containment is only tested between
  // clauses that share the shorter one's opening; plans with hundreds of tasks stay fast.
  const gramIndex = new Map<string, number[]>();
  kept.forEach((entry, i) => {
    for (let at = 0; at + 4 <= entry.key.length; at += 1) {
      const gram = entry.key.slice(at, at + 4);
      const list = gramIndex.get(gram) ?? [];
      if (list.at(-1) !== i) list.push(i);
      gramIndex.set(gram, list);
    }
  });
  const pairs = new Map<
    string,
    { a: number; b: number; evidence: EvidencePair[]; usedA: Set<number>; usedB: Set<number> }
  >();
  kept.forEach((shorter, i) => {
    for (const j of gramIndex.get(shorter.key.slice(0, 4)) ?? []) {
      const other = kept[j];
      if (!other || other.task === shorter.task) continue;
      const equal = other.key === shorter.key;
      const contains =
        other.key.length > shorter.key.length &&
        shorter.key.length >= MIN_CLAUSE + 2 &&
        other.key.includes(shorter.key);
      if (!contains && !(equal && i < j)) continue;
      const [left, right] = shorter.task < other.task ? [shorter, other] : [other, shorter];
      const key = `${left.task}|${right.task}`;
      const pair = pairs.get(key) ?? {
        a: left.task,
        b: right.task,
        evidence: [],
        usedA: new Set(),
        usedB: new Set(),
      };
      if (pair.usedA.has(left.clause.start) || pair.usedB.has(right.clause.start)) continue;
      pair.usedA.add(left.clause.start);
      pair.usedB.add(right.clause.start);
      pair.evidence.push({ from: left.clause, to: right.clause });
      pairs.set(key, pair);
    }
  });
  const facts: DependencyFact[] = [];
  for (const { a, b, evidence } of [...pairs.values()].sort((x, y) => x.a - y.a || x.b - y.b)) {
    const from = tasks[a];
    const to = tasks[b];
    if (!from || !to) continue;
    evidence.sort((x, y) => x.from.start - y.from.start);
    facts.push({
      from: from.id,
      to: to.id,
      kind: 'shared-measure',
      weight: evidence.length,
      evidence,
      via: [],
    });
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

function bigrams(text: string): Map<string, number> {
  const clean = normaliseClause(text);
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < clean.length; i += 1) {
    const gram = clean.slice(i, i + 2);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** A unit-length vector as parallel arrays: gram numbers in first-occurrence order and their weights. */
interface Vector {
  grams: Int32Array;
  weights: Float64Array;
}

/**
 * TF-IDF weighted bigram vectors, unit length, so that a dot product is the cosine. Grams are numbered once
 * per call (`numbers` is shared between calls), so a dot product reads a typed array instead of hashing.
 */
function vectors(texts: string[], numbers: Map<string, number>): Vector[] {
  const grams = texts.map(bigrams);
  const df = new Map<string, number>();
  for (const g of grams) for (const gram of g.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
  return grams.map((g) => {
    const ids = new Int32Array(g.size);
    const weights = new Float64Array(g.size);
    let norm = 0;
    let k = 0;
    for (const [gram, tf] of g) {
      const w = tf * Math.log((1 + texts.length) / (1 + (df.get(gram) ?? 0)));
      let id = numbers.get(gram);
      if (id === undefined) {
        id = numbers.size;
        numbers.set(gram, id);
      }
      ids[k] = id;
      weights[k] = w;
      norm += w * w;
      k += 1;
    }
    const length = Math.sqrt(norm) || 1;
    for (let i = 0; i < weights.length; i += 1) weights[i] = (weights[i] ?? 0) / length;
    return { grams: ids, weights };
  });
}

/** `dense` holds one vector's weights by gram number (zero elsewhere); `sparse` is summed in its own order. */
function dot(sparse: Vector, dense: Float64Array): number {
  let sum = 0;
  const { grams, weights } = sparse;
  for (let i = 0; i < grams.length; i += 1) sum += (weights[i] ?? 0) * (dense[grams[i] ?? 0] ?? 0);
  return sum;
}

function spread(vector: Vector, dense: Float64Array, clear = false): void {
  const { grams, weights } = vector;
  for (let i = 0; i < grams.length; i += 1) dense[grams[i] ?? 0] = clear ? 0 : (weights[i] ?? 0);
}

/**
 * The cosine of a and b summed over the smaller vector's grams in its order (b's when the sizes are equal),
 * so that every score is the same float whichever way it is computed. `denseA` must hold a.
 */
function cosine(a: Vector, b: Vector, denseA: Float64Array, scratch: Float64Array): number {
  if (b.grams.length <= a.grams.length) return dot(b, denseA);
  spread(b, scratch);
  const score = dot(a, scratch);
  spread(b, scratch, true);
  return score;
}

/**
 * Every task pair's cosine, as cosine(a, b) computes it: a pair of different sizes is summed once (in the
 * smaller one's order) and serves both directions; a pair of equal sizes is summed in the second one's order.
 */
function scoreMatrix(taskVectors: Vector[], gramCount: number): Float64Array[] {
  const n = taskVectors.length;
  const scores = taskVectors.map(() => new Float64Array(n));
  const dense = new Float64Array(gramCount);
  taskVectors.forEach((x, a) => {
    spread(x, dense);
    const row = scores[a] as Float64Array;
    taskVectors.forEach((y, b) => {
      if (a === b || y.grams.length > x.grams.length) return;
      const score = dot(y, dense);
      row[b] = score;
      if (y.grams.length < x.grams.length) (scores[b] as Float64Array)[a] = score;
    });
    spread(x, dense, true);
  });
  return scores;
}

/**
 * Inferred links between tasks whose wording is alike (bigram TF-IDF cosine ≥ threshold), for pairs the text
 * does not already link. Each task keeps only its best match; the evidence is the most alike measure pair.
 */
export function similarTaskDependencies(
  tasks: TaskText[],
  linked: Set<string>,
  threshold = 0.15,
): DependencyFact[] {
  const numbers = new Map<string, number>();
  const taskVectors = vectors(
    tasks.map((task) => task.measures.map((m) => m.text).join('')),
    numbers,
  );
  const allMeasures = tasks.flatMap((task) => task.measures);
  const measureVectors = vectors(
    allMeasures.map((m) => m.text),
    numbers,
  );
  const empty: Vector = { grams: new Int32Array(0), weights: new Float64Array(0) };
  const vectorOf = new Map(allMeasures.map((m, i) => [m, measureVectors[i] ?? empty]));
  const scores = scoreMatrix(taskVectors, numbers.size);
  const dense = new Float64Array(numbers.size);
  const scratch = new Float64Array(numbers.size);
  const facts = new Map<string, DependencyFact>();
  tasks.forEach((left, a) => {
    let found: { b: number; score: number } | null = null;
    const row = scores[a] as Float64Array;
    for (let b = 0; b < tasks.length; b += 1) {
      if (a === b) continue;
      const score = row[b] ?? 0;
      if (score >= threshold && (!found || score > found.score)) found = { b, score };
    }
    const right = found ? tasks[found.b] : undefined;
    if (!found || !right) return;
    const [from, to] = a < found.b ? [left, right] : [right, left];
    const key = `${from.id}|${to.id}`;
    if (linked.has(key) || facts.has(key)) return;
    let pair: EvidencePair | null = null;
    let pairScore = -1;
    for (const fm of from.measures) {
      const fromVector = vectorOf.get(fm) ?? empty;
      spread(fromVector, dense);
      for (const tm of to.measures) {
        const score = cosine(fromVector, vectorOf.get(tm) ?? empty, dense, scratch);
        if (score > pairScore) {
          pairScore = score;
          pair = { from: fm, to: tm };
        }
      }
      spread(fromVector, dense, true);
    }
    if (!pair) return;
    facts.set(key, {
      from: from.id,
      to: to.id,
      kind: 'similar',
      weight: Math.round(found.score * 1000) / 1000,
      evidence: [pair],
      via: [],
    });
  });
  return [...facts.values()];
}
