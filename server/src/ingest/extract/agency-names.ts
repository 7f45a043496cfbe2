// Decides whether a clean stretch of text names a body, and which one: a central body of the lexicon, a branch of
// one (人民银行青禾中心支行), a local department (level prefix or place + standard form, resolved to the plan's
// locality), or a body found by the naming grammar alone (place/proper name + core + suffix). Different levels stay
// different bodies; the variants of one body share one key.
import type { AgencyKind } from '../../domain/model.ts';
import type { CentralBody, Lexicon, LocalDepartment } from './lexicon.ts';
import { type Locality, placeEn, slug, splitPlace } from './lexicon-locality.ts';
import type { AdminLevel, NameEnSource } from './types.ts';

/** What a surface form resolves to; several surfaces with one key are one AgencyEntity. */
export interface ResolvedAgency {
  key: string;
  name: string;
  kind: AgencyKind;
  level: AdminLevel;
  nameEn: string | null;
  nameEnSource: NameEnSource | null;
  lexiconId: string | null;
  confidence: number;
}

export interface NamingContext {
  lexicon: Lexicon;
  locality: Locality;
}

/**
 * How much the surroundings already say that a stretch names a body: `strict` (running text), `proper` (it opens
 * with a place or a proper name, or is an item of a list of bodies), `context` (a responsibility note's item, the
 * subject of 由…负责 or …会同: even a name holding a kind word such as 试点 is a body there).
 */
export type ResolveMode = 'strict' | 'proper' | 'context';

/** Branch suffixes after a central body and a place (人民银行 + 青禾 + 中心支行). */
const BRANCH = /^(.{2,8}?)(营业管理部|中心支行|分行|支行|分局|监管局|税务局|海关)$/u;

/**
 * Resolves a surface form with clean boundaries (no verb, separator or clause inside) to a body, or null.
 * `mode` says how much the surroundings already say it is a body (see ResolveMode). Confidence: 0.95 lexicon, 0.9 local form, 0.85 branch, 0.6–0.75 grammar only.
 */
export function resolveAgency(
  surface: string,
  ctx: NamingContext,
  mode: ResolveMode = 'strict',
): ResolvedAgency | null {
  const loose = mode !== 'strict';
  if (!/^[\p{Script=Han}A-Za-z0-9]{2,30}$/u.test(surface)) return null;
  const central = ctx.lexicon.centralByForm.get(surface);
  if (central) return fromCentral(central);
  return (
    branchOf(surface, ctx) ??
    localOf(surface, ctx, loose) ??
    sectorOf(surface, ctx, loose) ??
    grammarOf(surface, ctx, mode)
  );
}

/**
 * A sector word that names the plan's own department of that sector: 发改部门, or 税务 / 市场监管 as items of a
 * list of departments (`loose`). Only in a local plan: in a national one these are every locality's departments.
 */
function sectorOf(surface: string, ctx: NamingContext, loose: boolean): ResolvedAgency | null {
  if (ctx.locality.level === 'national') return null;
  const stem = surface.endsWith('部门') ? surface.slice(0, -2) : null;
  const department = ctx.lexicon.sectors.get(stem ?? surface);
  if (!department || (stem === null && !loose)) return null;
  const prefix = readPrefix('', department, ctx);
  if (!prefix) return null;
  return {
    ...localAgency(surface, department.forms[0] ?? surface, department, prefix),
    confidence: 0.6,
  };
}

function fromCentral(body: CentralBody): ResolvedAgency {
  return {
    key: body.id,
    name: body.name,
    kind: body.kind,
    level: 'national',
    nameEn: body.en,
    nameEnSource: 'lexicon',
    lexiconId: body.id,
    confidence: 0.95,
  };
}

