// The left edge of a zone's or pilot's name: from its type word, the words on its left that belong to it, read from
// jieba's segmentation with part-of-speech tags. A name stops at punctuation, function words, a verb that opens a
// clause (授权…, …率先开展…) and a second name joined by 和; quotes, brackets and list items are taken whole.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { alternation, PILOT_GRAMMAR, ZONE_TYPES } from './pilots-grammar.ts';

/** One word of the text with its part-of-speech tag (jieba's ICTCLAS tags: n, ns, v, vn …) and offsets. */
export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

let jieba: Jieba | null = null;

/** jieba's tags for the whole text, with offsets (jieba keeps every character, so offsets add up). */
export function tokenise(text: string): Token[] {
  jieba ??= Jieba.withDict(dict);
  const tokens: Token[] = [];
  let at = 0;
  for (const { word, tag } of jieba.tag(text)) {
    const start = text.indexOf(word, at);
    if (start < 0) continue;
    tokens.push({ word, tag, start, end: start + word.length });
    at = start + word.length;
  }
  return tokens;
}

const MAX_NAME = 28;
const SUFFIX_ANY = new RegExp(alternation(ZONE_TYPES.types.map((t) => t.suffix)));
const VERBS = new RegExp(alternation(PILOT_GRAMMAR.clauseVerbs));
/** A clause verb ending where a word ends (jieba may split 辟建 into 辟/建). */
const VERB_END = new RegExp(`(?:${alternation(PILOT_GRAMMAR.clauseVerbs)})$`);
const SCOPE = new RegExp(`^(?:${alternation(PILOT_GRAMMAR.scopePrefixes)})`);
const STOP_TAGS = new Set([
  'p',
  'c',
  'u',
  'uj',
  'ul',
  'uz',
  'ug',
  'ud',
  'uv',
  'd',
  'r',
  'q',
  'y',
  'e',
  'o',
  'x',
  'i',
  'zg',
]);
export const PLACE_TAGS = new Set(['ns', 'nr', 'nrt', 'nt']);
export const CONNECTORS = new Set(['和', '及']);
/** A quote or a bracket closed inside a name (“借金还金”的试点, 易地扶贫搬迁（生态移民）的试点) is part of it. */
const OPENERS: Readonly<Record<string, string>> = { '”': '“', '）': '（' };
const PUNCT = /^[\s\p{P}\p{S}]+$/u;
const SUFFIX_END = new RegExp(`(?:${alternation(ZONE_TYPES.types.map((t) => t.suffix))})$`);

const LOCATIVE_F = new Set(['中', '内', '上', '下', '以下', '以上', '里', '前', '后', '之中', '其中']);
const NAME_VERBS = new Set(PILOT_GRAMMAR.nameVerbs);

function isStop(token: Token): boolean {
  if (PUNCT.test(token.word)) return true;
  if (token.tag === 'f' && LOCATIVE_F.has(token.word)) return true;
  if (token.tag === 'm') return !/^\d+$/.test(token.word);
  return STOP_TAGS.has(token.tag) || VERBS.test(token.word);
}

