// The pilot tracer for researchers: a pilot followed through the plan in document order — the passages that
// name it (achievements of the previous plan, then tasks, then targets), the tasks, domains, agencies and
// targets it touches — each linked to its sentence in the reader. A second pilot can sit beside it.
import type { PilotTrace } from '../../../../server/src/domain/types.ts';
import { labelName } from '../../model/i18n.ts';
import type { NodeLabel } from '../../types.ts';
import type { MountedView, ViewsContext } from '../context.ts';
import { num, type PlanData } from '../data.ts';
import { partAt, sentenceAround } from '../text-ranges.ts';
import { h, loadInto, nodeLink, readLink } from '../view-kit.ts';

function tasksPerPilot(plan: PlanData, pilot: string): number {
  const tasks = new Set(plan.graph.incoming(pilot, 'PILOTED_IN').map((edge) => edge.source));
  return tasks.size;
}

export function mountTracer(host: HTMLElement, ctx: ViewsContext): MountedView {
  const controls = h('div', { class: 'views-controls' });
  const columns = h('div', { class: 'tracer-columns' });
  host.replaceChildren(
    h(
      'section',
      { class: 'views-page tracer-page' },
      h(
        'header',
        { class: 'views-header' },
        h('h1', {}, ctx.t('tracerTitle')),
        h('p', { class: 'views-hint' }, ctx.t('tracerHint')),
      ),
      controls,
      columns,
    ),
  );

  const ready = ctx.data.plan().then(async (plan) => {
    const pilots = plan.graph
      .withLabel('Pilot')
      .sort((a, b) => tasksPerPilot(plan, b.id) - tasksPerPilot(plan, a.id) || a.id.localeCompare(b.id));
    const first = ctx.param('tp') ?? pilots[0]?.id ?? null;
    const second = ctx.param('tp2');
    const picker = (key: 'tp' | 'tp2', label: string, value: string | null, optional: boolean) => {
      const select = h(
        'select',
        { class: 'views-select', 'data-role': key === 'tp' ? 'pilot' : 'compare' },
        optional ? h('option', { value: '' }, ctx.t('noCompare')) : null,
        pilots.map((pilot) =>
          h('option', { value: pilot.id, selected: pilot.id === value }, ctx.name(pilot)),
        ),
      );
      select.addEventListener('change', () =>
        ctx.go('tracer', {
          tp: ctx.param('tp') ?? first,
          tp2: ctx.param('tp2'),
          [key]: select.value || null,
        }),
      );
      return h('label', { class: 'views-field' }, `${label} `, select);
    };
    controls.replaceChildren(
      picker('tp', ctx.t('pickPilot'), first, false),
      picker('tp2', ctx.t('comparePilot'), second, true),
    );
    const ids = [first, second].filter((id): id is string => id !== null && plan.graph.nodes.has(id));
    columns.classList.toggle('two', ids.length === 2);
    await Promise.all(
      ids.map((id) => {
        const column = h('article', { class: 'tracer-column', 'data-pilot-id': id });
        columns.append(column);
        return loadInto(column, ctx, async () => renderTrace(ctx, plan, await ctx.data.trace(id)));
      }),
    );
  });
  return { ready, teardown: () => host.replaceChildren() };
}

