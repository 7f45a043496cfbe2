// Quantitative targets and reported figures: a number with a unit (`70%`, `40 亿元`, `15-20 支`, `72 小时`)
// in one sentence, with the year it is due (`到2020年`), how it compares (`不低于`, `以上`, `压缩`), and the
// words that say what is measured. Years, numbers inside titles/quotes (《中国制造2025》) are not targets.
import type { Span } from './normalise.ts';
import type { TextPiece } from './sentences.ts';

export type Comparator =
  | 'at-least'
  | 'at-most'
  | 'equals'
  | 'range'
  | 'reduce-by'
  | 'increase-to'
  | 'increase-by';

export interface TargetFact extends Span {
  indicator: string;
  value: number;
  /** Upper bound of a range (`15-20 支`), else null. */
  valueMax: number | null;
  unit: string;
  year: number | null;
  comparator: Comparator;
  quote: string;
}

const UNITS = [
  '平方公里',
  '万平方米',
  '平方米',
  '亿美元',
  '万美元',
  '个百分点',
  '百分点',
  '个月',
  '万亿元',
  '亿元',
  '万元',
  '元',
  '万人',
  '万户',
  '万亩',
  '万吨',
  '公里',
  '小时',
  '%',
  '％',
  '支',
  '所',
  '个',
  '家',
  '项',
  '户',
  '人',
  '名',
  '天',
  '座',
  '条',
  '亩',
  '吨',
  '倍',
  '批',
  '套',
  '台',
  '张',
  '次',
  '处',
  '件',
];
const NUMBER = String.raw`(\d+(?:\.\d+)?)(?:\s*[-~～—–至到]\s*(\d+(?:\.\d+)?))?`;
const FIGURE = new RegExp(
  `${NUMBER}\\s*(${UNITS.map((u) => u.replace(/[%]/g, '\\$&')).join('|')})(以上|以下|左右|以内)?`,
  'g',
);
const YEAR = /(?:到|至|截至|截止)\s*((?:19|20)\d{2})\s*年/;
const BOUNDARY = /[，。；：！？,;:]/;
const COMPARATORS: Array<{ comparator: Comparator; words: RegExp; keepWords: boolean }> = [
  { comparator: 'at-least', words: /不低于|不少于|至少|超过|高于/g, keepWords: false },
  { comparator: 'at-most', words: /不高于|不超过|控制在|低于/g, keepWords: false },
  { comparator: 'increase-to', words: /(?:提高|提升|增加|增长|扩大)(?:至|到)/g, keepWords: false },
  { comparator: 'reduce-by', words: /压缩|减少|降低|下降|缩短|减轻|减免/g, keepWords: true },
  { comparator: 'increase-by', words: /提高|提升|增加|增长/g, keepWords: true },
  { comparator: 'equals', words: /达到|达/g, keepWords: false },
];
const AMOUNT_UNITS = new Set([
  '%',
  '％',
  '亿元',
  '万元',
  '元',
  '万亿元',
  '亿美元',
  '万美元',
  '倍',
  '个百分点',
  '百分点',
]);
const NOUN_STOP = /面向|实行|开展|进行|实现|获得|混合|完成|和|及|与|的|等/;

function isProtected(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const openBook = before.lastIndexOf('《') > before.lastIndexOf('》');
  const openQuote = before.lastIndexOf('“') > before.lastIndexOf('”');
  return openBook || openQuote;
}

function clauseStart(text: string, index: number, floor: number): number {
  for (let i = index - 1; i >= floor; i -= 1) if (BOUNDARY.test(text[i] ?? '')) return i + 1;
  return floor;
}

/** The comparator word nearest before the figure, and the indicator words it leaves. */
function compare(prefix: string): { comparator: Comparator; indicator: string } {
  let best: { comparator: Comparator; at: number; length: number; keepWords: boolean } | null = null;
  for (const { comparator, words, keepWords } of COMPARATORS) {
    for (const match of prefix.matchAll(words)) {
      const at = match.index ?? 0;
      const end = at + match[0].length;
      const bestEnd = best ? best.at + best.length : -1;
      if (!best || end > bestEnd || (end === bestEnd && match[0].length > best.length)) {
        best = { comparator, at, length: match[0].length, keepWords };
      }
    }
  }
  const clean = (s: string) =>
    s
      .trim()
      .replace(/(的|为|了|在)$/, '')
      .trim();
  if (!best) return { comparator: 'equals', indicator: clean(prefix) };
  const before = clean(prefix.slice(0, best.at));
  const indicator = best.keepWords || before === '' ? clean(prefix) : before;
  return { comparator: best.comparator, indicator };
}

/** For counted things (`10个企业集团`) the noun after the unit says what is counted. */
function countedNoun(after: string): string {
  const clause = /^[^，。；：！？、,;:（(]{0,16}/.exec(after)?.[0] ?? '';
  const stop = clause.slice(2).search(NOUN_STOP);
  return (stop < 0 ? clause : clause.slice(0, stop + 2)).trim();
}

export function extractTargets(sentences: TextPiece[]): TargetFact[] {
  const facts: TargetFact[] = [];
  for (const sentence of sentences) {
    const { text } = sentence;
    const year = YEAR.exec(text);
    const yearValue = year?.[1] ? Number(year[1]) : null;
    let floor = 0;
    for (const match of text.matchAll(FIGURE)) {
      const index = match.index ?? 0;
      const [whole, low, high, unit = '', trailer] = match;
      const after = text.slice(index + whole.length);
      if (isProtected(text, index)) continue;
      if (/\d$/.test(text.slice(0, index)) || /^\d/.test(after)) continue;
      if (unit === '个' && /^(?:百分点)/.test(after)) continue;
      if (/^\d{4}$/.test(low ?? '') && /^\s*年/.test(text.slice(index + (low ?? '').length))) continue;
      const start = Math.max(clauseStart(text, index, floor), floor);
      const prefix = text.slice(start, index);
      const noun = AMOUNT_UNITS.has(unit) ? '' : countedNoun(after);
      const end = index + whole.length + noun.length;
      const compared = compare(prefix);
      let comparator = compared.comparator;
      if (high !== undefined) comparator = 'range';
      else if (trailer === '以上') comparator = 'at-least';
      else if (trailer === '以下' || trailer === '以内') comparator = 'at-most';
      const indicator = noun !== '' ? noun : compared.indicator;
      const quote = text.slice(start, end).trim();
      const quoteStart =
        sentence.start + start + (text.slice(start, end).length - text.slice(start, end).trimStart().length);
      facts.push({
        indicator: indicator || quote,
        value: Number(low),
        valueMax: high === undefined ? null : Number(high),
        unit: unit === '％' ? '%' : unit,
        year: yearValue !== null && (year?.index ?? Number.POSITIVE_INFINITY) < index ? yearValue : null,
        comparator,
        quote,
        start: quoteStart,
        end: quoteStart + quote.length,
      });
      floor = end;
      while (floor < text.length && /[、和及与]/.test(text[floor] ?? '')) floor += 1;
    }
  }
  return facts;
}
