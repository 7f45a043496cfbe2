// Finds the bodies a text names, on top of jieba's segmentation and part-of-speech tags (nt organisation, ns place,
// nr/nz/j proper names) with the lexicon's names loaded as user words: a name ends with a lexicon form or a suffix
// of the naming grammar and extends left over name-like words only, so no verb, separator or clause gets inside.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { type NamingContext, type ResolvedAgency, resolveAgency } from './agency-names.ts';
import type { Lexicon } from './lexicon.ts';
import type { AgencyEntity, Quote, TextSpan } from './types.ts';

/** A token of jieba with its offsets in the plan text. */
export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

/** One place where the text names a body. */
export interface AgencyMention {
  agency: ResolvedAgency;
  quote: Quote;
}

let segmenter: Jieba | null = null;
/** The words loaded into jieba: every name they form ends a candidate name. */
const userWords = new Set<string>();
/** The grammar's suffixes: they end names but do not make one proper. */
const suffixWords = new Set<string>();

/** jieba with the lexicon's names (every central form, local form with and without level, suffix) as `nt` words. */
function jieba(lexicon: Lexicon): Jieba {
  if (segmenter) return segmenter;
  const words = new Set<string>();
  for (const body of lexicon.central) for (const form of [body.name, ...body.short]) words.add(form);
  for (const { form } of lexicon.localForms) {
    if (form.length < 2) continue;
    words.add(form);
    for (const level of lexicon.levels) words.add(`${level.prefix}${form}`);
  }
  for (const { suffix } of lexicon.grammar.suffixes) {
    suffixWords.add(suffix);
    if (suffix.length > 1) words.add(suffix);
  }
  for (const sector of lexicon.sectors.keys()) words.add(`${sector}部门`);
  for (const department of lexicon.local.filter((d) => d.forms.some((f) => f.length === 1))) {
    for (const form of department.forms)
      for (const level of lexicon.levels) words.add(`${level.prefix}${form}`);
  }
  for (const word of words) userWords.add(word);
  const jb = Jieba.withDict(dict);
  jb.loadDict(Buffer.from([...words].map((w) => `${w} 200000 nt`).join('\n')));
  segmenter = jb;
  return jb;
}

/** Segments a piece of the plan text; offsets are the piece's own plus the token's place in it. */
export function tokenise(piece: TextSpan, lexicon: Lexicon): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  for (const { word, tag } of jieba(lexicon).tag(piece.text)) {
    const found = piece.text.indexOf(word, at);
    if (found < 0) continue;
    tokens.push({ word, tag, start: piece.start + found, end: piece.start + found + word.length });
    at = found + word.length;
  }
  return tokens;
}

/** Tags that may stand inside a name (nouns, places, proper names, abbreviations, distinguishing words). */
const NAME_PART = /^(n|nr|ns|nt|nz|nrt|nrfg|j|vn|b|ng|an|v|eng|m)$/;
/** Tags that never open a name found by the grammar alone (启动工投集团 is 工投集团). */
const NOT_HEAD = /^(v|vn|vd|d|ad)$/;
/** Tags of a strong name start: a place, a proper name, an abbreviation, an organisation. */
const STRONG_START = /^(nr|ns|nz|nt|nrt|nrfg|j)$/;
/** Tags after which a name may end: anything but a noun-like word that would continue the compound. */
const CONTINUES = /^(n|ng|nz|vn|an|b|a|j|l)$/;
const MAX_TOKENS = 7;

/** Does the token end a name: a lexicon or user-dictionary organisation, or a word ending with a grammar suffix? */
function endsName(token: Token, lexicon: Lexicon): boolean {
  if (!/^\p{Script=Han}+$/u.test(token.word)) return false;
  if (token.tag === 'nt' || userWords.has(token.word)) return true;
  return lexicon.grammar.suffixes.some((s) => token.word.endsWith(s.suffix) && s.suffix.length > 1);
}

/** Words that end a stretch of name-like tokens even when tagged as nouns (role cues, 会同, 等 …). */
function isBoundary(word: string, lexicon: Lexicon): boolean {
  const cues = lexicon.grammar.cues;
  return [...cues.lead, ...cues.involved, ...cues.shared, ...cues.with, ...cues.by].includes(word);
}

/**
 * The bodies named in one piece of text, longest name first, without overlaps. `loose` (a responsibility note's
 * items) accepts grammar names without a proper-name start.
 */
