// Reads the title block (版头: title over one or more lines, 发文字号, 主送机关) and the sign-off (版记: issuing
// body, date, （此件公开发布）, 附件) of a Chinese official document, as GB/T 9704-2012 lays them out, so that they
// become Plan properties and never paragraphs of the last task.
import type { Block, Span } from '../normalise.ts';
import { parseChineseNumber } from '../numerals.ts';
import { readMarker } from './heading-grammar.ts';
import type { DocumentMeta } from './types.ts';

const DOC_NUMBER = /^[\p{Script=Han}]{1,12}\s*[〔［[【(（]\s*\d{4}\s*[〕］\]】)）]\s*第?\s*\d+\s*号$/u;
const ORDER_NUMBER = /^第\s*\d+\s*号$/;
const ORDER_HEADING = /^(?:中华人民共和国)?(.{1,20})令$/;
/** Official short forms of order series (国务院令 → 国令), GB/T 9704 practice on gov.cn. */
const ORDER_PREFIX: Readonly<Record<string, string>> = { 国务院: '国令' };
const CN_NUM = '\\d一二三四五六七八九十〇○零';
const DATE = new RegExp(`^(\\d{4})\\s*年\\s*([${CN_NUM}]{1,3})\\s*月(?:\\s*([${CN_NUM}]{1,3})\\s*日)?$`);
const NOTE = /^[（(]\s*(?:此件|本文|此文)[^）)]*[）)]$/;
const ATTACHMENT = /^附\s*件\s*\d*\s*(?:[：:]\s*(.*))?$/;
const SIGNATORY = /^(?:总\s*理|副总理|主\s*席|部\s*长|省\s*长|市\s*长|主\s*任|局\s*长)\s+\S{2,4}$/;
const ADDRESSEE_MAX = 200;
/** Words a document's kind is named by, longest first where one ends another (复函 before 函). */
const KINDS = [
  '指导意见',
  '实施意见',
  '意见',
  '实施方案',
  '工作方案',
  '方案',
  '规划',
  '纲要',
  '通知',
  '条例',
  '批复',
  '复函',
  '答复',
  '决定',
  '通报',
  '办法',
  '规定',
  '细则',
  '规则',
  '措施',
  '预案',
  '报告',
  '公告',
  '通告',
  '命令',
  '决议',
  '函',
];
const BASE_KIND: Readonly<Record<string, string>> = {
  指导意见: '意见',
  实施意见: '意见',
  实施方案: '方案',
  工作方案: '方案',
};

export interface TitleBlock {
  meta: DocumentMeta;
  /** Indices of blocks that are title block or sign-off, not body. */
  consumed: Set<number>;
  /** Indices after which a new document part starts (after a sign-off, at 附件): the outline restarts there. */
  restarts: Set<number>;
}

const isPlainLine = (b: Block | undefined): b is Block =>
  b !== undefined && b.kind !== 'table' && readMarker(b.text, true) === null;

function isTitleLine(block: Block | undefined): block is Block {
  return (
    isPlainLine(block) &&
    block.kind === 'heading' &&
    !DOC_NUMBER.test(block.text) &&
    !ORDER_NUMBER.test(block.text) &&
    isoDate(block.text) === null &&
    !/^(?:前\s*言|序\s*言|引\s*言|说\s*明)$/.test(block.text)
  );
}

function joinTitle(lines: string[]): string {
  return lines.join('').replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '');
}

