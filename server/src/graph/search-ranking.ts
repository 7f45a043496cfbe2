// Ranks search candidates: exact names and aliases first, then prefixes, substrings, pinyin and passing
// mentions in texts; each hit gets a snippet with the matched part between «» markers.
import { NodeLabel } from '../domain/model.ts';
import type { GraphNode, SearchHit } from '../domain/types.ts';
import { namePinyin, pinyinSpan } from './pinyin.ts';

export interface SearchText {
  text: string;
  lower: string;
  /** Lower-case letters of a Latin-only query, for pinyin; '' otherwise. */
  pinyin: string;
}

export function searchText(raw: string): SearchText {
  const text = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  const lower = text.toLowerCase();
  const pinyin = /^[a-z' ]+$/.test(lower) ? lower.replace(/[^a-z]/g, '') : '';
  return { text, lower, pinyin };
}

const LABEL_BONUS: Partial<Record<NodeLabel, number>> = {
  [NodeLabel.Pilot]: 6,
  [NodeLabel.Agency]: 5,
  [NodeLabel.Domain]: 4,
  [NodeLabel.Task]: 3,
  [NodeLabel.Chapter]: 1,
  [NodeLabel.Section]: 1,
};

/** Labels whose names people type in pinyin; the importer stores pinyin properties on these. */
export const PINYIN_LABELS: readonly NodeLabel[] = [
  NodeLabel.Agency,
  NodeLabel.Pilot,
  NodeLabel.Domain,
  NodeLabel.Task,
];

const SNIPPET_CONTEXT = 30;

interface Match {
  score: number;
  matchedOn: SearchHit['matchedOn'];
  snippet: string;
}

function mark(value: string, from: number, to: number): string {
  return `${value.slice(0, from)}«${value.slice(from, to)}»${value.slice(to)}`;
}

function window(value: string, from: number, to: number): string {
  const start = Math.max(0, from - SNIPPET_CONTEXT);
  const end = Math.min(value.length, to + SNIPPET_CONTEXT);
  const body = mark(value.slice(start, end), from - start, to - start);
  return `${start > 0 ? '…' : ''}${body}${end < value.length ? '…' : ''}`.replace(/\s+/g, ' ');
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** exact > prefix > whole word > substring; `base` is the field's weight for an exact match. */
function fieldMatch(value: string, q: SearchText, base: number, matchedOn: Match['matchedOn']): Match | null {
  const lower = value.toLowerCase();
  const at = lower.indexOf(q.lower);
  if (at < 0) {
    const words = q.lower.split(' ').filter((word) => word.length > 1);
    if (words.length > 1 && words.every((word) => lower.includes(word))) {
      const first = lower.indexOf(words[0] ?? '');
      return { score: base - 50, matchedOn, snippet: mark(value, first, first + (words[0]?.length ?? 0)) };
    }
    return null;
  }
  const snippet = mark(value, at, at + q.lower.length);
  if (lower === q.lower) return { score: base, matchedOn, snippet };
  // Of two names holding the query, the one it covers more of is the likelier target ("bonded zone": the
  // zone itself before the zone's committee).
  const coverage = Math.round((10 * q.lower.length) / lower.length) / 2;
  if (at === 0) return { score: base - 25 + coverage, matchedOn, snippet };
  const wordStart =
    !/[a-z0-9]/.test(lower[at - 1] ?? '') && !/[a-z0-9]/.test(lower[at + q.lower.length] ?? '');
  return { score: base - (wordStart && /[a-z]/.test(q.lower) ? 39 : 45) + coverage, matchedOn, snippet };
}

function pinyinMatch(node: GraphNode, name: string, q: SearchText): Match | null {
  if (q.pinyin.length < 2) return null;
  const hasStored = str(node.properties.pinyin) !== null;
  if (!hasStored && !node.labels.some((label) => PINYIN_LABELS.includes(label))) return null;
  const py = namePinyin(name);
  const full = str(node.properties.pinyin) ?? py.full;
  const initials = str(node.properties.pinyinInitials) ?? py.initials;
  let score = 0;
  if (full === q.pinyin) score = 94;
  else if (initials === q.pinyin) score = 92;
  else if (full.startsWith(q.pinyin)) score = 74;
  else if (initials.startsWith(q.pinyin)) score = 70;
  else if (full.includes(q.pinyin)) score = 50;
  else if (q.pinyin.length >= 3 && initials.includes(q.pinyin)) score = 40;
  else return null;
  const span = pinyinSpan(py, q.pinyin);
  const snippet = span
    ? mark(name, py.chars.slice(0, span.from).join('').length, py.chars.slice(0, span.to).join('').length)
    : name;
  return { score, matchedOn: 'pinyin', snippet };
}

function textMatch(value: string, q: SearchText): Match | null {
  const lower = value.toLowerCase();
  const at = lower.indexOf(q.lower);
  if (at < 0) return null;
  let count = 0;
  for (let i = at; i >= 0 && count < 5; i = lower.indexOf(q.lower, i + q.lower.length)) count++;
  return { score: 20 + count, matchedOn: 'text', snippet: window(value, at, at + q.lower.length) };
}

export function rankCandidate(node: GraphNode, q: SearchText): SearchHit | null {
  const label = node.labels[0];
  if (!label || q.lower.length === 0) return null;
  const name = str(node.properties.name) ?? '';
  const nameEn = str(node.properties.nameEn);
  const matches: Array<Match | null> = [
    name ? fieldMatch(name, q, 100, 'name') : null,
    ...strings(node.properties.aliases).map((alias) => fieldMatch(alias, q, 98, 'alias')),
    nameEn ? fieldMatch(nameEn, q, 96, 'nameEn') : null,
    name ? pinyinMatch(node, name, q) : null,
    ...['title', 'text', 'quote'].map((key) => {
      const value = str(node.properties[key]);
      return value ? textMatch(value, q) : null;
    }),
  ];
  let best: Match | null = null;
  for (const match of matches) if (match && (!best || match.score > best.score)) best = match;
  if (!best) return null;
  return {
    id: node.id,
    label,
    name,
    nameEn,
    score: best.score + (LABEL_BONUS[label] ?? 0),
    snippet: best.snippet,
    matchedOn: best.matchedOn,
  };
}

export function rankHits(nodes: readonly GraphNode[], q: SearchText, limit: number): SearchHit[] {
  const hits = new Map<string, SearchHit>();
  for (const node of nodes) {
    const hit = rankCandidate(node, q);
    if (hit && !hits.has(hit.id)) hits.set(hit.id, hit);
  }
  return [...hits.values()]
    .sort((a, b) => b.score - a.score || a.name.length - b.name.length || a.id.localeCompare(b.id))
    .slice(0, limit);
}
