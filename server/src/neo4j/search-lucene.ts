// Turns a user's search text into a Lucene query for the `reformSearch` full-text index (CJK analyzer, see
// plan-schema.ts) that finds at least every node holding the text as a substring; the server's ranking then
// keeps only literal matches. User text never reaches Lucene's syntax unescaped. Where the index cannot
// promise that — a lone CJK character, which the analyzer indexes only inside bigrams, or text with nothing
// the analyzer keeps — the answer is null and the caller scans with CONTAINS instead.

/** Han ideographs, kana and Hangul: the scripts Lucene's CJK analyzer splits into overlapping bigrams. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Runs of one kind: CJK characters, or letters and digits of other scripts. Everything else separates. */
const RUNS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}])+/gu;

/**
 * The stop words of Lucene's CJKAnalyzer (its default set, which Neo4j's `cjk` analyzer uses): they are not
 * in the index, so a query word that could be part of one must not be required.
 */
const STOP_WORDS = [
  'a',
  'and',
  'are',
  'as',
  'at',
  'be',
  'but',
  'by',
  'for',
  'if',
  'in',
  'into',
  'is',
  'it',
  'no',
  'not',
  'of',
  'on',
  'or',
  's',
  'such',
  't',
  'that',
  'the',
  'their',
  'then',
  'there',
  'these',
  'they',
  'this',
  'to',
  'was',
  'will',
  'with',
  'www',
];

/** Lucene's query-parser operators and syntax characters, escaped with a backslash. */
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|\s]/g;

/** Escapes every character Lucene's classic query parser would read as syntax. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * A Lucene query every node containing `lower` (the lower-cased, NFKC-normalised search text) matches, or
 * null when the full-text index cannot find all of them. `pinyin` is the query's Latin letters run together
 * ('' when none), which the stored pinyin may hold as one word.
 *
 * - a CJK run of two or more characters → a phrase of its bigrams: exactly the texts holding that run;
 * - a run of other letters or digits → `*run*`: any indexed word holding it (a query word may be part of a
 *   longer word, as `xinqu` of `haerbinxinqu`); a run that could be part of a stop word is left optional.
 */
export function fullTextQuery(lower: string, pinyin: string): string | null {
  const runs = lower.match(RUNS) ?? [];
  const required: string[] = [];
  for (const run of runs) {
    if (CJK.test(run)) {
      if ([...run].length < 2) return null;
      required.push(`"${escapeLucene(run)}"`);
    } else if (!STOP_WORDS.some((word) => word.includes(run))) {
      required.push(`*${escapeLucene(run)}*`);
    }
  }
  if (required.length === 0) return null;
  const all = required.map((clause) => `+${clause}`).join(' ');
  // "haerbin xinqu" is stored as the one pinyin word haerbinxinqu: either form finds it.
  return pinyin.length > 1 && runs.length > 1 ? `(${all}) OR *${escapeLucene(pinyin)}*` : all;
}
