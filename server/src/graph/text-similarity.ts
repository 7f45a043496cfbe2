// Text similarity of Chinese passages for comparing two plans: TF-IDF over character bigrams (Chinese has no
// spaces to split words on, and bigrams are what Lucene's CJK analyzer indexes too), cosine of the vectors.

/** Character bigrams of a text, punctuation and white space dropped (a one-character text is its own gram). */
export function bigrams(text: string): string[] {
  const chars = [...text.normalize('NFC').replace(/[\s\p{P}\p{S}]/gu, '')];
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 1) grams.push(`${chars[i]}${chars[i + 1]}`);
  return grams;
}

type Vector = Map<string, number>;

/**
 * TF-IDF vectors of the documents (IDF over these documents: ln((1 + n) / (1 + df)) + 1, as scikit-learn's
 * smooth IDF), each normalised to length 1; an empty text gives an empty vector.
 */
export function tfidfVectors(texts: string[]): Vector[] {
  const counts = texts.map((text) => {
    const tf: Vector = new Map();
    for (const gram of bigrams(text)) tf.set(gram, (tf.get(gram) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const gram of tf.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
  const n = texts.length;
  return counts.map((tf) => {
    const vector: Vector = new Map();
    let norm = 0;
    for (const [gram, count] of tf) {
      const weight = count * (Math.log((1 + n) / (1 + (df.get(gram) ?? 0))) + 1);
      vector.set(gram, weight);
      norm += weight * weight;
    }
    const length = Math.sqrt(norm);
    if (length > 0) for (const [gram, weight] of vector) vector.set(gram, weight / length);
    return vector;
  });
}

/** Cosine of two unit vectors: 0 (nothing shared) to 1 (same bigrams in the same proportions). */
export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [gram, weight] of small) dot += weight * (large.get(gram) ?? 0);
  return dot;
}

/**
 * The most similar pairs between two lists of texts, best first, each text in one pair at most (greedy on
 * the similarity), keeping pairs with similarity ≥ `min`; at most `limit` pairs. Indexes into `a` and `b`.
 */
export function mostSimilarPairs(
  a: string[],
  b: string[],
  limit: number,
  min: number,
): Array<{ a: number; b: number; similarity: number }> {
  const vectors = tfidfVectors([...a, ...b]);
  const pairs: Array<{ a: number; b: number; similarity: number }> = [];
  for (let i = 0; i < a.length; i += 1) {
    for (let j = 0; j < b.length; j += 1) {
      const similarity = cosine(vectors[i] ?? new Map(), vectors[a.length + j] ?? new Map());
      if (similarity >= min) pairs.push({ a: i, b: j, similarity });
    }
  }
  pairs.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const chosen: typeof pairs = [];
  for (const pair of pairs) {
    if (chosen.length >= limit) break;
    if (usedA.has(pair.a) || usedB.has(pair.b)) continue;
    usedA.add(pair.a);
    usedB.add(pair.b);
    chosen.push(pair);
  }
  return chosen;
}