function branchOf(surface: string, ctx: NamingContext): ResolvedAgency | null {
  for (let cut = Math.min(surface.length - 3, 14); cut >= 2; cut -= 1) {
    const body = ctx.lexicon.centralByForm.get(surface.slice(0, cut));
    if (!body) continue;
    const rest = BRANCH.exec(surface.slice(cut));
    if (!rest?.[1] || !rest[2]) continue;
    const place = rest[1];
    const split = splitPlace(place);
    if (!split && !/^\p{Script=Han}{2,4}$/u.test(place)) continue;
    const bare = split?.place ?? place;
    const en = placeEn(bare);
    return {
      key: `${slug(bare)}-${body.id}-branch`,
      name: surface,
      kind: body.kind,
      level: rest[2] === '分行' || split?.level === 'provincial' ? 'provincial' : 'municipal',
      nameEn: `${body.en}, ${en.en} ${rest[2] === '中心支行' ? 'Central Sub-branch' : 'Branch'}`,
      nameEnSource: en.source === 'pinyin' ? 'pinyin' : 'lexicon',
      lexiconId: body.id,
      confidence: 0.85,
    };
  }
  return null;
}

interface Prefix {
  /** Place with its level character, or null (市 alone, bare form, 本级). */
  placeName: string | null;
  place: string | null;
  level: AdminLevel;
  levelEn: string | null;
}

/** Reads the part before a local form: '' / 市 / 本级 / 青禾市 / 青禾 (vertical bodies only). */
function readPrefix(prefix: string, department: LocalDepartment, ctx: NamingContext): Prefix | null {
  const own = ctx.locality;
  const levelEn = (level: AdminLevel) => ctx.lexicon.levels.find((l) => l.level === level)?.en ?? null;
  if (prefix === '' || prefix === '本级') {
    if (own.level === 'national') return null;
    return { placeName: own.name, place: own.place, level: own.level, levelEn: levelEn(own.level) };
  }
  const levelOnly = ctx.lexicon.levels.find((l) => l.prefix === prefix);
  if (levelOnly) {
    const mine = levelOnly.level === own.level;
    return {
      placeName: mine ? own.name : null,
      place: mine ? own.place : null,
      level: levelOnly.level,
      levelEn: levelOnly.en,
    };
  }
  const split = splitPlace(prefix);
  if (split) {
    return { placeName: prefix, place: split.place, level: split.level, levelEn: levelEn(split.level) };
  }
  if (department.vertical && /^\p{Script=Han}{2,4}$/u.test(prefix) && !isGeneric(prefix, ctx)) {
    return {
      placeName: prefix,
      place: prefix,
      level: own.place === prefix ? own.level : 'municipal',
      levelEn: null,
    };
  }
  return null;
}

function localOf(surface: string, ctx: NamingContext, loose: boolean): ResolvedAgency | null {
  for (const { form, department } of ctx.lexicon.localForms) {
    if (!surface.endsWith(form)) continue;
    const prefixText = surface.slice(0, -form.length);
    // A bare two-character form (政府, 人大, 工会) is a body only as an item of a list or a note.
    if (prefixText === '' && form.length < 3 && !loose && !department.vertical) continue;
    // The party committee's one-character form (委) needs a level or a place before it: 市委, 青禾市委.
    if (form.length === 1 && prefixText === '') continue;
    const prefix = readPrefix(prefixText, department, ctx);
    if (!prefix) continue;
    return localAgency(surface, form, department, prefix);
  }
  return null;
}

function localAgency(
  surface: string,
  form: string,
  department: LocalDepartment,
  prefix: Prefix,
): ResolvedAgency {
  const provincialForm = form.endsWith('厅') ? department.forms.find((f) => f.endsWith('厅')) : undefined;
  const fullForm = provincialForm ?? department.forms[0] ?? form;
  let name = surface;
  if (prefix.placeName) {
    if (department.canonical) name = department.canonical.replace('{place}', prefix.placeName);
    else if (department.vertical) name = `${prefix.place ?? prefix.placeName}${fullForm}`;
    else name = `${prefix.placeName}${fullForm}`;
  }
  const where = prefix.place ? placeEn(prefix.place) : null;
  const core = provincialForm && department.enProvincial ? department.enProvincial : department.en;
  const nameEn = [where?.en, department.vertical ? null : prefix.levelEn, core].filter(Boolean).join(' ');
  const levelKey = department.vertical ? '' : `${prefix.level}-`;
  return {
    key: `${prefix.place ? `${slug(prefix.place)}-` : ''}${levelKey}${department.id}`,
    name,
    kind: department.kind,
    level: prefix.level,
    nameEn,
    nameEnSource: where?.source === 'pinyin' ? 'pinyin' : 'glossary',
    lexiconId: `local:${department.id}`,
    confidence: 0.9,
  };
}

