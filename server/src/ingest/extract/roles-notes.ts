// Reads who leads and who joins from the genre's responsibility notes and sentences: （负责部门：A、B）,
// （A牵头，B、C参与）, （A、B负责）, 由A负责, A会同B…, A指导，B负责, A按职责分工负责, and a document's own
// convention (列第一位者为牵头单位). Each role comes with the words that state it.

import { findAgencyMentions } from './agencies.ts';
import { trimStart } from './agencies-listed.ts';
import { type NamingContext, type ResolvedAgency, resolveAgency } from './agency-names.ts';
import type { Quote, TextSpan } from './types.ts';

export type Role = 'lead' | 'involved';

export interface NoteItem {
  agency: ResolvedAgency;
  /** Where the body is named inside the note. */
  quote: Quote;
  role: Role;
}

export interface ResponsibilityNote {
  /** The note or sentence that assigns the roles. */
  evidence: Quote;
  items: NoteItem[];
  /** A parenthesised note, or a sentence of running text (read more strictly). */
  form: 'note' | 'sentence';
}

type CueKind = 'lead' | 'involved' | 'shared' | 'with' | 'by';

interface Cue {
  kind: CueKind;
  start: number;
  end: number;
}

/** Words after a list that do not belong to its last name (…等, …要, …按职责). */
const TRAILING =
  /(等部门|等单位|等|要|将|应|须|共同|具体|分别|各自|按照职责|按职责|为|统一|加强|进一步|也要|还要|依法|发挥|[*\s])+$/u;
/** Words before a list that do not belong to its first name. */
const LEADING = /^(由|并|要|请|其中|同时|另外|和|与|及|以及|、|，|[*\s])+/u;
/** Collectives that are no one body (有关部门, 各省级人民政府): dropped without failing the list. */
const COLLECTIVE =
  /^(各|有关|相关|其他|其它|本|所在|当地|地方)|(有关部门|相关部门|有关方面|有关单位)$|^(企业|社会|个人|群众|公众|社会组织|市场主体|金融机构|社会力量|专家|居民)$/u;

function cueList(ctx: NamingContext): Array<{ word: string; kind: CueKind }> {
  const c = ctx.lexicon.grammar.cues;
  const all: Array<{ word: string; kind: CueKind }> = [
    ...c.shared.map((word) => ({ word, kind: 'shared' as const })),
    ...c.lead.map((word) => ({ word, kind: 'lead' as const })),
    ...c.involved.map((word) => ({ word, kind: 'involved' as const })),
    ...c.with.map((word) => ({ word, kind: 'with' as const })),
  ];
  return all.sort((a, b) => b.word.length - a.word.length);
}

function findCues(text: string, base: number, ctx: NamingContext): Cue[] {
  const cues: Cue[] = [];
  const words = cueList(ctx);
  for (let i = 0; i < text.length; ) {
    const hit = words.find((w) => text.startsWith(w.word, i));
    // 负责的, 承担的: an attribute (承担的风险), not who leads; 共同参与的机制 still says who takes part.
    if (hit && hit.kind === 'lead' && text[i + hit.word.length] === '的') {
      i += hit.word.length;
      continue;
    }
    if (hit) {
      cues.push({ kind: hit.kind, start: base + i, end: base + i + hit.word.length });
      i += hit.word.length;
    } else i += 1;
  }
  return cues;
}

/**
 * Splits a list of bodies (A、B和C等) into names, each resolved; names that do not resolve are dropped, and
 * `failed` says whether any non-collective item failed (a sentence whose subject is no body is not a note).
 */
