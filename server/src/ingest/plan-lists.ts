// The plan's named lists, recognised by generic conventions of Chinese plans rather than by one plan's
// wording: bold-led items under a heading about principles / problems / achievements, the parts of the
// safeguards chapter, 《…》 titles the preface cites as its basis, and counted enumerations of the guiding
// ideology (`A、B、C三大战略重点`, `X、Y八个领域`).
import type { ListLabel } from '../domain/model.ts';
import type { Span } from './normalise.ts';
import { parseChineseNumber } from './numerals.ts';
import { partKind } from './outline/part-kinds.ts';
import type { Outline, OutlineNode, Paragraph } from './outline.ts';

export interface ListItem {
  label: ListLabel;
  title: string;
  titleSpan: Span;
  text: string;
  span: Span;
}

const HEADING_KINDS: Array<{ label: ListLabel; pattern: RegExp }> = [
  { label: 'Principle', pattern: /原则/ },
  { label: 'Problem', pattern: /问题|不足|短板|困难|挑战/ },
  { label: 'Achievement', pattern: /成效|成就|成绩|进展|回顾/ },
];
const SAFEGUARDS = /保障措施|保障机制|组织实施|实施保障|保障体系/;
const GUIDING = /指导思想|总体要求|总体思路|基本思路/;
const BASIS_SENTENCE = /依据|根据|按照|遵循/;
const VERB_PREFIX =
  /^(?:着力|全面|重点|加快|大力|积极|深入|进一步|努力|切实|扎实|持续|不断|统筹)*(?:抓住|抓好|抓|实施|推进|推动|围绕|突出|聚焦|打造|开展|落实|深化|实现|构建)/;

function allNodes(nodes: OutlineNode[]): OutlineNode[] {
  return nodes.flatMap((node) => [node, ...allNodes(node.children)]);
}

function leadItems(label: ListLabel, paragraphs: Paragraph[], text: string): ListItem[] {
  const items: ListItem[] = [];
  let current: ListItem | null = null;
  for (const paragraph of paragraphs) {
    if (paragraph.lead) {
      current = {
        label,
        title: text.slice(paragraph.lead.start, paragraph.lead.end),
        titleSpan: paragraph.lead,
        text: paragraph.text,
        span: { start: paragraph.start, end: paragraph.end },
      };
      items.push(current);
    } else if (current) {
      current.span = { start: current.span.start, end: paragraph.end };
      current.text = text.slice(current.span.start, current.span.end);
    }
  }
  return items;
}

function nodeBody(node: OutlineNode, text: string): Span | null {
  const paragraphs = allNodes([node]).flatMap((n) => n.paragraphs);
  const first = paragraphs.reduce<number | null>(
    (min, p) => (min === null ? p.start : Math.min(min, p.start)),
    null,
  );
  const last = paragraphs.reduce<number | null>(
    (max, p) => (max === null ? p.end : Math.max(max, p.end)),
    null,
  );
  if (first === null || last === null) return null;
  return { start: first, end: Math.min(last, text.length) };
}

function legalBases(outline: Outline): ListItem[] {
  const citing = outline.front.filter((p) => BASIS_SENTENCE.test(p.text));
  const paragraphs = citing.length > 0 ? citing : outline.front;
  const items: ListItem[] = [];
  const seen = new Set<string>();
  for (const paragraph of paragraphs) {
    for (const match of paragraph.text.matchAll(/《([^《》]+)》/g)) {
      const start = paragraph.start + (match.index ?? 0);
      const end = start + match[0].length;
      const title = match[1] ?? '';
      if (seen.has(title)) continue;
      seen.add(title);
      items.push({
        label: 'LegalBasis',
        title,
        titleSpan: { start: start + 1, end: end - 1 },
        text: match[0],
        span: { start, end },
      });
    }
  }
  return items.length > 0 ? items : [];
}

