// What the details panel calls a node's properties, in both languages. Offsets, search keys and bookkeeping
// are for machines (the reader link carries offsets), so they are never listed.
import type { Lang } from '../types.ts';

/** Properties the details panel never lists: texts shown elsewhere, offsets, search keys, ids, checksums. */
export const QUIET_PROPERTIES: ReadonlySet<string> = new Set([
  'name',
  'nameEn',
  'text',
  'quote',
  'pinyin',
  'pinyinInitials',
  'aliasText',
  'plan',
  'id',
  'key',
  'ref',
  'path',
  'quotes',
  'starts',
  'ends',
  'start',
  'end',
  'titleStart',
  'titleEnd',
  'statusEvidence',
  'statusStart',
  'statusEnd',
  'sha256',
  'annotationSha256',
  'evidence',
]);

const NAMES: Record<string, [string, string]> = {
  aliases: ['别称', 'Also called'],
  chapter: ['所在章', 'Chapter'],
  comparator: ['比较', 'Comparator'],
  domain: ['改革领域', 'Domain'],
  indicator: ['指标', 'Indicator'],
  issuer: ['发文机关', 'Issuer'],
  issuerEn: ['发文机关（英文）', 'Issuer (English)'],
  keyTasks: ['重点任务', 'Key tasks'],
  kind: ['类型', 'Kind'],
  level: ['级别', 'Level'],
  note: ['说明', 'Note'],
  number: ['编号', 'Number'],
  order: ['序号', 'Order'],
  periodEnd: ['期末', 'Period ends'],
  periodStart: ['期初', 'Period starts'],
  source: ['来源文件', 'Source file'],
  status: ['状态', 'Status'],
  title: ['标题', 'Title'],
  titleEn: ['英文标题', 'English title'],
  unit: ['单位', 'Unit'],
  value: ['数值', 'Value'],
  valueMax: ['上限', 'Upper value'],
  year: ['年份', 'Year'],
  docNumber: ['文号', 'Document number'],
  issuedOn: ['发布日期', 'Issued on'],
  addressees: ['主送', 'Addressees'],
};

/** A property's name for people: known names translated, others spelt out ("periodStart" → "period start"). */
export function propertyName(key: string, lang: Lang): string {
  const known = NAMES[key];
  if (known) return lang === 'zh' ? known[0] : known[1];
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