function renderTrace(ctx: ViewsContext, plan: PlanData, trace: PilotTrace): Node {
  const { graph, text } = plan;
  const pilot = graph.nodes.get(trace.pilot.id);
  const sentenceLink = (start: number, end: number) => {
    const sentence = sentenceAround(text, start, end);
    return readLink(ctx, sentence.from, sentence.to);
  };
  // Several passages may share one sentence (a measure and its task, a name and a longer name): one item
  // per sentence, with every mention in it marked.
  const sentences = new Map<
    string,
    { from: number; to: number; marks: Array<[number, number]>; first: number; last: number }
  >();
  for (const passage of trace.passages) {
    const sentence = sentenceAround(text, passage.start, passage.end);
    const key = `${sentence.from}|${sentence.to}`;
    const entry = sentences.get(key) ?? { ...sentence, marks: [], first: passage.start, last: passage.end };
    entry.marks.push([passage.start, passage.end]);
    sentences.set(key, entry);
  }
  const passages = [...sentences.values()].map((sentence) => {
    const part = partAt(graph, sentence.first);
    const pieces: Node[] = [];
    let at = sentence.from;
    for (const [start, end] of [...sentence.marks].sort((x, y) => x[0] - y[0] || y[1] - x[1])) {
      if (end <= at) continue;
      const from = Math.max(start, at);
      if (from > at) pieces.push(document.createTextNode(text.slice(at, from)));
      pieces.push(h('mark', {}, text.slice(from, end)));
      at = end;
    }
    if (at < sentence.to) pieces.push(document.createTextNode(text.slice(at, sentence.to)));
    return h(
      'li',
      { class: 'passage', 'data-start': sentence.first, 'data-end': sentence.last },
      part
        ? h(
            'span',
            { class: `badge label-${part.label}` },
            `${labelName(part.label as NodeLabel, ctx.lang)} · ${ctx.name(part)}`,
          )
        : null,
      h('p', { class: 'passage-text' }, pieces, ' ', readLink(ctx, sentence.from, sentence.to)),
    );
  });
  const taskItems = trace.tasks.map((task) => {
    const node: Record<string, unknown> & { id: string } = graph.nodes.get(task.id) ?? {
      ...task.properties,
      id: task.id,
    };
    const start = num(node.start) ?? 0;
    const end = num(node.end) ?? start;
    const inside = trace.passages.find((passage) => passage.start >= start && passage.start < end);
    const domain = graph.domainOf(task.id);
    return h(
      'li',
      { 'data-task-id': task.id },
      h('button', { type: 'button', class: 'node-link', 'data-node-id': task.id }, ctx.name(node)),
      ' ',
      inside ? sentenceLink(inside.start, inside.end) : readLink(ctx, start, num(node.titleEnd) ?? end),
      domain ? h('span', { class: 'muted small' }, ` · ${ctx.name(domain)}`) : null,
    );
  });
  for (const item of taskItems) {
    const open = item.querySelector('button');
    const id = item.dataset.taskId;
    if (open && id) open.addEventListener('click', () => ctx.openInGraph(id));
  }
  const chips = (nodes: Array<{ id: string }>, withText: boolean) =>
    nodes.length === 0
      ? h('p', { class: 'muted' }, ctx.t('none'))
      : h(
          'ul',
          { class: 'chips' },
          nodes.map((raw) => {
            const node = graph.nodes.get(raw.id);
            if (!node) return h('li', {}, raw.id);
            if (!withText) return h('li', {}, nodeLink(ctx, node));
            const start = num(node.start);
            const end = num(node.end);
            return h(
              'li',
              {},
              h('button', { type: 'button', class: 'node-link', 'data-node-id': node.id }, ctx.name(node)),
              start !== null && end !== null ? sentenceLink(start, end) : null,
            );
          }),
        );
  const targetList = chips(trace.targets, true);
  for (const open of targetList.querySelectorAll<HTMLButtonElement>('button.node-link')) {
    const id = open.dataset.nodeId;
    if (id) open.addEventListener('click', () => ctx.openInGraph(id));
  }
  return h(
    'div',
    { class: 'trace' },
    h('h2', {}, pilot ? nodeLink(ctx, pilot) : trace.pilot.id),
    pilot
      ? h(
          'p',
          { class: 'muted' },
          [pilot.kind, pilot.level, pilot.status].filter((x) => typeof x === 'string').join(' · '),
        )
      : null,
    h('h3', {}, `${ctx.t('passages')} (${passages.length})`),
    passages.length > 0
      ? h('ol', { class: 'passages' }, passages)
      : h('p', { class: 'muted' }, ctx.t('noPassages')),
    h('h3', {}, `${ctx.t('tracedTasks')} (${taskItems.length})`),
    h('ol', { class: 'task-list traced-tasks' }, taskItems),
    h('h3', {}, `${ctx.t('domains')} (${trace.domains.length})`),
    chips(trace.domains, false),
    h('h3', {}, `${ctx.t('agencies')} (${trace.agencies.length})`),
    chips(trace.agencies, false),
    h('h3', {}, `${ctx.t('targets')} (${trace.targets.length})`),
    targetList,
  );
}