/** Index of the last token that starts before `offset`. */
export function tokenBefore(tokens: Token[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((tokens[mid]?.start ?? 0) < offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

const FUNCTION_TAGS = /^(?:p|c|u.*|d|r)$/;

/**
 * In a list of zones (…新城区、创新驱动发展引领区、协调发展示范区), an item is the whole run of words between two
 * separators, verbs included (协调发展, 开放发展 are the zone's qualities, not clause verbs).
 */
export function listItem(text: string, tokens: Token[], end: number): number | null {
  const last = tokenBefore(tokens, end);
  let j = last;
  while (j >= 0 && !PUNCT.test((tokens[j] as Token).word) && end - (tokens[j] as Token).start <= MAX_NAME) {
    if (FUNCTION_TAGS.test((tokens[j] as Token).tag)) return null;
    j -= 1;
  }
  const separator = tokens[j];
  if (j === last || separator?.word !== '、') return null;
  const run = text.slice((tokens[j + 1] as Token).start, end);
  if (SUFFIX_ANY.test(run) || /\d|[一二三四五六七八九十]批/.test(run)) return null;
  const before = text.slice(Math.max(0, separator.start - 12), separator.start);
  if (!before.endsWith('区') && !SUFFIX_END.test(before)) return null;
  return (tokens[j + 1] as Token).start;
}

/** Where an open quote before `end` (in the same clause) starts the name: “三通两平台” is one name. */
function openQuote(text: string, end: number): number | null {
  const open = text.lastIndexOf('“', end - 1);
  if (open < 0 || end - open > 16) return null;
  const inside = text.slice(open + 1, end);
  return /[”，。；：！？\n]/.test(inside) ? null : open + 1;
}

/**
 * The start of the name whose suffix starts at `end`, scanning words leftwards. A verb ends the name when the
 * grammar lists it as opening a clause or when a proper name follows it (授权+place); jieba tags many nouns of
 * compounds as verbs (联合/征信 平台), so other verbs stay inside.
 */
export interface ScanOptions {
  /** Cross 和/及 between nouns (企业登记和信用监管平台). */
  coordinate: boolean;
  /** Cross 的 right before the type word (中俄深度合作的示范区); not for a type word that names a zone alone. */
  crossDe: boolean;
  /** A verb may stand right before the end (a listed item: 跨境贸易人民币结算和…等试点). */
  verbLast: boolean;
  /** The type names a zone (新区, 开发区 …), whose modifier is a proper name, not a programme's description. */
  zone: boolean;
}

export function scanLeft(text: string, tokens: Token[], end: number, options: ScanOptions): number {
  const { coordinate, crossDe, verbLast, zone } = options;
  const quoted = openQuote(text, end);
  if (quoted !== null) return quoted;
  const item = listItem(text, tokens, end);
  if (item !== null) return item;
  let start = end;
  let i = tokenBefore(tokens, end);
  let leftmost: Token | null = null;
  let collected = 0;
  while (i >= 0) {
    const token = tokens[i] as Token;
    if (end - token.start > MAX_NAME) break;
    const opener = OPENERS[token.word];
    if (opener) {
      const open = text.lastIndexOf(opener, token.start);
      if (open < 0 || token.start - open > 16 || /[，。；：！？\n]/.test(text.slice(open, token.start)))
        break;
      start = open;
      i = tokenBefore(tokens, open);
      leftmost = { word: opener, tag: 'x', start: open, end: open + 1 };
      continue;
    }
    if (CONNECTORS.has(token.word) && coordinate) {
      const left = tokens[i - 1];
      const verbs = collected === 1 && /^v/.test(leftmost?.tag ?? '') && /^v/.test(left?.tag ?? '');
      if (!leftmost || (collected < 2 && !verbs) || PLACE_TAGS.has(leftmost.tag) || !left || isStop(left))
        break;
      if (SUFFIX_END.test(text.slice(Math.max(0, left.end - 12), left.end))) break;
      start = token.start;
      i -= 1;
      continue;
    }
    const previous = tokens[i - 1];
    if (
      token.word === '的' &&
      crossDe &&
      leftmost === null &&
      previous &&
      (OPENERS[previous.word] !== undefined || (!isStop(previous) && /^(?:n|vn|l|j)/.test(previous.tag)))
    ) {
      start = token.start;
      i -= 1;
      continue;
    }
    const verb = VERB_END.test(text.slice(Math.max(0, token.end - 4), token.end)) || token.tag === 'v';
    if (verb && leftmost === null && !PUNCT.test(token.word) && compoundVerb(text, tokens, i)) {
      start = token.start;
      leftmost = token;
      collected += 1;
      i -= 1;
      continue;
    }
    if (token.tag === 'f' && leftmost?.tag === 'j') {
      start = token.start;
      leftmost = token;
      collected += 1;
      i -= 1;
      continue;
    }
    if (isStop(token) || VERB_END.test(text.slice(Math.max(0, token.end - 4), token.end))) break;
    if (token.tag === 'v' && leftmost !== null && PLACE_TAGS.has(leftmost.tag)) break;
    if (token.tag === 'ns' && leftmost?.tag === 'v' && leftmost.end < end) {
      start = leftmost.end;
      break;
    }
    if (token.tag === 'v' && leftmost === null && !verbLast && !NAME_VERBS.has(token.word)) {
      // Programmes (…试点) are named by nouns; a zone's proper name may be cut by the tagger (雄/n 安/v 新区).
      if (!zone && !coordinatedVerb(tokens, i)) break;
      if (SUFFIX_END.test(text.slice(Math.max(0, token.start - 12), token.start))) break;
    }
    start = token.start;
    leftmost = token;
    collected += 1;
    i -= 1;
  }
  return locative(text, tokens, start, end);
}

/** `集中采购和使用试点`: a verb joined by 和/及 to a verb before it names the programme with it. */
function coordinatedVerb(tokens: Token[], i: number): boolean {
  return CONNECTORS.has(tokens[i - 1]?.word ?? '') && /^v/.test(tokens[i - 2]?.tag ?? '');
}

function isNominal(token: Token): boolean {
  return !isStop(token) && token.tag !== 'v' && !VERB_END.test(token.word);
}

/**
 * A verb right before the type word belongs to the name (生态优化示范区, 在青禾共建开发区) when nouns stand on its
 * left up to a list separator or 在, and they are not a name of their own (石河子高新区享受…示范区). Elsewhere only
 * the grammar's name verbs (持股, 征信 …) stand right before the type word.
 */
function compoundVerb(text: string, tokens: Token[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && isNominal(tokens[j] as Token)) j -= 1;
  if (j === i - 1) return false;
  const boundary = tokens[j];
  if (boundary && boundary.word !== '、' && boundary.word !== '在') return false;
  const run = text.slice(tokens[j + 1]?.start ?? 0, tokens[i - 1]?.end ?? 0);
  return !SUFFIX_END.test(run);
}

/** `在青禾共建开发区`: a place after 在 and before a verb says where, and is not part of the name. */
function locative(text: string, tokens: Token[], start: number, end: number): number {
  if (text[start - 1] !== '在') return start;
  const i = tokenBefore(tokens, start + 1);
  const place = tokens[i];
  const verb = tokens[i + 1];
  if (place?.start !== start || place.tag !== 'ns' || verb?.tag !== 'v' || verb.end > end) return start;
  return verb.start;
}

/** Verbs at a name's start that are not in the grammar's name verbs are left out (紧扣雄安新区 → 雄安新区). */
export function stripVerbs(tokens: Token[], start: number, end: number): number {
  let at = start;
  for (let i = tokenBefore(tokens, start + 1); i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    if (token.start !== at || token.end > end || token.tag !== 'v' || NAME_VERBS.has(token.word)) return at;
    at = token.end;
  }
  return at;
}

export function stripScope(text: string, start: number, end: number): number {
  let at = start;
  for (;;) {
    const match = SCOPE.exec(text.slice(at, end));
    if (!match || match[0].length === 0 || at + match[0].length >= end) return at;
    at += match[0].length;
  }
}
