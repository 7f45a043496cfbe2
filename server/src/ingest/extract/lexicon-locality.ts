// The plan's own place and level, read from its title or issuer (青禾市…方案 → 青禾市, municipal): local bodies
// named by level only (市财政局) resolve to it. English place names come from the lexicon's places, else pinyin.
import { pinyin } from 'pinyin-pro';
import { placeEnglish } from './english.ts';
import type { AdminLevel, NameEnSource } from './types.ts';

export interface Locality {
  /** Full place name with its level character (青禾市), null when the plan names none (a national plan, 某市). */
  name: string | null;
  /** The place without its level character (青禾). */
  place: string | null;
  level: AdminLevel;
}

/** Level characters of place names, longest first, and the level each gives. */
const PLACE_LEVELS: ReadonlyArray<[string, AdminLevel]> = [
  ['自治区', 'provincial'],
  ['自治州', 'municipal'],
  ['特别行政区', 'provincial'],
  ['省', 'provincial'],
  ['市', 'municipal'],
  ['州', 'municipal'],
  ['盟', 'municipal'],
  ['县', 'county'],
  ['区', 'county'],
  ['旗', 'county'],
];

/** Words that open a title but are no place (国务院关于…, 关于…, 某市…). */
const NOT_PLACES = /^(国务院|国家|全国|中共|中央|关于|某|本|我|各|有关|转发|印发)/u;
/** Function words and generic nouns that no place name contains. */
const NOT_IN_PLACES = /[的与及各等在对将把为了之其向从]|部门|有关|相关|和各|单位|机构|企业/u;

/** Splits `青禾市` into place `青禾` and level; null when the string is not a place name with a level. */
export function splitPlace(name: string): { place: string; level: AdminLevel; suffix: string } | null {
  for (const [suffix, level] of PLACE_LEVELS) {
    if (!name.endsWith(suffix)) continue;
    const place = name.slice(0, -suffix.length);
    if (/^\p{Script=Han}{2,6}$/u.test(place) && !NOT_PLACES.test(place) && !NOT_IN_PLACES.test(place)) {
      return { place, level, suffix };
    }
  }
  return null;
}

/**
 * The locality of a plan from its title, else its issuer: the first place name with a level character at the
 * start (青禾市“十四五”… → 青禾市). A plan of the State Council or with an unnamed place (某市) gives name null,
 * with level national or the level character's.
 */
export function planLocality(title: string, issuer: string | null): Locality {
  for (const source of [title, issuer ?? '']) {
    const head = source.replace(/^中共/u, '');
    const match = /^(\p{Script=Han}{2,8}?(?:特别行政区|自治区|自治州|省|市|县|区|州|盟|旗))/u.exec(head);
    const split = match?.[1] ? splitPlace(match[1]) : null;
    if (match?.[1] && split) return { name: match[1], place: split.place, level: split.level };
    const unnamed = /^(?:某|本)(省|市|县|区)/u.exec(head);
    if (unnamed?.[1]) {
      const level = PLACE_LEVELS.find(([suffix]) => suffix === unnamed[1])?.[1] ?? 'other';
      return { name: null, place: null, level };
    }
  }
  return { name: null, place: null, level: 'national' };
}

/**
 * English of a place: the glossary of place names (extract/english.ts, data/glossary/place-names.json), else
 * pinyin with a capital (青禾 → Qinghe).
 */
export function placeEn(place: string): { en: string; source: NameEnSource } {
  const english = placeEnglish(place);
  if (english) return { en: english.nameEn, source: english.source };
  return {
    en: capitalise(pinyin(place, { toneType: 'none', type: 'array', v: true }).join('')),
    source: 'pinyin',
  };
}

/** Slug for keys: the place's English from the glossary, else pinyin; lower-case ASCII and dashes. */
export function slug(text: string): string {
  const known = placeEnglish(text);
  const latin =
    (known?.source === 'glossary' ? known.nameEn : null) ??
    pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' }).join('');
  return latin
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
