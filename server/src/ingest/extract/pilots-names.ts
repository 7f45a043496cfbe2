// Finds the names of zones and pilots in a text: a zone-type suffix (data/glossary/zone-types.json) and, on its
// left, the words that belong to the name, read from jieba's segmentation with part-of-speech tags. The name stops
// at punctuation, function words, a verb that opens a clause (授权…, …率先开展…) and a second name joined by 和.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { alternation, PILOT_GRAMMAR, ZONE_TYPES, type ZoneType } from './pilots-grammar.ts';

/** One word of the text with its part-of-speech tag (jieba's ICTCLAS tags: n, ns, v, vn …) and offsets. */
export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/** A written name of a zone or pilot (one mention). `start`/`end` are offsets of `quote` in the text. */
export interface NameMention {
  /** The name as the entity is called (quotes removed; for `A和B等试点`, A + 试点). */
  name: string;
  /** The words of the text, `text.slice(start, end)`. */
  quote: string;
  start: number;
  end: number;
  type: ZoneType;
  /** The part before the type suffix, quotes removed (empty for a bare `综合保税区`). */
  modifier: string;
  /** The place the name starts with (a jieba `ns` word), if any. */
  place: string | null;
  /** A quoted core that names the same thing on its own (`“营改增”试点` → 营改增). */
  core: string | null;
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
const SUFFIX = new RegExp(alternation(ZONE_TYPES.types.map((t) => t.suffix)), 'g');
const SUFFIX_ANY = new RegExp(alternation(ZONE_TYPES.types.map((t) => t.suffix)));
const TYPE_BY_SUFFIX = new Map(ZONE_TYPES.types.map((t) => [t.suffix, t]));
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
const PLACE_TAGS = new Set(['ns', 'nr', 'nrt', 'nt']);
const CONNECTORS = new Set(['和', '及']);
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
function tokenBefore(tokens: Token[], offset: number): number {
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
function listItem(text: string, tokens: Token[], end: number): number | null {
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
interface ScanOptions {
  /** Cross 和/及 between nouns (企业登记和信用监管平台). */
  coordinate: boolean;
  /** Cross 的 right before the type word (中俄深度合作的示范区); not for a type word that names a zone alone. */
  crossDe: boolean;
  /** A verb may stand right before the end (a listed item: 跨境贸易人民币结算和…等试点). */
  verbLast: boolean;
  /** The type names a zone (新区, 开发区 …), whose modifier is a proper name, not a programme's description. */
  zone: boolean;
}

function scanLeft(text: string, tokens: Token[], end: number, options: ScanOptions): number {
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
function stripVerbs(tokens: Token[], start: number, end: number): number {
  let at = start;
  for (let i = tokenBefore(tokens, start + 1); i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    if (token.start !== at || token.end > end || token.tag !== 'v' || NAME_VERBS.has(token.word)) return at;
    at = token.end;
  }
  return at;
}

function stripScope(text: string, start: number, end: number): number {
  let at = start;
  for (;;) {
    const match = SCOPE.exec(text.slice(at, end));
    if (!match || match[0].length === 0 || at + match[0].length >= end) return at;
    at += match[0].length;
  }
}

/** The place a name starts with: a jieba `ns` word, or for a zone an unknown name tagged `nr` that is its whole modifier. */
function placeOf(tokens: Token[], start: number, end: number, zone: boolean): string | null {
  const i = tokenBefore(tokens, start + 1);
  const token = tokens[i];
  if (!token || token.start !== start || token.end > end || token.word.length < 2) return null;
  if (token.tag !== 'ns' && !(zone && token.tag === 'nr' && token.end === end)) return null;
  return token.word;
}

function mention(
  text: string,
  tokens: Token[],
  start: number,
  end: number,
  type: ZoneType,
  suffixStart: number,
): NameMention | null {
  const quote = text.slice(start, end);
  const modifier = text.slice(start, suffixStart).replace(/[“”]/g, '');
  if (modifier === '' && !type.standalone) return null;
  if (modifier !== '' && modifier.length < 2) return null;
  const quoted = quote.includes('“') || text[start - 1] === '“';
  if (type.canonical === '试点' && !quoted && modifier.length < 4) return null;
  if (type.kind === 'programme' && onlyPlaces(tokens, start, suffixStart)) return null;
  if (type.quotedOnly && !quote.includes('“') && text[end] !== '”') return null;
  if (PILOT_GRAMMAR.notPilots.some((phrase) => quote.endsWith(phrase))) return null;
  if (/^[“”\s]*$/.test(modifier) && modifier !== '') return null;
  const coreMatch = type.kind === 'programme' ? /^“([^”]+)”$/.exec(text.slice(start, suffixStart)) : null;
  const named =
    text[suffixStart - 1] === '的'
      ? text.slice(start, suffixStart - 1) + text.slice(suffixStart, end)
      : quote;
  if (/[+＋]/.test(named)) return null;
  return {
    name: named.replace(/[“”]/g, ''),
    quote,
    start,
    end,
    type,
    modifier,
    place: placeOf(tokens, start, suffixStart, type.kind === 'zone'),
    core: coreMatch?.[1] ?? null,
  };
}

/** The words in [start, end) are all place names (湖北省黄石市): a programme named so is a verb's subject (…试点…). */
function onlyPlaces(tokens: Token[], start: number, end: number): boolean {
  const words = tokens.filter((t) => t.start >= start && t.end <= end);
  return words.length > 0 && words.every((t) => t.tag === 'ns');
}

/** `乌鲁木齐、昌吉、石河子高新区`: places listed before one type word each name a zone of that type. */
function listedPlaces(tokens: Token[], named: NameMention): NameMention[] {
  const own = tokens[tokenBefore(tokens, named.start + 1)];
  if (!own || own.start !== named.start || own.word !== named.modifier || !PLACE_TAGS.has(own.tag)) return [];
  const found: NameMention[] = [];
  let i = tokenBefore(tokens, named.start);
  while (i >= 1 && /^[、和及]$/.test(tokens[i]?.word ?? '')) {
    const place = tokens[i - 1] as Token;
    if (!PLACE_TAGS.has(place.tag) || place.tag === 'nt') break;
    found.push({
      ...named,
      name: `${place.word}${named.type.suffix}`,
      quote: place.word,
      start: place.start,
      end: place.end,
      modifier: place.word,
      place: place.word,
      core: null,
    });
    i -= 2;
  }
  return found.reverse();
}

/** `A和B等试点`: each listed item becomes its own name (A试点, B试点), quoted by the item's words. */
function distribute(text: string, tokens: Token[], suffixStart: number, type: ZoneType): NameMention[] {
  const found: NameMention[] = [];
  let end = suffixStart - 1;
  for (;;) {
    const start = stripScope(
      text,
      scanLeft(text, tokens, end, { coordinate: false, crossDe: false, verbLast: true, zone: false }),
      end,
    );
    if (start >= end) break;
    const item = text.slice(start, end);
    found.push({
      name: `${item}${type.suffix}`,
      quote: item,
      start,
      end,
      type,
      modifier: item,
      place: placeOf(tokens, start, end, false),
      core: item,
    });
    if (!CONNECTORS.has(text[start - 1] ?? '')) break;
    end = start - 1;
  }
  return found.reverse();
}

/** Every mention of a zone, pilot, demonstration or platform in `text`, in order. */
export function findPilotNames(text: string, tokens: Token[] = tokenise(text)): NameMention[] {
  const found: NameMention[] = [];
  const matches = [...text.matchAll(SUFFIX)];
  matches.forEach((match, k) => {
    const suffixStart = match.index ?? 0;
    const end = suffixStart + match[0].length;
    const type = TYPE_BY_SUFFIX.get(match[0]);
    if (!type) return;
    if (matches[k + 1]?.index === end || text[end] === '区') return;
    if (text[suffixStart - 1] === '等') {
      if (type.kind === 'programme') found.push(...distribute(text, tokens, suffixStart, type));
      return;
    }
    const scanned = stripScope(
      text,
      scanLeft(text, tokens, suffixStart, {
        coordinate: true,
        crossDe: !type.standalone,
        verbLast: false,
        zone: type.kind === 'zone',
      }),
      suffixStart,
    );
    const verbatim = text[scanned] === '“' || listItem(text, tokens, suffixStart) === scanned;
    const start = verbatim ? scanned : stripVerbs(tokens, scanned, suffixStart);
    if (start === suffixStart && /\d\s*个$/.test(text.slice(Math.max(0, start - 6), start))) return;
    const named = mention(text, tokens, start, end, type, suffixStart);
    if (named) found.push(...listedPlaces(tokens, named), named);
  });
  found.push(...prefixedAndFixed(text, found));
  return found.sort((a, b) => a.start - b.start);
}

/** `示范合作社`-like names (the type word first) and fixed names of the glossary (国际贸易单一窗口). */
function prefixedAndFixed(text: string, taken: NameMention[]): NameMention[] {
  const found: NameMention[] = [];
  const free = (start: number, end: number) =>
    !taken.some((m) => m.start < end && start < m.end) && !found.some((m) => m.start < end && start < m.end);
  for (const rule of ZONE_TYPES.prefixed) {
    const pattern = new RegExp(`${rule.prefix}(?:${alternation(rule.heads.map((h) => h.zh))})`, 'g');
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      const head = rule.heads.find((h) => match[0] === `${rule.prefix}${h.zh}`);
      if (!free(start, end) || !head) continue;
      const type: ZoneType = {
        suffix: match[0],
        canonical: match[0],
        kind: rule.kind,
        level: null,
        en: head.en,
        standalone: true,
      };
      found.push({
        name: match[0],
        quote: match[0],
        start,
        end,
        type,
        modifier: '',
        place: null,
        core: null,
      });
    }
  }
  for (const fixed of ZONE_TYPES.fixed) {
    for (const form of [fixed.name, ...fixed.aliases]) {
      for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
        if (!free(at, at + form.length)) continue;
        const type: ZoneType = {
          suffix: fixed.name,
          canonical: fixed.name,
          kind: fixed.kind,
          level: fixed.level,
          en: fixed.en,
          standalone: true,
        };
        found.push({
          name: fixed.name,
          quote: form,
          start: at,
          end: at + form.length,
          type,
          modifier: '',
          place: null,
          core: null,
        });
      }
    }
  }
  return found;
}