/** A function word or collective anywhere, or (outside notes and lists) a word of a kind of body. */
function isGeneric(text: string, ctx: NamingContext, loose = false): boolean {
  const { generic, kindWords } = ctx.lexicon.grammar;
  return (
    generic.some((word) => text.includes(word)) || (!loose && kindWords.some((word) => text.includes(word)))
  );
}

function grammarOf(surface: string, ctx: NamingContext, mode: ResolveMode): ResolvedAgency | null {
  const loose = mode !== 'strict';
  const suffix = ctx.lexicon.grammar.suffixes.find((s) => surface.endsWith(s.suffix));
  if (!suffix) return null;
  const core = surface.slice(0, -suffix.suffix.length);
  if (!grammarMayName(surface, ctx)) return null;
  if (core.length < 1 || isGeneric(surface, ctx, mode === 'context')) return null;
  const levelPrefix = ctx.lexicon.levels.find((l) => core.startsWith(l.prefix));
  // 省工研院: a level character alone before an abbreviated suffix names the body of that level.
  const levelOnly = levelPrefix?.prefix === core && suffix.suffix.length >= 3;
  const placed =
    leadingPlace(core, ctx) ??
    (levelOnly && levelPrefix ? { place: '', level: levelPrefix.level, length: core.length } : null);
  if (!loose && !placed && !(suffix.standalone && core.length >= 4)) return null;
  const level: AdminLevel = placed?.level ?? 'other';
  const en = placed?.place ? placeEn(placed.place).en : placed && levelPrefix ? levelPrefix.en : null;
  const rest = placed ? core.slice(placed.length) : core;
  const restEn = rest ? placeEn(rest).en : '';
  return {
    // 青禾市银行 and 青禾银行 are one body: the key drops the level character of the place.
    key: placed?.place ? `${slug(placed.place)}-${slug(rest + suffix.suffix)}` : slug(surface),
    name: surface,
    kind: suffix.kind,
    level,
    nameEn: [en, restEn, suffix.en].filter(Boolean).join(' '),
    nameEnSource: 'pinyin',
    lexiconId: null,
    confidence: placed ? 0.75 : 0.6,
  };
}

/**
 * A name of the grammar alone holds no role cue (会同, 负责 …) and does not end with a central body preceded by
 * anything but a place (报民政部, 2004年发展改革委 are a verb or a date before 民政部, 发展改革委).
 */
function grammarMayName(surface: string, ctx: NamingContext): boolean {
  const cues = ctx.lexicon.grammar.cues;
  if ([...cues.lead, ...cues.involved, ...cues.shared, ...cues.with].some((cue) => surface.includes(cue)))
    return false;
  for (let cut = 1; cut < surface.length - 1; cut += 1) {
    if (!ctx.lexicon.centralByForm.has(surface.slice(cut))) continue;
    const before = surface.slice(0, cut);
    if (!splitPlace(before) && placeEn(before).source !== 'glossary' && before !== ctx.locality.place)
      return false;
  }
  return true;
}

/** A place at the start of a core (青禾银行 → 青禾), from the plan's locality or a place with its level. */
function leadingPlace(
  core: string,
  ctx: NamingContext,
): { place: string; level: AdminLevel; length: number } | null {
  const own = ctx.locality;
  for (const candidate of [own.name, own.place]) {
    if (candidate && core.startsWith(candidate)) {
      return { place: own.place ?? candidate, level: own.level, length: candidate.length };
    }
  }
  const level = ctx.lexicon.levels.find((l) => core.startsWith(l.prefix));
  if (level && core.length > level.prefix.length)
    return { place: '', level: level.level, length: level.prefix.length };
  for (let end = Math.min(core.length, 7); end >= 3; end -= 1) {
    const split = splitPlace(core.slice(0, end));
    if (split && end < core.length) return { place: split.place, level: split.level, length: end };
  }
  return null;
}
