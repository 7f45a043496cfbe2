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
  'lexiconId',
  'importedBy',
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
  basis: ['依据', 'How it is known'],
  confidence: ['置信度', 'Confidence'],
  origin: ['来源', 'Origin'],
  nameEnSource: ['英文名来源', 'English name from'],
  deadline: ['完成时限', 'Deadline'],
  attachments: ['附件', 'Attachments'],
  notes: ['附注', 'Notes'],
};

/** Values of the model's closed sets, for people (DESIGN.md: basis, kinds, levels, statuses, name sources). */
const VALUES: Record<string, [string, string]> = {
  text: ['原文明确', 'stated in the text'],
  extracted: ['机器抽取', 'extracted by the importer'],
  curated: ['人工整理', 'curated'],
  inferred: ['推断', 'inferred'],
  confirmed: ['人工整理，原文印证', 'curated, found in the text'],
  government: ['政府机关', 'government body'],
  enterprise: ['企业', 'enterprise'],
  financial: ['金融机构', 'financial institution'],
  institution: ['事业单位', 'institution'],
  other: ['其他', 'other'],
  zone: ['区域', 'zone'],
  programme: ['试点项目', 'programme'],
  platform: ['平台', 'platform'],
  demonstration: ['示范', 'demonstration'],
  national: ['国家级', 'national'],
  provincial: ['省级', 'provincial'],
  municipal: ['市级', 'municipal'],
  county: ['县级', 'county'],
  approved: ['已获批', 'approved'],
  applying: ['申请中', 'applying'],
  planned: ['规划中', 'planned'],
  ongoing: ['推进中', 'ongoing'],
  lexicon: ['机构词表', 'lexicon of government bodies'],
  glossary: ['标准译名表', 'glossary of standard translations'],
  pinyin: ['拼音', 'pinyin'],
};

/** Keys whose values come from the model's closed sets (translated by VALUES). */
const ENUM_KEYS: ReadonlySet<string> = new Set([
  'basis',
  'origin',
  'kind',
  'level',
  'status',
  'nameEnSource',
]);

/** A property's value for people: closed-set values translated, confidence as a percentage, lists joined. */
export function propertyValue(key: string, value: unknown, lang: Lang): string {
  if (Array.isArray(value))
    return value.map((v) => propertyValue(key, v, lang)).join(lang === 'zh' ? '、' : ', ');
  if (key === 'confidence' && typeof value === 'number') return `${Math.round(value * 100)}%`;
  const known = typeof value === 'string' && ENUM_KEYS.has(key) ? VALUES[value] : undefined;
  if (known) return lang === 'zh' ? known[0] : known[1];
  return String(value);
}

/** A property's name for people: known names translated, others spelt out ("periodStart" → "period start"). */
export function propertyName(key: string, lang: Lang): string {
  const known = NAMES[key];
  if (known) return lang === 'zh' ? known[0] : known[1];
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * Whether a property's value is the plan's own words (a title, an alias, an issuer, a unit…) rather than a
 * value of the model's closed sets or a number: such values stay Chinese on the English page, marked as such.
 */
export function isPlanText(key: string, value: unknown): boolean {
  if (ENUM_KEYS.has(key)) return false;
  return typeof value === 'string' || (Array.isArray(value) && value.some((v) => typeof v === 'string'));
}