export function readList(
  text: string,
  base: number,
  ctx: NamingContext,
  loose: boolean,
): { items: Array<{ agency: ResolvedAgency; quote: Quote }>; failed: boolean } {
  // In a sentence a bare lexicon form (政府、工会) is a body; a name of the grammar alone needs a proper start.
  const resolveItem = (name: string) => {
    const found = resolveAgency(name, ctx, loose ? 'context' : 'strict');
    if (found || loose) return found;
    const lexical = resolveAgency(name, ctx, 'proper');
    return lexical?.lexiconId ? lexical : null;
  };
  const items: Array<{ agency: ResolvedAgency; quote: Quote }> = [];
  let failed = false;
  const pieces = splitKeep(text, /[、，,；;：:]/u);
  for (const [index, piece] of pieces.entries()) {
    let whole = clean(piece.text, piece.offset);
    if (!whole) continue;
    if (!resolveItem(whole.text) && (index === 0 || !COLLECTIVE.test(whole.text))) {
      // 报国务院, 2004年发展改革委, 完善政府: the words before the name are a verb, a date …
      const trimmed = trimStart(whole.text, base + whole.offset, ctx);
      if (index === 0 || (trimmed.text.length >= 2 && resolveItem(trimmed.text))) {
        whole = { text: trimmed.text, offset: trimmed.start - base };
      }
    }
    const direct = resolveItem(whole.text);
    if (direct) {
      items.push({
        agency: direct,
        quote: {
          quote: whole.text,
          start: base + whole.offset,
          end: base + whole.offset + whole.text.length,
        },
      });
      continue;
    }
    // A、B和C: split at 和/与/及 only where the parts are names (文化和旅游部 stays whole), longest first.
    const parts = splitKeep(whole.text, /和|与|及|以及/u);
    for (let i = 0; i < parts.length; ) {
      let taken = 0;
      for (let j = parts.length - 1; j >= i && taken === 0; j -= 1) {
        const from = parts[i]?.offset ?? 0;
        const last = parts[j];
        const name = last
          ? clean(whole.text.slice(from, last.offset + last.text.length), whole.offset + from)
          : null;
        const agency = name ? resolveItem(name.text) : null;
        if (name && agency) {
          items.push({
            agency,
            quote: {
              quote: name.text,
              start: base + name.offset,
              end: base + name.offset + name.text.length,
            },
          });
          taken = j - i + 1;
        }
      }
      if (taken === 0) {
        const name = clean(parts[i]?.text ?? '', 0);
        if (name && !COLLECTIVE.test(name.text)) failed = true;
        taken = 1;
      }
      i += taken;
    }
  }
  return { items, failed };
}

function clean(text: string, offset: number): { text: string; offset: number } | null {
  const lead = LEADING.exec(text)?.[0].length ?? 0;
  const body = text.slice(lead).replace(TRAILING, '').trim();
  if (body.length < 2) return null;
  return { text: body, offset: offset + lead + text.slice(lead).indexOf(body) };
}

function splitKeep(text: string, separator: RegExp): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  const global = new RegExp(separator.source, 'gu');
  let at = 0;
  for (const match of text.matchAll(global)) {
    out.push({ text: text.slice(at, match.index), offset: at });
    at = (match.index ?? 0) + match[0].length;
  }
  out.push({ text: text.slice(at), offset: at });
  return out;
}

/**
 * Reads the roles of one note or sentence `span` (its text with offsets). `firstLeads`: the document's convention
 * that the first body of a 负责 list leads. `form` sentence is stricter: a list that is not all bodies is no list.
 */
export function readRoles(
  span: TextSpan,
  ctx: NamingContext,
  firstLeads: boolean,
  form: 'note' | 'sentence',
): NoteItem[] {
  const labelled = readLabelled(span, ctx, firstLeads);
  if (labelled) return labelled;
  const loose = form === 'note';
  const items: NoteItem[] = [];
  const emit = (text: string, base: number, looseHere: boolean, role: (index: number) => Role) => {
    const { items: listed, failed } = readList(text, base, ctx, looseHere);
    if (listed.length === 0 || (failed && form === 'sentence')) return;
    listed.forEach((item, index) => {
      items.push({ ...item, role: role(index) });
    });
  };
  /**
   * A会同B，C负责: the bodies after 会同 up to the end of the clause are involved; in 由A会同B、C确定名单 the list
   * of bodies ends where the verb phrase begins.
   */
  const emitWith = (segment: string, base: number): number => {
    const end = segment.search(/[，。；]/u);
    const clause = end < 0 ? segment : segment.slice(0, end);
    emit(clause.slice(0, listEnd(clause, base, ctx)), base, loose, () => 'involved');
    return end;
  };
  let from = 0;
  let withList = false;
  for (const cue of findCues(span.text, span.start, ctx)) {
    const segmentStart = from;
    const segment = span.text.slice(segmentStart, cue.start - span.start);
    from = cue.end - span.start;
    if (withList) {
      withList = cue.kind === 'with';
      const end = emitWith(segment, span.start + segmentStart);
      if (end < 0) continue;
    }
    const clauseStart = Math.max(
      segment.lastIndexOf('，'),
      segment.lastIndexOf('。'),
      segment.lastIndexOf('；'),
    );
    // 由A负责 inside a clause: the list starts after 由.
    const by = segment.lastIndexOf('由');
    const cut = Math.max(clauseStart + 1, by + 1);
    const cueWord = span.text.slice(cue.start - span.start, cue.end - span.start);
    // The subject of 由…, …会同 and a note's list are bodies by their place: grammar names need no proper start.
    const looseHere = loose || by >= 0 || cue.kind === 'with';
    if (cue.kind === 'with' && segment.slice(cut).trim() === '' && clauseStart >= 0) {
      // A要加强…，会同B…: the subject of 会同 is the body that opens the sentence.
      const subject = sentenceSubject(span, ctx);
      if (subject) items.push({ ...subject, role: 'lead' });
    }
    emit(segment.slice(cut), span.start + segmentStart + cut, looseHere, (index) => {
      switch (cue.kind) {
        case 'with':
          return 'lead';
        case 'lead':
          return firstLeads && index > 0 && !/牵头/u.test(cueWord) ? 'involved' : 'lead';
        case 'shared':
        case 'involved':
        case 'by':
          return 'involved';
      }
    });
    withList = cue.kind === 'with';
  }
  if (withList) emitWith(span.text.slice(from), span.start + from);
  return dedupe(items);
}

