// Pilot-like phrases the annotation's dictionary lacks (…试点, …试验区, …新区 …): listed in the import summary
// so a curator can add them to the plan's YAML. They never become nodes, since their extent is a guess.
import type { Match } from './dictionary.ts';
import type { TextPiece } from './sentences.ts';

export interface PilotCandidate {
  phrase: string;
  count: number;
  /** Offset of the first occurrence in the plan text. */
  firstAt: number;
}

const SUFFIX =
  /(综合改革试点|综合试点|改革试点|试点城市|试点|综合试验区|试验区|实验区|示范区|示范基地|先行区|合作区|新区|保税区|综合保税区|自贸区|自由贸易试验区|经济区|开发区|高新区|产业园区|功能区)/g;
const STOP = /[的和及与在把将对为以了被下向从由或等、，。；：“”《》（）()\s]/;
const VERB_PREFIX =
  /^(?:加快|推进|推动|建设|申建|辟建|积极|开展|争取|申请|设立|打造|深化|全域|实施|创建|支持|依托|围绕|发挥|扩大|成为|列入|获批|获得|进一步|全面|大力|努力|启动|完善|做好|探索|参与|纳入|组织|落实|促进|建立|健全|稳步|逐步|国家|申报|继续|推广)+/;
const GENERIC = /^(?:试点|新区|开发区|示范区|改革试点|综合试点|试验区|产业园区|功能区|经济区)$/;

export function findPilotCandidates(pieces: TextPiece[], known: Match[]): PilotCandidate[] {
  const covered = known.map((match) => [match.start, match.end] as const);
  const isKnown = (start: number, end: number) => covered.some(([s, e]) => start < e && s < end);
  const found = new Map<string, PilotCandidate>();
  for (const piece of pieces) {
    for (const match of piece.text.matchAll(SUFFIX)) {
      const end = (match.index ?? 0) + match[0].length;
      let start = match.index ?? 0;
      while (start > 0 && end - start < 16 && !STOP.test(piece.text[start - 1] ?? '')) start -= 1;
      let phrase = piece.text.slice(start, end);
      const prefix = VERB_PREFIX.exec(phrase);
      if (prefix && prefix[0].length < phrase.length) {
        start += prefix[0].length;
        phrase = phrase.slice(prefix[0].length);
      }
      if (phrase.length < 4 || GENERIC.test(phrase)) continue;
      const absStart = piece.start + start;
      if (isKnown(absStart, piece.start + end)) continue;
      const entry = found.get(phrase);
      if (entry) entry.count += 1;
      else found.set(phrase, { phrase, count: 1, firstAt: absStart });
    }
  }
  return [...found.values()].sort((a, b) => a.firstAt - b.firstAt);
}
