// Finds the names of zones and pilots in a text: a zone-type suffix (data/glossary/zone-types.json) and, on its
// left, the words that belong to the name (pilots-scan.ts); lists of places, `A和B等试点`, names that start with their
// type word (示范合作社) and the glossary's fixed names (国际贸易单一窗口).
import { alternation, PILOT_GRAMMAR, ZONE_TYPES, type ZoneType } from './pilots-grammar.ts';
import {
  CONNECTORS,
  listItem,
  PLACE_TAGS,
  scanLeft,
  stripScope,
  stripVerbs,
  type Token,
  tokenBefore,
  tokenise,
} from './pilots-scan.ts';

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

const SUFFIX = new RegExp(alternation(ZONE_TYPES.types.map((t) => t.suffix)), 'g');
const TYPE_BY_SUFFIX = new Map(ZONE_TYPES.types.map((t) => [t.suffix, t]));

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