/** `…抓住A、B、C三大战略重点` → Priority A, B, C; `实施X、Y两个领域改革` → KeyField X, Y. */
function countedEnumerations(paragraphs: Paragraph[], text: string): ListItem[] {
  const items: ListItem[] = [];
  const pattern =
    /([^，。；：]*、[^，。；：]*?)([一二三四五六七八九十两]+|\d+)(大|个|项|方面)([^，。；：、]{0,10})/g;
  for (const paragraph of paragraphs) {
    for (const match of paragraph.text.matchAll(pattern)) {
      const noun = match[4] ?? '';
      const label: ListLabel | null = /领域/.test(noun)
        ? 'KeyField'
        : /重点|战略|目标|任务/.test(noun)
          ? 'Priority'
          : null;
      const count = parseChineseNumber(match[2] ?? '');
      if (!label || count === null || count < 2) continue;
      const listStart = paragraph.start + (match.index ?? 0);
      const parts = (match[1] ?? '').split('、');
      if (parts.length < count) continue;
      let offset = listStart;
      const spans: Span[] = [];
      for (const part of parts) {
        spans.push({ start: offset, end: offset + part.length });
        offset += part.length + 1;
      }
      for (const span of spans.slice(parts.length - count)) {
        let { start } = span;
        const prefix = VERB_PREFIX.exec(text.slice(start, span.end));
        if (prefix && prefix[0].length < span.end - start) start += prefix[0].length;
        const title = text.slice(start, span.end);
        items.push({
          label,
          title,
          titleSpan: { start, end: span.end },
          text: title,
          span: { start, end: span.end },
        });
      }
    }
  }
  return items;
}

/** The parts outside every domain: the non-action top-level parts, and the other parts of action parts. */
function partsOutsideDomains(outline: Outline): OutlineNode[] {
  const domainNodes = new Set(outline.domains.map((d) => d.node));
  return outline.chapters.flatMap((chapter) =>
    !outline.actionParts.includes(chapter.order)
      ? [chapter]
      : domainNodes.has(chapter)
        ? []
        : chapter.children.filter((child) => !domainNodes.has(child)),
  );
}

/** Numbered principles (`1.坚持正确导向。…`) under a principles heading: each `坚持…` item is one. */
function principleItems(node: OutlineNode, text: string): ListItem[] {
  return node.children.flatMap((child) => {
    const body = nodeBody(child, text);
    if (!/^坚持/.test(child.title) || child.children.length > 0) return [];
    const span = { start: child.span.start, end: body?.end ?? child.titleSpan.end };
    return [
      {
        label: 'Principle' as const,
        title: child.title,
        titleSpan: child.titleSpan,
        text: text.slice(span.start, span.end),
        span,
      },
    ];
  });
}

export function extractPlanLists(outline: Outline, text: string): ListItem[] {
  const nodes = allNodes(partsOutsideDomains(outline));
  const items: ListItem[] = [...legalBases(outline)];
  for (const node of nodes) {
    const kind = HEADING_KINDS.find(({ pattern }) => pattern.test(node.title));
    if (kind) items.push(...leadItems(kind.label, node.paragraphs, text));
    // 总体要求 / 指导思想 parts state their principles as `坚持…` leads without a 基本原则 heading.
    else if (partKind(node.title) === 'principles') {
      items.push(...leadItems('Principle', node.paragraphs, text).filter((item) => /^坚持/.test(item.title)));
    }
    if (partKind(node.title) === 'principles') items.push(...principleItems(node, text));
    if (GUIDING.test(node.title)) items.push(...countedEnumerations(node.paragraphs, text));
  }
  const safeguardParts = nodes.filter((n) => SAFEGUARDS.test(n.title) || partKind(n.title) === 'safeguards');
  const inside = new Set(safeguardParts.flatMap((n) => allNodes(n.children)));
  for (const node of safeguardParts.filter((n) => !inside.has(n))) {
    const leads = allNodes([node])
      .flatMap((n) => n.paragraphs)
      .filter((p) => p.lead !== null);
    if (leads.length > 0) {
      items.push(
        ...leadItems(
          'Safeguard',
          allNodes([node]).flatMap((n) => n.paragraphs),
          text,
        ),
      );
      continue;
    }
    // A safeguards part without items is one safeguard: 十四、加强规划组织实施。…
    for (const child of node.children.length > 0 ? node.children : [node]) {
      const body = nodeBody(child, text);
      if (!body) continue;
      items.push({
        label: 'Safeguard',
        title: child.title,
        titleSpan: child.titleSpan,
        text: text.slice(body.start, body.end),
        span: body,
      });
    }
  }
  return items;
}
