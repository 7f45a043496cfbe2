// The words of the domain overview in both languages: a closed domain's counts, an aggregated link's label and
// the overview controls. Kept beside the overview rather than in model/i18n.ts, which another area audits.
import type { DomainCounts, DomainLink } from '../model/overview.ts';
import type { Lang } from '../types.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "12项任务 · 9个部门 · 3个试点" / "12 tasks · 9 agencies · 3 pilots". */
export function countsText(counts: DomainCounts, lang: Lang): string {
  // No space inside a count, as Chinese sets numbers, so a line breaks only between counts.
  if (lang === 'zh') return `${counts.tasks}项任务 · ${counts.agencies}个部门 · ${counts.pilots}个试点`;
  return [
    plural(counts.tasks, 'task', 'tasks'),
    plural(counts.agencies, 'agency', 'agencies'),
    plural(counts.pilots, 'pilot', 'pilots'),
  ].join(' · ');
}

/** What two domains share, leaving out what they do not: "依赖 3 · 共同部门 5" / "3 dependencies · 5 agencies". */
export function linkText(link: Pick<DomainLink, 'dependencies' | 'agencies' | 'pilots'>, lang: Lang): string {
  const parts: string[] = [];
  if (lang === 'zh') {
    if (link.dependencies > 0) parts.push(`依赖 ${link.dependencies}`);
    if (link.agencies > 0) parts.push(`共同部门 ${link.agencies}`);
    if (link.pilots > 0) parts.push(`共同试点 ${link.pilots}`);
  } else {
    if (link.dependencies > 0) parts.push(plural(link.dependencies, 'dependency', 'dependencies'));
    if (link.agencies > 0) parts.push(plural(link.agencies, 'shared agency', 'shared agencies'));
    if (link.pilots > 0) parts.push(plural(link.pilots, 'shared pilot', 'shared pilots'));
  }
  return parts.join(' · ');
}

/** The status line's share for what the overview keeps inside closed domains. */
export function foldedText(n: number, lang: Lang): string {
  return lang === 'zh'
    ? `${n} 个节点收在领域中（点击领域展开）`
    : `${n} nodes inside domains (click one to open it)`;
}

/** The footer's count of the aggregated links the overview draws between domains. */
export function domainLinksText(n: number, lang: Lang): string {
  return lang === 'zh' ? `${n} 条领域间关联` : `${n} links between domains`;
}

export type OverviewMessage = 'overview' | 'overviewTitle' | 'openAll' | 'openAllTitle';

const MESSAGES: Record<Lang, Record<OverviewMessage, string>> = {
  zh: {
    overview: '总览',
    overviewTitle: '回到领域总览（O 键）',
    openAll: '全部展开',
    openAllTitle: '展开所有领域的任务、部门和试点',
  },
  en: {
    overview: 'Overview',
    overviewTitle: 'Back to the overview of domains (key O)',
    openAll: 'Open all',
    openAllTitle: "Open every domain's tasks, agencies and pilots",
  },
};

export function overviewMessage(key: OverviewMessage, lang: Lang): string {
  return MESSAGES[lang][key];
}
