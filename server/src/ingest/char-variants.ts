// Character variants that real documents use for the same text: full-width digits and Latin letters, traditional
// forms of the heading words, zero-width characters, no-break and ideographic spaces, 〇/○/零 in written-out years.
// Folding them before parsing lets one grammar read every variant; every fold but the zero-width removal keeps
// the length, and the parser builds Plan.text from the folded lines, so offsets stay true to Plan.text.

/**
 * Traditional forms of the words that carry a Chinese official document's structure (编 章 节 条 款 项 点 务 …)
 * and of the words its title block and lists are read by. Source: the Table of General Standard Chinese
 * Characters (通用规范汉字表, 2013), traditional ↔ simplified correspondences.
 */
export const TRADITIONAL_HEADING_CHARS: Readonly<Record<string, string>> = {
  編: '编',
  節: '节',
  條: '条',
  項: '项',
  點: '点',
  務: '务',
  則: '则',
  總: '总',
  標: '标',
  劃: '划',
  規: '规',
  見: '见',
  實: '实',
  際: '际',
  號: '号',
  發: '发',
  辦: '办',
  關: '关',
  於: '于',
  國: '国',
  體: '体',
  級: '级',
  組: '组',
  織: '织',
  導: '导',
  層: '层',
  達: '达',
  計: '计',
  過: '过',
  進: '进',
  續: '续',
  構: '构',
  證: '证',
  書: '书',
  產: '产',
  業: '业',
  經: '经',
  濟: '济',
  場: '场',
  監: '监',
  護: '护',
  險: '险',
  貿: '贸',
  區: '区',
  縣: '县',
  鄉: '乡',
  鎮: '镇',
  優: '优',
  環: '环',
  審: '审',
  職: '职',
  責: '责',
  負: '负',
  頭: '头',
  單: '单',
  時: '时',
  協: '协',
  調: '调',
  機: '机',
  製: '制',
  將: '将',
  現: '现',
  試: '试',
  驗: '验',
  營: '营',
  簡: '简',
  權: '权',
  壓: '压',
  縮: '缩',
  開: '开',
  辭: '辞',
  紀: '纪',
};

/** Space entities of HTML left in converted pages (`&nbsp;`, and the `&sp;` some government pages carry). */
const SPACE_ENTITIES = /&(?:nbsp|ensp|emsp|thinsp|sp);/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05]/g;
const CJK_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  '○': '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
/** A year written digit by digit in characters (二〇二五年, 一九九六年): always four digit characters before 年. */
const WRITTEN_YEAR = /(?<![〇○零一二三四五六七八九十])([〇○零一二三四五六七八九]{4})(?=年)/g;
const SINGLE_CHARS = new Map(Object.entries(TRADITIONAL_HEADING_CHARS));
const TRADITIONAL = new RegExp(`[${[...SINGLE_CHARS.keys()].join('')}]`, 'g');

/**
 * Folds the character variants of one line (or one quote). Only the zero-width and entity folds change the length.
 * `二〇二五年` → `2025年`, `２０２５` → `2025`, `３０％` → `30%`, `重點改革任務` → `重点改革任务`.
 */
export function foldVariants(text: string): string {
  return text
    .replace(SPACE_ENTITIES, ' ')
    .replace(ZERO_WIDTH, '')
    .replace(SPACES, ' ')
    .replace(FULL_WIDTH_ALNUM, (char) => String.fromCharCode((char.codePointAt(0) ?? 0) - 0xfee0))
    .replace(TRADITIONAL, (char) => SINGLE_CHARS.get(char) ?? char)
    .replace(WRITTEN_YEAR, (year) => [...year].map((d) => CJK_DIGITS[d] ?? d).join(''));
}