export function isoDate(text: string): string | null {
  const match = DATE.exec(text.trim());
  if (!match) return null;
  const month = parseChineseNumber(match[2] ?? '');
  const day = match[3] === undefined ? null : parseChineseNumber(match[3]);
  if (month === null || month < 1 || month > 12 || (day !== null && (day < 1 || day > 31))) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${match[1]}-${pad(month)}${day === null ? '' : `-${pad(day)}`}`;
}

export function kindOf(title: string): string | null {
  const kind = KINDS.find((k) => title.endsWith(k));
  return kind ? (BASE_KIND[kind] ?? kind) : null;
}

/** The issuing body a title names before 关于 (`国务院办公厅关于…的通知` → 国务院办公厅). */
function issuerFromTitle(title: string): string | null {
  const at = title.indexOf('关于');
  return at > 0 && at <= 30 ? title.slice(0, at) : null;
}

interface Head extends Pick<DocumentMeta, 'title' | 'titleSpans' | 'docNumber' | 'addressees'> {
  order: string | null;
  /** A plain line right under the title naming the issuing body (`江北市人民政府办公室`). */
  issuerLine: Block | null;
}

function isIssuerLine(block: Block | undefined): block is Block {
  return (
    block !== undefined &&
    block.kind === 'paragraph' &&
    block.text.length <= 30 &&
    !/[。；，,！？：:]/.test(block.text) &&
    readMarker(block.text, false) === null &&
    !DOC_NUMBER.test(block.text) &&
    isoDate(block.text) === null
  );
}

function readHead(blocks: Block[], consumed: Set<number>): Head {
  const head: DocumentMeta['titleSpans'] = [];
  const lines: string[] = [];
  let i = 0;
  while (isTitleLine(blocks[i]) && lines.length < 4) {
    const block = blocks[i] as Block;
    lines.push(block.text);
    head.push({ start: block.start, end: block.end });
    consumed.add(i);
    i += 1;
  }
  const issuerLine = lines.length > 0 && isIssuerLine(blocks[i]) ? (blocks[i] as Block) : null;
  if (issuerLine) consumed.add(i++);
  let docNumber: string | null = null;
  let addressees: string[] = [];
  const order = ORDER_HEADING.exec(joinTitle(lines))?.[1] ?? null;
  const limit = Math.min(blocks.length, i + 4);
  for (let j = i; j < limit; j += 1) {
    const block = blocks[j] as Block;
    if (docNumber === null && (DOC_NUMBER.test(block.text) || (order && ORDER_NUMBER.test(block.text)))) {
      docNumber = block.text.replace(/\s+/g, '');
      if (order && ORDER_NUMBER.test(docNumber))
        docNumber = `${ORDER_PREFIX[order] ?? `${order}令`}${docNumber}`;
      consumed.add(j);
    } else if (
      addressees.length === 0 &&
      block.kind === 'paragraph' &&
      /[：:]$/.test(block.text) &&
      !/[。；]/.test(block.text) &&
      block.text.length <= ADDRESSEE_MAX &&
      readMarker(block.text, false) === null
    ) {
      addressees = block.text
        .replace(/[：:]$/, '')
        .split(/[，,]/)
        .map((a) => a.trim())
        .filter(Boolean);
      consumed.add(j);
      break;
    } else if (block.kind === 'paragraph' || readMarker(block.text, true)) {
      break;
    }
  }
  return { title: joinTitle(lines), titleSpans: head, docNumber, addressees, order, issuerLine };
}

/** Reads title block and sign-off; `blocks` is the whole normalised plan. */
export function readTitleBlock(blocks: Block[]): TitleBlock {
  const consumed = new Set<number>();
  const restarts = new Set<number>();
  const head = readHead(blocks, consumed);
  let title = head.title;
  let titleSpans = head.titleSpans;
  let issuer: string | null = head.issuerLine?.text ?? null;
  let issuerSpan: Span | null = head.issuerLine
    ? { start: head.issuerLine.start, end: head.issuerLine.end }
    : null;
  let issuedOn: string | null = null;
  const notes: string[] = [];
  const attachments: string[] = [];
  blocks.forEach((block, index) => {
    if (consumed.has(index) || block.kind === 'table') return;
    const date = isoDate(block.text);
    const before = blocks[index - 1];
    const signed =
      before !== undefined &&
      !consumed.has(index - 1) &&
      isPlainLine(before) &&
      before.text.length <= 30 &&
      !/[。；，,：:]/.test(before.text) &&
      before.lead === null;
    if (date && (signed || index === blocks.length - 1)) {
      consumed.add(index);
      restarts.add(index);
      if (signed && before) {
        consumed.add(index - 1);
        if (issuer === null && !SIGNATORY.test(before.text)) {
          issuer = before.text.trim();
          issuerSpan = { start: before.start, end: before.end };
        }
      }
      issuedOn ??= date;
      return;
    }
    if (NOTE.test(block.text)) {
      consumed.add(index);
      notes.push(block.text);
      return;
    }
    const attachment = ATTACHMENT.exec(block.text);
    if (attachment && block.lead === null) {
      consumed.add(index);
      restarts.add(index);
      if (attachment[1]) attachments.push(attachment[1].trim());
    }
  });
  if (head.order) {
    // An order (令): the title is the name of the act it promulgates, the first plain heading after the order.
    const at = blocks.findIndex((b, i) => i > 0 && !consumed.has(i) && isTitleLine(b) && b.emphasis !== null);
    const named = blocks[at];
    if (named) {
      title = joinTitle([named.text]);
      titleSpans = [{ start: named.start, end: named.end }];
      consumed.add(at);
    }
    issuer ??= head.order;
  }
  issuer ??= issuerFromTitle(title);
  const meta: DocumentMeta = {
    title,
    titleSpans,
    docNumber: head.docNumber,
    addressees: head.addressees,
    issuer,
    issuerSpan,
    issuedOn,
    kind: kindOf(title),
    notes,
    attachments,
  };
  return { meta, consumed, restarts };
}
