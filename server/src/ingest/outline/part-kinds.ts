// What a part of a Chinese official document is, read from its title: the genre names its non-action parts in
// fixed words (指导思想, 总体要求, 基本原则, 主要目标, 保障措施, 组织实施 …; background such as 规划基础, 主要问题).
// Every other part is an action part: its enumerated items are tasks wherever it stands and whatever it is called.

export type PartKind = 'action' | 'principles' | 'goals' | 'safeguards' | 'background';

/** Titles that name a part by what it is; they are short noun phrases, so only short titles are read this way. */
const KIND_TITLES: Array<{ kind: Exclude<PartKind, 'action'>; pattern: RegExp }> = [
  {
    kind: 'principles',
    pattern:
      /指导思想|基本原则|主要原则|推进原则|工作原则|总体要求|总体思路|基本思路|总体考虑|基本要求|原则$/,
  },
  { kind: 'goals', pattern: /(?:主要|工作|发展|总体|基本|改革|具体|阶段性?)目标|^目标(?:任务)?$/ },
  {
    kind: 'safeguards',
    pattern:
      /保障措施|保障机制|实施保障|保障体系|组织保障|组织实施|组织领导|加强领导|有关要求|工作要求|实施步骤|进度安排|时间安排|步骤安排|工作安排|监督检查|督促检查|考核评估/,
  },
  {
    kind: 'background',
    pattern:
      /(?:基础|形势|现状|背景|回顾|成效|成就)$|^(?:主要|存在的?|面临的?)问题$|^(?:进展|成效|成就)|^前\s*言$|^序\s*言$/,
  },
];
const KIND_TITLE_MAX = 14;

/** The kind of a part from its title (`保障措施` → safeguards, `深化放管服改革` → action). */
export function partKind(title: string): PartKind {
  const words = title.replace(/[\s。：:]+$/g, '');
  if (words.length > KIND_TITLE_MAX) return 'action';
  return KIND_TITLES.find(({ pattern }) => pattern.test(words))?.kind ?? 'action';
}