export function findAgencyMentions(piece: TextSpan, ctx: NamingContext): AgencyMention[] {
  const tokens = tokenise(piece, ctx.lexicon);
  const found: AgencyMention[] = [];
  let blockedUntil = Number.POSITIVE_INFINITY;
  for (let i = tokens.length - 1; i >= 0; i -= 1) {
    const last = tokens[i];
    if (!last || last.end > blockedUntil || !endsName(last, ctx.lexicon)) continue;
    const next = tokens[i + 1];
    if (next && CONTINUES.test(next.tag) && next.tag !== 'nt' && !isBoundary(next.word, ctx.lexicon))
      continue;
    const mention = longestName(tokens, i, ctx, piece);
    if (!mention) continue;
    found.push(mention);
    blockedUntil = mention.quote.start;
    while (i > 0 && (tokens[i - 1]?.end ?? 0) > mention.quote.start) i -= 1;
  }
  return found.reverse();
}

function longestName(
  tokens: Token[],
  endIndex: number,
  ctx: NamingContext,
  piece: TextSpan,
): AgencyMention | null {
  let first = endIndex;
  while (first > 0 && endIndex - first < MAX_TOKENS - 1) {
    const previous = tokens[first - 1];
    if (previous?.word === '本级') {
      first -= 1;
      break;
    }
    if (!previous || !NAME_PART.test(previous.tag) || !/^\p{Script=Han}+$/u.test(previous.word)) break;
    if (isBoundary(previous.word, ctx.lexicon) || ctx.lexicon.grammar.generic.includes(previous.word)) break;
    if (ctx.lexicon.grammar.kindWords.includes(previous.word)) break;
    first -= 1;
  }
  const last = tokens[endIndex];
  if (!last) return null;
  for (let start = first; start <= endIndex; start += 1) {
    const head = tokens[start];
    if (!head) continue;
    // 各区县政府, 有关部门: a collective, not one body.
    const before = tokens[start - 1]?.word ?? '';
    if (before.startsWith('各') || ['有关', '相关', '其他'].includes(before)) continue;
    // A verb may stand inside a long name (哈银金融租赁公司) but never open it or follow its first word.
    if (head.tag === 'v' && start < endIndex) continue;
    if (ctx.lexicon.grammar.notNameStart.includes(head.word)) continue;
    const span = tokens.slice(start, endIndex + 1);
    if (span.some((t, i) => t.tag === 'v' && i > 0 && i < 3 && i < span.length - 1)) continue;
    const surface = piece.text.slice(head.start - piece.start, last.end - piece.start);
    const core = span.slice(0, -1);
    // A core of single characters jieba could not join is an abbreviation (工投集团, 哈投集团): a proper name.
    const abbreviation =
      core.length >= 2 && core.every((t) => t.word.length === 1 && /^(n|vn|nr|ng|j|b)$/.test(t.tag));
    const strong = abbreviation || span.some((t) => STRONG_START.test(t.tag) && !suffixWords.has(t.word));
    const agency = resolveAgency(surface, ctx, strong ? 'proper' : 'strict');
    if (!agency || (agency.lexiconId === null && NOT_HEAD.test(head.tag))) continue;
    return { agency, quote: { quote: surface, start: head.start, end: last.end } };
  }
  return null;
}

/** Gathers mentions into one AgencyEntity per key: the canonical name, every other form as an alias. */
export class AgencyRegistry {
  private readonly byKey = new Map<string, AgencyEntity>();

  add(agency: ResolvedAgency, quote: Quote): AgencyEntity {
    let entity = this.byKey.get(agency.key);
    if (!entity) {
      entity = { ...agency, aliases: [], mentions: [] };
      this.byKey.set(agency.key, entity);
    }
    entity.confidence = Math.max(entity.confidence, agency.confidence);
    if (quote.quote !== entity.name && !entity.aliases.includes(quote.quote))
      entity.aliases.push(quote.quote);
    if (!entity.mentions.some((m) => m.start === quote.start && m.end === quote.end))
      entity.mentions.push(quote);
    return entity;
  }

  get(key: string): AgencyEntity | undefined {
    return this.byKey.get(key);
  }

  entities(): AgencyEntity[] {
    return [...this.byKey.values()].map((e) => ({
      ...e,
      mentions: [...e.mentions].sort((a, b) => a.start - b.start),
    }));
  }
}
