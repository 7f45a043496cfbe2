// Bodies named as items of a list closed by a kind of body: 海关、检验检疫等口岸管理部门, 地铁集团、交通集团、
// 物业供热等公益类企业. The closing word says the items are bodies even when one carries no suffix.
import type { AgencyMention } from './agencies.ts';
import { tokenise } from './agencies.ts';
import { type NamingContext, resolveAgency } from './agency-names.ts';
import { slug } from './lexicon-locality.ts';
import type { TextSpan } from './types.ts';

/** Tags that cannot open a name: verbs, adverbs, prepositions, conjunctions, particles. */
const NOT_NAME_START = /^(v|vd|d|ad|p|c|u|uj|ul|r|f|t|m|q)$/;

/**
 * Items of “A、B、C等…<head>” lists, where head is a kind of body (部门, 单位, 机构, 企业 …, data:
 * naming-grammar.json listHeads). The first item is trimmed of the words before it (积极推进海关 → 海关).
 */
export function findListedBodies(piece: TextSpan, ctx: NamingContext): AgencyMention[] {
  const heads = ctx.lexicon.grammar.listHeads.join('|');
  const pattern = new RegExp(
    `((?:[\\p{Script=Han}]{2,16}、)+[\\p{Script=Han}]{2,12})等[\\p{Script=Han}]{0,8}?(${heads})`,
    'gu',
  );
  const found: AgencyMention[] = [];
  for (const match of piece.text.matchAll(pattern)) {
    const list = match[1] ?? '';
    const head = match[2] ?? '';
    const base = piece.start + (match.index ?? 0);
    let offset = 0;
    list.split('、').forEach((raw, index) => {
      const itemStart = offset;
      offset += raw.length + 1;
      const trimmed =
        index === 0 ? trimStart(raw, base + itemStart, ctx) : { text: raw, start: base + itemStart };
      if (trimmed.text.length < 2) return;
      const agency =
        resolveAgency(trimmed.text, ctx, 'proper') ??
        (/企业|集团|公司/u.test(head) ? enterprise(trimmed.text, ctx) : null);
      if (!agency) return;
      found.push({
        agency,
        quote: { quote: trimmed.text, start: trimmed.start, end: trimmed.start + trimmed.text.length },
      });
    });
  }
  return found;
}

/** Drops the words before a list's first name (积极推进海关 → 海关): verbs, adverbs, prepositions … */
export function trimStart(text: string, start: number, ctx: NamingContext): { text: string; start: number } {
  const tokens = tokenise({ text, start, end: start + text.length }, ctx.lexicon);
  let first = 0;
  for (let i = 0; i < tokens.length - 1; i += 1) {
    const word = tokens[i]?.word ?? '';
    // 各区县政府, 有关部门: what follows a collective word is no one body.
    if (word.startsWith('各') || ['有关', '相关', '其他'].includes(word)) return { text: '', start };
    if (NOT_NAME_START.test(tokens[i]?.tag ?? '')) first = i + 1;
  }
  const token = tokens[first];
  if (!token) return { text, start };
  return { text: text.slice(token.start - start), start: token.start };
}

/** An enterprise named without a suffix in a list of enterprises (物业供热 in …等公益类企业). */
function enterprise(name: string, ctx: NamingContext) {
  const { generic, kindWords } = ctx.lexicon.grammar;
  if ([...generic, ...kindWords].some((word) => name.includes(word)) || name.length > 8) return null;
  return {
    key: slug(name),
    name,
    kind: 'enterprise' as const,
    level: 'other' as const,
    nameEn: null,
    nameEnSource: null,
    lexiconId: null,
    confidence: 0.5,
  };
}
