// Pilot zones, pilot programmes, demonstrations and platforms read from the text (issue 13, item 4): names found by
// the naming grammar (pilots-names.ts), written forms of one zone merged into one entity with its aliases, and the
// kind, level and status the grammar and the words around each mention give, with the quote that shows them.
import { pinyin } from 'pinyin-pro';
import type { PilotLevel, PilotStatus } from '../../domain/model.ts';
import { englishName } from './english.ts';
import { alternation, PILOT_GRAMMAR } from './pilots-grammar.ts';
import { findPilotNames, type NameMention } from './pilots-names.ts';
import type { ExtractionInput, PilotEntity, PilotLink, Quote } from './types.ts';

const CLAUSE_END = /[，。；：！？\n]/;
const STATUS_CUES = PILOT_GRAMMAR.status.flatMap(({ status, cues }) => cues.map((cue) => ({ status, cue })));
const STATUS = new RegExp(alternation(STATUS_CUES.map((c) => c.cue)), 'g');
const ESTABLISH = new RegExp(alternation(PILOT_GRAMMAR.establishCues));
const LEVEL_CUES = PILOT_GRAMMAR.levels.flatMap(({ level, cues }) => cues.map((cue) => ({ level, cue })));

/** The clause around [start, end): from the last clause punctuation before to the next after. */
function clauseAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  while (from > 0 && !CLAUSE_END.test(text[from - 1] ?? '')) from -= 1;
  let to = end;
  while (to < text.length && !CLAUSE_END.test(text[to] ?? '')) to += 1;
  return { start: from, end: to };
}

const LEVEL_WORDS = new RegExp(`^(?:${alternation(PILOT_GRAMMAR.levels.flatMap((l) => l.cues))})`);

/**
 * The entity a written form belongs to: its type and its modifier with a place's 市/省 and 的 dropped. A programme
 * (试点) is the same wherever the text places it: 青禾市国家新型城镇化综合试点 = 新型城镇化综合试点.
 */
function groupKey(m: NameMention): string {
  let modifier = m.modifier.replace(/的/g, '');
  if (m.type.kind === 'programme') {
    if (m.place && modifier.startsWith(m.place))
      modifier = modifier.slice(m.place.length).replace(/^[市省县区]/, '');
    modifier = modifier.replace(LEVEL_WORDS, '');
  } else modifier = modifier.replace(/^(\p{Script=Han}{2,3})[市省](?!场)/u, '$1');
  return `${m.type.canonical}|${modifier}`;
}

/** `在…平台建设…等方面`: the name is one field of a list of fields, not a platform the plan sets up. */
function inFieldList(text: string, m: NameMention): boolean {
  let from = m.start;
  while (from > 0 && !/[。；\n]/.test(text[from - 1] ?? '')) from -= 1;
  let to = m.end;
  while (to < text.length && !/[。；\n]/.test(text[to] ?? '')) to += 1;
  return text.slice(from, m.start).includes('在') && /等?方面/.test(text.slice(m.end, to));
}

/** Stable ASCII slug of a Chinese name: its pinyin syllables joined by dashes (at most 60 characters). */
export function pilotKey(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) =>
      s
        .toLowerCase()
        .replace(/ü|v/g, 'u')
        .replace(/[^a-z0-9]+/g, ''),
    )
    .filter((s) => s !== '');
  let key = '';
  for (const s of syllables) {
    if (key.length + s.length + 1 > 60) break;
    key = key === '' ? s : `${key}-${s}`;
  }
  return key;
}

const STATUS_RANK = PILOT_GRAMMAR.status.map((s) => s.status);
/** Other names and list connectors do not count in the distance between a name and its cue (A、B获批). */
const LIST_GAP = /^[、和及与]?$/;

/** Gap between a mention and a cue, other mentions and connectors removed; null if they overlap. */
function gap(text: string, all: NameMention[], from: number, to: number): number {
  if (to < from) return Number.POSITIVE_INFINITY;
  let length = 0;
  let at = from;
  for (const m of all) {
    if (m.end <= at || m.start >= to) continue;
    length += m.start - at;
    at = m.end;
  }
  const rest = text.slice(at, to);
  return length + (LIST_GAP.test(rest) ? 0 : rest.length);
}

