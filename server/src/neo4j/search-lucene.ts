// Turns a user's search text into a Lucene query for the `reformSearch` full-text index (CJK analyzer, see
// plan-schema.ts) that every node holding the text as a substring matches; the server's ranking then keeps
// only literal matches. User text never reaches Lucene's syntax unescaped.
//
// Only Chinese (CJK) runs become clauses. The analyzer indexes them as overlapping bigrams, so a run of two or
// more characters is a phrase query that finds exactly the texts holding it. A lone character is indexed only
// inside its bigrams and cannot be asked for; Latin text is searched inside words (`xinqu` in the pinyin word
// `haerbinxinqu`, `onded` in `bonded`), which Lucene does only with leading wildcards — measured 3–10× slower
// than the per-plan CONTAINS scan on the seed plus the 52-document corpus (docs/performance.md). For those the
// answer is null and the caller scans with CONTAINS, as before.
//
// The index spans every plan, and a search asks within one: the query also requires the node's `plan` (an
// indexed property), so a plan's search does not collect the hits of every other plan first.

/** Han ideographs, kana and Hangul: the scripts Lucene's CJK analyzer splits into overlapping bigrams. */
const CJK_RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/** Lucene's CJKAnalyzer default stop words (Neo4j's `cjk` analyzer): words it leaves out of the index. */
const STOP_WORDS = new Set(
  'a and are as at be but by for if in into is it no not of on or s such t that the their then there these they this to was will with www'.split(
    ' ',
  ),
);

/** Lucene's query-parser operators and syntax characters, escaped with a backslash. */
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|\s]/g;

/** Escapes every character Lucene's classic query parser would read as syntax. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * The clause that keeps a query to one plan: its id as a phrase of the `plan` field, which matches that plan
 * (and any plan whose id holds the same words in a row, which the caller filters out by `n.plan = $plan`).
 * Null for an id made of stop words only, which the analyzer would turn into no words at all.
 */
function planClause(plan: string): string | null {
  const words = plan.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.some((word) => !STOP_WORDS.has(word)) ? `+plan:"${escapeLucene(plan)}"` : null;
}

/**
 * A Lucene query every node of `plan` containing `lower` (the lower-cased, NFKC-normalised search text)
 * matches: each CJK run of two or more characters as a required phrase, and the plan's clause. Null when the
 * text has no such run, and the full-text index therefore cannot narrow the search down. Everything else in
 * the text (lone characters, Latin, digits, punctuation) is left to the ranking's literal check.
 */
export function fullTextQuery(lower: string, plan: string): string | null {
  const runs = (lower.match(CJK_RUNS) ?? []).filter((run) => [...run].length >= 2);
  if (runs.length === 0) return null;
  const clauses = runs.map((run) => `+"${escapeLucene(run)}"`);
  const inPlan = planClause(plan);
  return (inPlan ? [inPlan, ...clauses] : clauses).join(' ');
}
