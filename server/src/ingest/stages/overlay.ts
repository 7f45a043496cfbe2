// Stage 4, overlay: what the annotation file adds to or checks against the text — domain and task titles, curated
// responsibilities (LED_BY / INVOLVES), curated dependencies and the tasks' links to the plan's lists. Every quote
// is found in the text, or the annotation gets a problem naming its YAML line.
import { type ListLabel, NodeLabel, RelType } from '../../domain/model.ts';
import type { YamlPath } from '../annotation.ts';
import type { ParsedTask } from '../outline.ts';
import { type BuildContext, taskIdOf, taskRef } from './context.ts';
import type { ListNode } from './lists.ts';

function stripEndPunctuation(title: string): string {
  return title.trim().replace(/[。：:；;，,.！!？?\s]+$/, '');
}

function tasksByRef(ctx: BuildContext): Map<string, ParsedTask> {
  return new Map(ctx.outline.tasks.map((task) => [taskRef(task), task]));
}

/** The annotation's domains and tasks must name ones the outline found, with the same titles. */
export function checkAnnotatedTitles(ctx: BuildContext): void {
  const { annotation, finder, outline } = ctx;
  if (!annotation || !finder) return;
  const byRef = tasksByRef(ctx);
  annotation.domains.forEach((d, index) => {
    const domain = outline.domains.find((x) => x.number === d.number);
    if (!domain) finder.fail(['domains', index, 'number'], `the plan has no domain ${d.number}`);
    else if (stripEndPunctuation(d.title) !== domain.title) {
      finder.fail(
        ['domains', index, 'title'],
        `domain ${d.number} is “${domain.title}” in the plan, not “${d.title}”`,
      );
    }
  });
  annotation.tasks.forEach((t, index) => {
    const task = byRef.get(t.ref);
    if (!task) finder.fail(['tasks', index, 'ref'], `the plan has no task ${t.ref} (domain.task)`);
    else if (stripEndPunctuation(t.title) !== task.title) {
      finder.fail(
        ['tasks', index, 'title'],
        `task ${t.ref} is “${task.title}” in the plan, not “${t.title}”`,
      );
    }
  });
}

/**
 * Curated LED_BY / INVOLVES, each with its evidence quote inside the task when it has one; responsibilities of
 * an agency in `dropped` (rejected by curation) are left out.
 */
export function addResponsibilities(
  ctx: BuildContext,
  entityIds: Map<string, string>,
  dropped: ReadonlySet<string> = new Set(),
): void {
  const { annotation, finder, text } = ctx;
  if (!annotation || !finder) return;
  const byRef = tasksByRef(ctx);
  annotation.tasks.forEach((t, taskIndex) => {
    const task = byRef.get(t.ref);
    if (!task) return;
    t.responsibilities.forEach((r, index) => {
      const where: YamlPath = ['tasks', taskIndex, 'responsibilities', index];
      if (dropped.has(r.agency)) return;
      const agencyId = entityIds.get(r.agency);
      if (!agencyId) {
        finder.fail([...where, 'agency'], `unknown agency key “${r.agency}” (declare it under agencies)`);
        return;
      }
      if (r.basis === 'text' && !r.evidence) {
        finder.fail(where, 'a responsibility with basis text needs the evidence quote that states it');
        return;
      }
      const span = r.evidence ? finder.find(r.evidence, [...where, 'evidence'], task.span) : null;
      if (r.evidence && !span) return;
      ctx.g.addRel(r.role === 'lead' ? RelType.LED_BY : RelType.INVOLVES, taskIdOf(ctx, task), agencyId, {
        basis: r.basis,
        evidence: span ? text.slice(span.start, span.end) : null,
        start: span?.start,
        end: span?.end,
        note: r.note,
      });
    });
  });
}

/** Curated DEPENDS_ON (kind explicit) with a quote from each task. */
export function addCuratedDependencies(ctx: BuildContext): void {
  const { annotation, finder, text } = ctx;
  if (!annotation || !finder) return;
  const byRef = tasksByRef(ctx);
  annotation.dependencies.forEach((dep, index) => {
    const where: YamlPath = ['dependencies', index];
    const from = byRef.get(dep.from);
    const to = byRef.get(dep.to);
    if (!from) finder.fail([...where, 'from'], `the plan has no task ${dep.from}`);
    if (!to) finder.fail([...where, 'to'], `the plan has no task ${dep.to}`);
    if (!from || !to) return;
    if (from === to) {
      finder.fail(where, `a task cannot depend on itself (${dep.from})`);
      return;
    }
    const a = finder.find(dep.evidence[0], [...where, 'evidence', 0], from.span);
    const b = finder.find(dep.evidence[1], [...where, 'evidence', 1], to.span);
    if (!a || !b) return;
    const props = {
      kind: 'explicit',
      weight: 1,
      basis: 'curated',
      why: dep.why,
      evidence: [text.slice(a.start, a.end), text.slice(b.start, b.end)],
      starts: [a.start, b.start],
      ends: [a.end, b.end],
    };
    if (!ctx.g.addRel(RelType.DEPENDS_ON, taskIdOf(ctx, from), taskIdOf(ctx, to), props, 'explicit'))
      finder.fail(where, `duplicate dependency ${dep.from} → ${dep.to}`);
  });
}

/** Curated ADVANCES (→ Priority / KeyField) and ADDRESSES (→ Problem). */
export function addListLinks(ctx: BuildContext, lists: ListNode[]): void {
  const { annotation, finder, text } = ctx;
  if (!annotation || !finder) return;
  const byRef = tasksByRef(ctx);
  const link = (key: 'advances' | 'addresses', type: RelType, labels: ListLabel[]) => {
    annotation[key].forEach((entry, index) => {
      const where: YamlPath = [key, index];
      const task = byRef.get(entry.task);
      if (!task) {
        finder.fail([...where, 'task'], `the plan has no task ${entry.task}`);
        return;
      }
      if (!finder.find(entry.item, [...where, 'item'])) return;
      const target = lists.find(
        ({ item }) =>
          labels.includes(item.label) &&
          text.slice(item.span.start, item.span.end).includes(entry.item.normalize('NFC')),
      );
      if (!target) {
        finder.fail(
          [...where, 'item'],
          `no ${labels.join(' or ')} item of the plan contains “${entry.item}”`,
        );
        return;
      }
      const evidence = entry.evidence ? finder.find(entry.evidence, [...where, 'evidence'], task.span) : null;
      if (entry.evidence && !evidence) return;
      ctx.g.addRel(type, taskIdOf(ctx, task), target.id, {
        basis: entry.basis,
        evidence: evidence ? text.slice(evidence.start, evidence.end) : null,
        start: evidence?.start,
        end: evidence?.end,
      });
    });
  };
  link('advances', RelType.ADVANCES, [NodeLabel.Priority, NodeLabel.KeyField]);
  link('addresses', RelType.ADDRESSES, [NodeLabel.Problem]);
}