/** `经国务院同意，设立…`: an approval earlier in the mention's sentence, quoted up to the mention. */
function sentenceApproval(text: string, m: NameMention): Quote | null {
  let from = m.start;
  while (from > 0 && !/[。；！？\n]/.test(text[from - 1] ?? '')) from -= 1;
  const before = text.slice(from, m.start);
  const cue = PILOT_GRAMMAR.sentenceApproval.find((c) => before.includes(c));
  if (!cue) return null;
  const start = from + before.indexOf(cue);
  return { start, end: m.end, quote: text.slice(start, m.end) };
}

/** The status of the first mention with a cue next to it: a cue up to 6 characters before or 1 after. */
function statusOf(
  text: string,
  mentions: NameMention[],
  all: NameMention[],
): { status: PilotStatus | null; evidence: Quote | null } {
  for (const m of mentions) {
    const approval = sentenceApproval(text, m);
    if (approval) return { status: 'approved', evidence: approval };
    const clause = clauseAround(text, m.start, m.end);
    let best: { status: PilotStatus; at: number; end: number } | null = null;
    for (const match of text.slice(clause.start, clause.end).matchAll(STATUS)) {
      const at = clause.start + (match.index ?? 0);
      const end = at + match[0].length;
      const near =
        end <= m.start ? gap(text, all, end, m.start) <= 6 : at >= m.end && gap(text, all, m.end, at) <= 1;
      const cue = STATUS_CUES.find((c) => c.cue === match[0]);
      if (!near || !cue) continue;
      if (!best || STATUS_RANK.indexOf(cue.status) < STATUS_RANK.indexOf(best.status)) {
        best = { status: cue.status, at, end };
      }
    }
    if (best) {
      const start = Math.min(best.at, m.start);
      const end = Math.max(best.end, m.end);
      return { status: best.status, evidence: { start, end, quote: text.slice(start, end) } };
    }
  }
  return { status: null, evidence: null };
}

function levelOf(text: string, mentions: NameMention[]): PilotLevel | null {
  const typed = mentions.find((m) => m.type.level !== null)?.type.level;
  if (typed) return typed;
  for (const m of mentions) {
    const before = text.slice(Math.max(0, m.start - 4), m.start);
    for (const { level, cue } of LEVEL_CUES) if (m.name.startsWith(cue) || before.endsWith(cue)) return level;
  }
  return null;
}

/** The form an entity is called by: a form with its place first, then the fullest type word, then the most used. */
function canonicalForm(forms: NameMention[]): NameMention {
  const counts = new Map<string, number>();
  for (const f of forms) counts.set(f.name, (counts.get(f.name) ?? 0) + 1);
  return [...forms].sort(
    (a, b) =>
      Number(b.modifier !== '') - Number(a.modifier !== '') ||
      b.type.suffix.length - a.type.suffix.length ||
      (counts.get(b.name) ?? 0) - (counts.get(a.name) ?? 0) ||
      a.start - b.start,
  )[0] as NameMention;
}

/**
 * Mentions grouped per entity. A bare type word (综合保税区) is the zone of that type the text names with a place
 * when it names exactly one; when it names several, the bare word is ambiguous and makes no entity; when it names
 * none, the bare word is an entity of its own (在综合保税区开展试点).
 */
function group(mentions: NameMention[]): NameMention[][] {
  const groups = new Map<string, NameMention[]>();
  for (const m of mentions) groups.set(groupKey(m), [...(groups.get(groupKey(m)) ?? []), m]);
  for (const [key, list] of groups) {
    const [canonical, modifier] = key.split('|');
    if (modifier !== '') continue;
    const placed = [...groups.keys()].filter((k) => k !== key && k.startsWith(`${canonical}|`));
    if (placed.length === 0) continue;
    if (placed.length === 1) {
      const target = placed[0] as string;
      groups.set(target, [...(groups.get(target) ?? []), ...list]);
    }
    groups.delete(key);
  }
  return mergeShortForms([...groups.values()]).map((forms) => forms.sort((a, b) => a.start - b.start));
}

/**
 * A name that is the tail of exactly one longer name of the same type (资本金意愿结汇试点 after 外汇资本金意愿结汇试点)
 * is a short form of it, and joins it as an alias.
 */
