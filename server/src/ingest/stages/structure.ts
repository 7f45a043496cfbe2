// Stage 1, structure: the Plan node with its title-block metadata, its chapters and sections, and the domains,
// tasks and measures of its action parts, each with the offsets of its text (DESIGN.md graph model).
import { NodeLabel, RelType } from '../../domain/model.ts';
import { pinyinProps } from '../graph-builder.ts';
import type { OutlineNode, ParsedDomain } from '../outline.ts';
import {
  asPiece,
  type BuildContext,
  englishName,
  idOf,
  ownText,
  taskIdOf,
  taskKey,
  taskRef,
} from './context.ts';

export interface PlanFacts {
  source: string;
  sha256: string;
  annotationSha256: string | null;
}

function periodFromText(text: string): { start: number; end: number } | null {
  const match = /((?:19|20)\d{2})\s*年?\s*(?:至|到|-|—|–|~|～)\s*((?:19|20)\d{2})\s*年/.exec(text);
  return match ? { start: Number(match[1]), end: Number(match[2]) } : null;
}

export function addPlanNode(ctx: BuildContext, facts: PlanFacts): void {
  const { outline, annotation } = ctx;
  const meta = outline.meta;
  const period = periodFromText(outline.front.map((p) => p.text).join('\n')) ?? periodFromText(outline.title);
  ctx.g.addNode(NodeLabel.Plan, ctx.planId, outline.title, annotation?.plan.titleEn ?? null, {
    title: outline.title,
    titleEn: annotation?.plan.titleEn ?? null,
    docNumber: meta.docNumber,
    kind: meta.kind,
    issuer: annotation?.plan.issuer ?? outline.issuer,
    issuerEn: annotation?.plan.issuerEn ?? null,
    issuedOn: meta.issuedOn,
    addressees: meta.addressees,
    notes: meta.notes,
    attachments: meta.attachments,
    periodStart: annotation?.plan.periodStart ?? period?.start ?? null,
    periodEnd: annotation?.plan.periodEnd ?? period?.end ?? null,
    source: facts.source,
    sha256: facts.sha256,
    annotationSha256: facts.annotationSha256,
    text: ctx.text,
  });
}

function addSections(
  ctx: BuildContext,
  parentId: string,
  parentPath: string,
  chapter: number,
  nodes: OutlineNode[],
): void {
  for (const node of nodes) {
    const sectionPath = `${parentPath}.${node.order}`;
    const sectionId = idOf(ctx, 'section', sectionPath);
    const own = ownText(node.paragraphs, ctx.text);
    ctx.g.addNode(NodeLabel.Section, sectionId, node.title, englishName(ctx, node.title), {
      number: node.order,
      title: node.title,
      chapter,
      path: sectionPath,
      text: own?.text ?? '',
      start: own?.start,
      end: own?.end,
      titleStart: node.titleSpan.start,
      titleEnd: node.titleSpan.end,
    });
    ctx.g.addRel(RelType.HAS_SECTION, parentId, sectionId, { order: node.order });
    ctx.units.push({
      owner: sectionId,
      kind: 'section',
      pieces: node.paragraphs.map(asPiece),
      sentences: true,
    });
    addSections(ctx, sectionId, sectionPath, chapter, node.children);
  }
}

/** Chapters (top-level parts), and sections for every part that is not a domain or inside one. */
export function addChapters(ctx: BuildContext): void {
  const { outline, text } = ctx;
  const domainNodes = new Set(outline.domains.map((d) => d.node));
  for (const chapter of outline.chapters) {
    const chapterId = idOf(ctx, 'chapter', chapter.order);
    const own = ownText(chapter.paragraphs, text);
    const action = outline.actionParts.includes(chapter.order);
    ctx.g.addNode(NodeLabel.Chapter, chapterId, chapter.title, englishName(ctx, chapter.title), {
      number: chapter.order,
      title: chapter.title,
      keyTasks: action,
      text: own?.text ?? '',
      start: own?.start,
      end: own?.end,
      titleStart: chapter.titleSpan.start,
      titleEnd: chapter.titleSpan.end,
    });
    ctx.g.addRel(RelType.HAS_CHAPTER, ctx.planId, chapterId, { order: chapter.order });
    ctx.units.push({
      owner: chapterId,
      kind: 'chapter',
      pieces: chapter.paragraphs.map(asPiece),
      sentences: true,
    });
    if (!action) addSections(ctx, chapterId, String(chapter.order), chapter.order, chapter.children);
    else if (!domainNodes.has(chapter)) {
      const others = chapter.children.filter((child) => !domainNodes.has(child));
      addSections(ctx, chapterId, String(chapter.order), chapter.order, others);
    }
  }
}

function addDomain(ctx: BuildContext, domain: ParsedDomain): string {
  const domainId = idOf(ctx, 'domain', domain.number);
  const note = ctx.annotation?.domains.find((d) => d.number === domain.number);
  const own = ownText(domain.intro, ctx.text);
  const titled = domain.titleSpan.end > domain.titleSpan.start;
  ctx.g.addNode(NodeLabel.Domain, domainId, domain.title, note?.nameEn ?? englishName(ctx, domain.title), {
    number: domain.number,
    title: domain.title,
    text: own?.text ?? '',
    start: own?.start,
    end: own?.end,
    titleStart: titled ? domain.titleSpan.start : undefined,
    titleEnd: titled ? domain.titleSpan.end : undefined,
    ...pinyinProps(domain.title),
  });
  const parent = domain.part === 0 ? ctx.planId : idOf(ctx, 'chapter', domain.part);
  ctx.g.addRel(RelType.HAS_DOMAIN, parent, domainId, { order: domain.number });
  ctx.units.push({ owner: domainId, kind: 'domain', pieces: domain.intro.map(asPiece), sentences: true });
  return domainId;
}

/** Domains, their tasks, and each task's measures (one per sentence of its body). */
export function addDomainsAndTasks(ctx: BuildContext): void {
  const { g } = ctx;
  for (const domain of ctx.outline.domains) {
    const domainId = addDomain(ctx, domain);
    for (const task of domain.tasks) {
      const tid = taskIdOf(ctx, task);
      const note = ctx.annotation?.tasks.find((t) => t.ref === taskRef(task));
      g.addNode(NodeLabel.Task, tid, task.title, note?.nameEn ?? englishName(ctx, task.title), {
        domain: domain.number,
        order: task.order,
        ref: taskRef(task),
        title: task.title,
        text: task.text,
        start: task.span.start,
        end: task.span.end,
        titleStart: task.titleSpan.start,
        titleEnd: task.titleSpan.end,
        ...pinyinProps(task.title),
      });
      g.addRel(RelType.HAS_TASK, domainId, tid, { order: task.order });
      const title = { text: task.title, start: task.titleSpan.start, end: task.titleSpan.end };
      ctx.units.push({ owner: tid, kind: 'task', pieces: [title, ...task.notes], sentences: false });
      task.measures.forEach((measure, index) => {
        const mid = idOf(ctx, 'measure', `${taskKey(ctx, task)}.${index + 1}`);
        g.addNode(NodeLabel.Measure, mid, measure.text, null, {
          order: index + 1,
          text: measure.text,
          start: measure.start,
          end: measure.end,
        });
        g.addRel(RelType.HAS_MEASURE, tid, mid, { order: index + 1 });
        ctx.units.push({ owner: mid, kind: 'measure', pieces: [measure], sentences: false });
      });
    }
  }
}
