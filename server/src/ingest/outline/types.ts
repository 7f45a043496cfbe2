// The shapes the outline stage hands on (DESIGN.md: normalise → outline → classify parts → extract): the tree of
// numbered parts, the domains and tasks of the action parts, the title block and sign-off, and the tables. Every
// span is an offset pair into the normalised plan text (Plan.text), in UTF-16 code units.
import type { Span } from '../normalise.ts';
import type { TextPiece } from '../sentences.ts';
import type { Series } from './heading-grammar.ts';

export interface Paragraph extends Span {
  text: string;
  line: number;
  /** The emphasised lead (without its punctuation) when the paragraph starts with one. */
  lead: Span | null;
}

/** A cell of a table with its text and offsets: `planText.slice(start, end) === text`. */
export interface TableCell extends Span {
  text: string;
}

/** A table of the document (a Markdown pipe table; readers turn HTML and docx tables into these). */
export interface OutlineTable {
  span: Span;
  line: number;
  /** The first row. */
  header: TableCell[];
  /** The other rows, cell by cell. */
  rows: TableCell[][];
}

export interface OutlineNode {
  /** The numbering series of the heading (chapter 第X章, cn 一、, paren-cn （一）, arabic 1. …). */
  series: Series;
  /** The numeral the heading carries (第四节 → 4); ids use the position instead, see `order`. */
  numeral: number | null;
  /** 1-based position among its siblings. */
  order: number;
  title: string;
  titleSpan: Span;
  line: number;
  /** The heading's own line ends with ：/:, so it introduces a list of sub-items (…下列条件：). */
  introducesList: boolean;
  /** The heading line up to its inline body (the title with its closing punctuation). */
  head: Paragraph;
  /** Where the node starts (its heading) and ends (its last paragraph or descendant). */
  span: Span;
  /** Its own paragraphs (an inline body after the title first), before and between its children. */
  paragraphs: Paragraph[];
  children: OutlineNode[];
  tables: OutlineTable[];
}

export interface ParsedTask {
  /** The plan-wide number of its domain. */
  domain: number;
  order: number;
  title: string;
  titleSpan: Span;
  span: Span;
  text: string;
  line: number;
  /** The task's body (after the title) in pieces, one per paragraph. */
  body: TextPiece[];
  /** Its sentences, one measure each, responsibility notes excepted. */
  measures: TextPiece[];
  /** Responsibility notes standing as sentences of their own (`（负责部门：市商务局）`): who, not what. */
  notes: TextPiece[];
}

export interface ParsedDomain {
  /** 1-based position among all domains of the plan, in document order. */
  number: number;
  /** Order of the top-level part that holds it (0 when the domain is the document body itself). */
  part: number;
  title: string;
  titleSpan: Span;
  span: Span;
  line: number;
  node: OutlineNode | null;
  /** Paragraphs before the first task. */
  intro: Paragraph[];
  tasks: ParsedTask[];
}

/** What the title block and the sign-off say about the document (GB/T 9704-2012 版头 and 版记). */
export interface DocumentMeta {
  title: string;
  /** Spans of the title's lines (a title may run over several lines). */
  titleSpans: Span[];
  /** 发文字号: 国发〔2019〕5号, 国办函〔2005〕21号, 国令第706号. */
  docNumber: string | null;
  /** 主送机关, one entry per comma-separated addressee. */
  addressees: string[];
  issuer: string | null;
  issuerSpan: Span | null;
  /** The signing date as an ISO date (YYYY-MM-DD, or YYYY-MM when the day is not given). */
  issuedOn: string | null;
  /** 意见 / 方案 / 规划 / 通知 / 条例 / 批复 / 复函 / 决定 / 通报 / 办法 …, read from the title's last word. */
  kind: string | null;
  /** （此件公开发布） and similar notes. */
  notes: string[];
  /** Attachment names (附件：…). */
  attachments: string[];
}

export interface Outline {
  title: string;
  titleSpan: Span | null;
  issuer: string | null;
  issuerSpan: Span | null;
  meta: DocumentMeta;
  /** Paragraphs outside every numbered part (preface, foreword, the body of a short notice). */
  front: Paragraph[];
  /** Top-level parts (第X章, or 一、 parts when the document has no chapters). */
  chapters: OutlineNode[];
  /** 1-based positions of the top-level parts that hold domains (the document's action parts). */
  actionParts: number[];
  /** 1-based position of the first action part (0 when the domains sit directly under the document). */
  keyChapter: number;
  domains: ParsedDomain[];
  tasks: ParsedTask[];
  tables: OutlineTable[];
  warnings: string[];
}