function mergeShortForms(groups: NameMention[][]): NameMention[][] {
  const names = groups.map((forms) => canonicalForm(forms));
  const merged = new Set<number>();
  names.forEach((short, i) => {
    if (short.modifier.length < 2) return;
    const longer = names
      .map((long, j) => ({ long, j }))
      .filter(
        ({ long, j }) =>
          j !== i &&
          long.type.canonical === short.type.canonical &&
          long.name.length > short.name.length &&
          long.name.endsWith(short.name),
      );
    const only = longer.length === 1 ? longer[0] : undefined;
    if (!only || merged.has(only.j)) return;
    groups[only.j]?.push(...(groups[i] ?? []));
    merged.add(i);
  });
  return groups.filter((_, i) => !merged.has(i));
}

function confidenceOf(form: NameMention): number {
  if (form.type.needsCue) return 0.6;
  if (form.modifier === '') return 0.7;
  return form.type.kind === 'zone' && form.place ? 0.9 : 0.8;
}

function entityOf(text: string, forms: NameMention[], all: NameMention[]): PilotEntity | null {
  if (
    forms.every(
      (m) => m.type.kind === 'programme' && m.place !== null && m.modifier.replace(m.place, '') === '',
    )
  ) {
    return null;
  }
  if (forms[0]?.type.needsCue && !forms.some((m) => m.place !== null)) {
    if (forms.every((m) => inFieldList(text, m))) return null;
    const quoted = (m: NameMention) => m.quote.includes('“') || text[m.start - 1] === '“';
    const length = (m: NameMention) => m.modifier.replace(/的/g, '').length;
    // A platform with a short modifier (招商引资平台) is a common noun unless the text comes back to it.
    const long = forms.some((m) => quoted(m) || length(m) >= 5);
    if (!long && !(forms.length >= 2 && forms.some((m) => length(m) >= 4))) return null;
    const established = forms.some((m) => {
      const clause = clauseAround(text, m.start, m.end);
      return ESTABLISH.test(text.slice(clause.start, clause.end));
    });
    if (!established) return null;
  }
  const main = canonicalForm(forms);
  const aliases = new Set<string>();
  for (const f of forms) {
    if (f.name !== main.name) aliases.add(f.name);
    if (f.quote !== main.name && f.quote !== f.name && f.quote.endsWith(f.type.suffix)) aliases.add(f.quote);
    if (f.core && f.core !== main.name) aliases.add(f.core);
  }
  const english =
    main.modifier === ''
      ? { nameEn: main.type.en, source: 'glossary' as const }
      : englishName(main.name, 'pilot', main.place);
  const { status, evidence } = statusOf(text, forms, all);
  return {
    key: pilotKey(main.name),
    name: main.name,
    aliases: [...aliases],
    kind: main.type.kind,
    level: levelOf(text, forms),
    status,
    statusEvidence: evidence,
    nameEn: english?.nameEn ?? null,
    nameEnSource: english?.source ?? null,
    confidence: confidenceOf(main),
    mentions: forms.map((f) => ({ start: f.start, end: f.end, quote: f.quote })),
  };
}

/**
 * Pilots of the plan and the tasks that name them.
 * Returns entities in order of first mention, each with every mention (quote + offsets into `input.text`), and one
 * PILOTED_IN link per (task, pilot) where the pilot is named inside the task's span (basis `extracted`).
 * Pure: reads only `input.text` and `input.tasks`. Keys are pinyin slugs of the entity's name, unique per plan.
 */
export function extractPilots(input: ExtractionInput): { pilots: PilotEntity[]; links: PilotLink[] } {
  const all = findPilotNames(input.text);
  const pilots = group(all)
    .map((forms) => entityOf(input.text, forms, all))
    .filter((p): p is PilotEntity => p !== null)
    .sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
  const used = new Map<string, number>();
  for (const pilot of pilots) {
    const n = (used.get(pilot.key) ?? 0) + 1;
    used.set(pilot.key, n);
    if (n > 1) pilot.key = `${pilot.key}-${n}`;
  }
  const links: PilotLink[] = [];
  for (const task of input.tasks) {
    for (const pilot of pilots) {
      const evidence = pilot.mentions.filter((m) => m.start >= task.span.start && m.end <= task.span.end);
      if (evidence.length > 0) {
        links.push({
          task: task.id,
          pilot: pilot.key,
          basis: 'extracted',
          confidence: pilot.confidence,
          evidence,
        });
      }
    }
  }
  return { pilots, links };
}