/**
 * Where a list of bodies that opens `text` (which starts at absolute offset `base`) ends: after its last name when
 * the names follow one another separated only by 、/和/与/及, else the whole text (the list reader decides).
 */
function listEnd(text: string, base: number, ctx: NamingContext): number {
  const mentions = findAgencyMentions({ text, start: base, end: base + text.length }, ctx);
  let at = 0;
  for (const mention of mentions) {
    const start = mention.quote.start - base;
    if (!/^[、，,\s]*(?:和|与|及|以及)?\s*$/u.test(text.slice(at, start))) break;
    at = mention.quote.end - base;
  }
  return at > 0 ? at : text.length;
}

/** The body that opens a sentence (司法部要加强…), when one does. */
function sentenceSubject(
  span: TextSpan,
  ctx: NamingContext,
): { agency: ResolvedAgency; quote: Quote } | null {
  const end = span.text.search(/[，。；]/u);
  const clause = end < 0 ? span.text : span.text.slice(0, end);
  const first = findAgencyMentions(
    { text: clause, start: span.start, end: span.start + clause.length },
    ctx,
  )[0];
  return first && first.quote.start === span.start ? first : null;
}

/** （负责部门：A、B）, （牵头单位：A；配合单位：B、C）. */
function readLabelled(span: TextSpan, ctx: NamingContext, firstLeads: boolean): NoteItem[] | null {
  const labels = ctx.lexicon.grammar.cues.labels;
  const all = [
    ...labels.lead.map((word) => ({ word, role: 'lead' as Role })),
    ...labels.involved.map((word) => ({ word, role: 'involved' as Role })),
  ];
  const pattern = new RegExp(`(${all.map((l) => l.word).join('|')})[：:]`, 'gu');
  const hits = [...span.text.matchAll(pattern)];
  if (hits.length === 0) return null;
  const items: NoteItem[] = [];
  hits.forEach((hit, index) => {
    const label = all.find((l) => l.word === hit[1]);
    const start = (hit.index ?? 0) + hit[0].length;
    const end = hits[index + 1]?.index ?? span.text.length;
    const listText = span.text.slice(start, end).replace(/[；;。）)]+\s*$/u, '');
    const { items: listed } = readList(listText, span.start + start, ctx, true);
    // Only a label that says 牵头 makes every listed body lead when the document states a first-leads convention.
    const says = label?.word.includes('牵头');
    listed.forEach((item, i) => {
      const role: Role = label?.role === 'lead' && (says || !firstLeads || i === 0) ? 'lead' : 'involved';
      items.push({ ...item, role });
    });
  });
  return dedupe(items);
}

function dedupe(items: NoteItem[]): NoteItem[] {
  const byKey = new Map<string, NoteItem>();
  for (const item of items) {
    const seen = byKey.get(item.agency.key);
    if (!seen || (seen.role === 'involved' && item.role === 'lead')) byKey.set(item.agency.key, item);
  }
  return items.filter((item) => byKey.get(item.agency.key) === item);
}
