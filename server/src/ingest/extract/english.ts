// English names without a human: the glossary of standard translations of zone types and place names
// (data/glossary, with sources), and Hanyu Pinyin (pinyin-pro, GB/T 16159-2012 orthography) for proper names
// the glossary lacks. Every English name says where it comes from (`NameEnSource`).
import { pinyin } from 'pinyin-pro';
import placesJson from '../data/glossary/place-names.json' with { type: 'json' };
import { ZONE_TYPES } from './pilots-grammar.ts';
import type { NameEnSource } from './types.ts';

/** An English name and where it comes from. */
export interface EnglishName {
  nameEn: string;
  source: Exclude<NameEnSource, 'curated' | 'lexicon'>;
}

/** What the Chinese name is: a place (`乌鲁木齐`), a zone or pilot (`青禾自由贸易试验区`), or any proper name. */
export type EnglishNameKind = 'place' | 'pilot' | 'proper';

const PLACES: Readonly<Record<string, string>> = placesJson.places;
/** Administrative suffixes dropped from a place name before translating (`乌鲁木齐市` → Urumqi). */
const ADMIN_SUFFIX = /(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|省|市|县|区)$/;
const ORDINARY = /^[\p{Script=Han}]+$/u;

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Pinyin written as one capitalised word (GB/T 16159-2012 rule for place and proper names): 青禾 → Qinghe. */
export function pinyinName(name: string): string {
  return capitalise(
    pinyin(name, { toneType: 'none', separator: '', nonZh: 'consecutive' }).replace(/ü|v/g, 'u'),
  );
}

/**
 * The English form of a place name: the glossary's (乌鲁木齐 → Urumqi, 内蒙古 → Inner Mongolia), else pinyin.
 * Administrative suffixes (市, 省, 自治区 …) are dropped. Returns null for an empty or non-Chinese name.
 */
export function placeEnglish(name: string): EnglishName | null {
  if (PLACES[name]) return { nameEn: PLACES[name], source: 'glossary' };
  const bare = name.replace(ADMIN_SUFFIX, '');
  if (bare !== '' && PLACES[bare]) return { nameEn: PLACES[bare], source: 'glossary' };
  if (bare === '' || !ORDINARY.test(bare)) return null;
  return { nameEn: pinyinName(bare), source: 'pinyin' };
}

/**
 * The English name of a zone or pilot whose modifier is a place: the place's English form and the zone type's
 * standard translation (青禾自由贸易试验区 → Qinghe Pilot Free Trade Zone; 综合保税区 alone → Comprehensive Bonded
 * Zone). `place` is the place part when the caller knows it (jieba's `ns` tag); otherwise the whole modifier must be
 * a place of the glossary. Null when the modifier is descriptive (民营银行试点): no machine English is better than
 * a wrong one.
 */
function pilotEnglish(name: string, place: string | null): EnglishName | null {
  const fixed = ZONE_TYPES.fixed.find((f) => f.name === name || f.aliases.includes(name));
  if (fixed) return { nameEn: fixed.en, source: 'glossary' };
  const type = ZONE_TYPES.types.find((t) => name.endsWith(t.suffix));
  if (!type) return null;
  const modifier = name.slice(0, name.length - type.suffix.length).replace(/[“”"]/g, '');
  if (modifier === '') return { nameEn: type.en, source: 'glossary' };
  const placePart = place && modifier.startsWith(place) ? place : modifier;
  if (placePart !== modifier) {
    const rest = modifier.slice(placePart.length);
    if (!/^(?:国家级|市|省)?$/.test(rest)) return null;
  } else if (!PLACES[modifier] && !PLACES[modifier.replace(ADMIN_SUFFIX, '')] && place === null) {
    // A zone's short modifier (2–3 characters, 市/省 dropped) is its place even where the tagger does not know it.
    if (type.kind !== 'zone' || !/^\p{Script=Han}{2,3}$/u.test(modifier.replace(ADMIN_SUFFIX, '')))
      return null;
  }
  const english = placeEnglish(placePart);
  if (!english) return null;
  return { nameEn: `${english.nameEn} ${type.en}`, source: english.source };
}

/**
 * The English name of a Chinese name of the given kind, or null when none can be made honestly.
 * - `place`: glossary, else pinyin (呼和浩特市 → Hohhot; 青禾 → Qinghe, source pinyin).
 * - `pilot`: place + standard zone-type translation (see above); `place` names the place part if known.
 * - `proper`: pinyin of the whole name (a brand, a project's proper name).
 */
export function englishName(
  name: string,
  kind: EnglishNameKind,
  place: string | null = null,
): EnglishName | null {
  switch (kind) {
    case 'place':
      return placeEnglish(name);
    case 'pilot':
      return pilotEnglish(name, place);
    case 'proper':
      return ORDINARY.test(name) ? { nameEn: pinyinName(name), source: 'pinyin' } : null;
    default: {
      const never: never = kind;
      throw new Error(`englishName: unknown kind ${String(never)}`);
    }
  }
}
