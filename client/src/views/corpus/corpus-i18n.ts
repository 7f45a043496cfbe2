// The corpus page's strings in both languages (zh is the source; a key missing in English fails to compile).
import { fillTemplate } from '../../model/i18n.ts';
import type { Lang } from '../../types.ts';

const zh = {
  title: '跨文件分析',
  hint: '把已导入的全部文件放在一起看：一个国家机构在各文件中牵头和参与的任务，一个试点在各文件中的每一句，两份文件的对照。',
  tabAgency: '机构档案',
  tabZone: '试点追踪',
  tabCompare: '文件对照',
  pickAgency: '机构',
  pickZone: '试点',
  planA: '文件 A',
  planB: '文件 B',
  inPlans: '{n} 份文件',
  leads: '牵头',
  joins: '参与',
  mentions: '提及 {n} 次',
  noRoles: '该文件只提及此机构，未写明其牵头或参与的任务。',
  undated: '无日期',
  shared: '共有',
  onlyA: '仅 A',
  onlyB: '仅 B',
  agencies: '机构',
  pilots: '试点',
  similarTasks: '最相近的任务（字符二元组 TF-IDF 余弦相似度）',
  similarity: '相似度',
  noSimilar: '两份文件没有明显相近的任务。',
  empty: '尚无跨文件的数据：请导入多份文件（npm run import -- <文件夹>）。',
};

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  title: 'Across documents',
  hint: 'Every imported document at once: what a national body leads and joins in each, every sentence naming a pilot, two documents side by side.',
  tabAgency: 'Body profile',
  tabZone: 'Zone trace',
  tabCompare: 'Compare',
  pickAgency: 'Body',
  pickZone: 'Pilot',
  planA: 'Document A',
  planB: 'Document B',
  inPlans: '{n} documents',
  leads: 'leads',
  joins: 'joins',
  mentions: 'named in {n} sentence(s)',
  noRoles: 'This document names the body but assigns it no task.',
  undated: 'undated',
  shared: 'Shared',
  onlyA: 'Only A',
  onlyB: 'Only B',
  agencies: 'Agencies',
  pilots: 'Pilots',
  similarTasks: 'Most similar tasks (cosine of character-bigram TF-IDF)',
  similarity: 'Similarity',
  noSimilar: 'The two documents have no clearly similar tasks.',
  empty: 'No corpus yet: import several documents (npm run import -- <folder>).',
};

/** The corpus page's string for `key` in `lang`, with `{name}` placeholders filled. */
export function ct(lang: Lang, key: Key, values: Record<string, string | number> = {}): string {
  return fillTemplate((lang === 'en' ? en : zh)[key], values);
}
