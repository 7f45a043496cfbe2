// Figures of one sentence: a number with a unit (`70%`, `40 亿元`, `15-20 支`, `3个工作日`), the year it is due
// (`到2025年`), how it compares (`不低于`, `以上`, `压缩至…以内`) and the words that say what is measured. Each figure
// is classified: a target, or a count that is no target (方面5项, 在10个区县, 补贴100人, a share with no indicator).
// Digits arrive normalised (full-width and 〇 years are the outline stage's job).
import type { TextPiece } from '../sentences.ts';
import type { TargetComparator } from './types.ts';

/** A figure found in a sentence, before the plan-level reading (owner, past or future). */
export interface Figure {
  indicator: string;
  value: number;
  valueMax: number | null;
  unit: string;
  year: number | null;
  comparator: TargetComparator;
  quote: string;
  start: number;
  end: number;
  /** Why the figure is not a target, or null when it is one. */
  notTarget: 'list-count' | 'place-count' | 'subsidy' | 'no-indicator' | null;
  /** The comparator and the year were both stated. */
  explicit: boolean;
}

const UNITS = [
  '平方公里',
  '万平方米',
  '平方米',
  '亿美元',
  '万美元',
  '个百分点',
  '百分点',
  '个工作日',
  '工作日',
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
  '日',
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
  `${NUMBER}\\s*(${UNITS.map((u) => u.replace(/%/g, '\\%')).join('|')})(以上|以下|左右|以内)?`,
  'g',
);
const YEAR = /(?:(?:到|至|截至|截止)\s*((?:19|20)\d{2})\s*年)|(?:((?:19|20)\d{2})\s*年(?:前|底|末|内))/;
const BOUNDARY = /[，。；：！？,;:]/;
const COMPARATORS: Array<{ comparator: TargetComparator; words: RegExp; keepWords: boolean }> = [
  { comparator: 'at-least', words: /不低于|不少于|至少|超过|高于/g, keepWords: false },
  {
    comparator: 'at-most',
    words: /不高于|不超过|控制在|低于|(?:压缩|压减|缩短|降低|减少|下降|降)(?:至|到)/g,
    keepWords: false,
  },
  { comparator: 'increase-to', words: /(?:提高|提升|增加|增长|扩大)(?:至|到)/g, keepWords: false },
  { comparator: 'reduce-by', words: /压缩|压减|减少|降低|下降|缩短|减轻|减免/g, keepWords: true },
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
const TIME_UNITS = new Set(['个工作日', '工作日', '个月', '小时', '天', '日']);
const NOUN_STOP = /面向|实行|开展|进行|实现|获得|混合|完成|和|及|与|的|等/;
/** Counted places: `10个区县` (a scope, not a goal). */
const PLACE_NOUN = /^(?:个)?(?:区县|县区|县市|市县|区|县|市|城市|省份|省|地区|乡镇|镇|街道|开发区|园区)/;
const LIST_CUE = /(?:方面|以下|包括|共有|分为|主要有)$/;
const LIST_NOUN = /^(?:措施|举措|任务|政策|方面|条款|内容|意见|要求)/;
const LOCATIVE = /(?:在|于|选择|选取|确定)[^，。；]{0,4}$/;
const SUBSIDY = /补贴|补助|资助|奖励|奖补|贴息/;

function isProtected(text: string, index: number): boolean {
  const before = text.slice(0, index);
  return (
    before.lastIndexOf('《') > before.lastIndexOf('》') || before.lastIndexOf('“') > before.lastIndexOf('”')
  );
}

function clauseStart(text: string, index: number, floor: number): number {
  for (let i = index - 1; i >= floor; i -= 1) if (BOUNDARY.test(text[i] ?? '')) return i + 1;
  return floor;
}

const clean = (s: string) =>
  s
    .trim()
    .replace(/^(?:并|且|和|及|使|让|将|把)/, '')
    .replace(/(的|为|了|在)$/, '')
    .trim();

/** The comparator word nearest before the figure, and the indicator words it leaves. */
function compare(prefix: string): { comparator: TargetComparator; indicator: string; found: boolean } {
  let best: { comparator: TargetComparator; at: number; length: number; keepWords: boolean } | null = null;
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
  if (!best) return { comparator: 'equals', indicator: clean(prefix), found: false };
  const before = clean(prefix.slice(0, best.at));
  const indicator = best.keepWords || before === '' ? clean(prefix) : before;
  return { comparator: best.comparator, indicator, found: true };
}

/** For counted things (`10个企业集团`) the noun after the unit says what is counted. */
function countedNoun(after: string): string {
  const clause = /^[^，。；：！？、,;:（(）)]{0,16}/.exec(after)?.[0] ?? '';
  const stop = clause.slice(2).search(NOUN_STOP);
  return (stop < 0 ? clause : clause.slice(0, stop + 2)).trim();
}

function classify(
  prefix: string,
  after: string,
  unit: string,
  indicator: string,
  clause: string,
): Figure['notTarget'] {
  if (LIST_CUE.test(prefix) || (!AMOUNT_UNITS.has(unit) && LIST_NOUN.test(after))) return 'list-count';
  if (unit === '个' && PLACE_NOUN.test(after)) return 'place-count';
  if (LOCATIVE.test(prefix)) return 'place-count';
  if (SUBSIDY.test(clause)) return 'subsidy';
  if (indicator.replace(/\s/g, '').length < (unit === '%' ? 3 : 2)) return 'no-indicator';
  return null;
}

/** Every figure of a sentence (a piece of the plan text with its offsets), in order. */
export function findFigures(sentence: TextPiece): Figure[] {
  const figures: Figure[] = [];
  const { text } = sentence;
  const year = YEAR.exec(text);
  const yearText = year?.[1] ?? year?.[2];
  let floor = 0;
  for (const match of text.matchAll(FIGURE)) {
    const index = match.index ?? 0;
    const [whole, low = '', high, rawUnit = '', trailer] = match;
    const unit = rawUnit === '％' ? '%' : rawUnit;
    const after = text.slice(index + whole.length);
    if (isProtected(text, index) || /\d$/.test(text.slice(0, index)) || /^\d/.test(after)) continue;
    if (unit === '个' && /^(?:百分点|工作日|月)/.test(after)) continue;
    if (/^\d{4}$/.test(low) && /^\s*年/.test(text.slice(index + low.length))) continue;
    // A calendar date (2019年1月27日, 2月 4日) names a day, not an amount of days.
    const before = text.slice(0, index);
    if (
      (unit === '日' || unit === '号') &&
      /\d\s*月(?:\s*\d+\s*[日号]\s*(?:至|到|—|–|-|～|~))?\s*$/.test(before)
    ) {
      continue;
    }
    const start = Math.max(clauseStart(text, index, floor), floor);
    const prefix = text.slice(start, index);
    const noun = AMOUNT_UNITS.has(unit) || TIME_UNITS.has(unit) ? '' : countedNoun(after);
    const end = index + whole.length + noun.length;
    const compared = compare(prefix);
    let comparator = compared.comparator;
    if (high !== undefined) comparator = 'range';
    else if (trailer === '以上') comparator = 'at-least';
    else if (trailer === '以下' || trailer === '以内') comparator = 'at-most';
    const indicator = noun !== '' ? noun : compared.indicator;
    const clauseEnd = text.slice(index).search(BOUNDARY);
    const clause = text.slice(start, clauseEnd < 0 ? text.length : index + clauseEnd);
    const raw = text.slice(start, end);
    const quote = raw.trim();
    const quoteStart = sentence.start + start + (raw.length - raw.trimStart().length);
    const yearValue = yearText && (year?.index ?? Number.POSITIVE_INFINITY) < index ? Number(yearText) : null;
    figures.push({
      indicator: indicator || quote,
      value: Number(low),
      valueMax: high === undefined ? null : Number(high),
      unit,
      year: yearValue,
      comparator,
      quote,
      start: quoteStart,
      end: quoteStart + quote.length,
      notTarget: classify(prefix, after.slice(noun.length === 0 ? 0 : 0), unit, indicator, clause),
      explicit: yearValue !== null && (compared.found || trailer !== undefined || high !== undefined),
    });
    floor = end;
    while (floor < text.length && /[、和及与]/.test(text[floor] ?? '')) floor += 1;
  }
  return figures;
}
