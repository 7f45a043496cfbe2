// The document reader: the plan's normalised text with its outline (the parsed chapters, sections, domains
// and tasks), agencies and pilots highlighted where the text names them (click → the node in the graph), the
// passage a link asked for, the passages of the node selected in the graph, and find in text.
import { labelName } from '../../model/i18n.ts';
import type { CyNodeData } from '../../types.ts';
import type { MountedView, ViewsContext } from '../context.ts';
import { byStart, num, type PlanData } from '../data.ts';
import { button, h, listen } from '../view-kit.ts';
import { findAll, type MarkRange, segments } from './text-marks.ts';

const MENTION_LABELS = ['Pilot', 'Agency'] as const;
const HEADING_LEVEL: Record<string, 'h2' | 'h3' | 'h4'> = { Chapter: 'h2', Section: 'h3', Domain: 'h3' };

/** Every place the text names an agency or a pilot (one MENTIONS edge holds all its occurrences). */
function mentionRanges(plan: PlanData): MarkRange[] {
  const ranges: MarkRange[] = [];
  for (const node of plan.graph.nodes.values()) {
    if (!(MENTION_LABELS as readonly string[]).includes(node.label)) continue;
    for (const edge of plan.graph.incoming(node.id, 'MENTIONS')) {
      const starts = Array.isArray(edge.starts) ? edge.starts : [num(edge.start) ?? -1];
      const ends = Array.isArray(edge.ends) ? edge.ends : [num(edge.end) ?? -1];
      starts.forEach((start, i) => {
        const end = ends[i];
        if (typeof start === 'number' && typeof end === 'number' && start >= 0 && end > start)
          ranges.push({ start, end, className: `mention mention-${node.label}`, node: node.id });
      });
    }
  }
  return ranges;
}

/** Where a node of the graph appears in the text: its own span, and where the text names it. */
export function passagesOf(plan: PlanData, id: string): Array<[number, number]> {
  const node = plan.graph.nodes.get(id);
  if (!node) return [];
  const own: Array<[number, number]> = [];
  const start = num(node.start) ?? num(node.titleStart);
  const end = num(node.end) ?? num(node.titleEnd);
  if (start !== null && end !== null && end > start) own.push([start, end]);
  for (const range of mentionRanges(plan)) if (range.node === id) own.push([range.start, range.end]);
  return own.sort((a, b) => a[0] - b[0]);
}

type PlanGraph = PlanData['graph'];

/** The task titles' spans, marked in the text. */
function taskTitleRanges(graph: PlanGraph): MarkRange[] {
  return graph.withLabel('Task').flatMap((task) => {
    const start = num(task.titleStart);
    const end = num(task.titleEnd);
    return start !== null && end !== null ? [{ start, end, className: 'task-title' }] : [];
  });
}

/** The chapters, sections and domains by the offset their title starts at. */
function headingsByOffset(graph: PlanGraph): Map<number, CyNodeData> {
  const headingAt = new Map<number, CyNodeData>();
  for (const label of Object.keys(HEADING_LEVEL))
    for (const node of graph.withLabel(label)) {
      const at = num(node.titleStart);
      if (at !== null) headingAt.set(at, node);
    }
  return headingAt;
}

/** Writes the text into `body`, one element per line (headings as h2–h4), `ranges` as spans; mentions clickable. */
function renderText(
  body: HTMLElement,
  ctx: ViewsContext,
  { text, graph }: PlanData,
  ranges: MarkRange[],
  headingAt: Map<number, CyNodeData>,
) {
  const lines: Node[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lineEnd = lineStart + line.length;
    let heading: CyNodeData | undefined;
    for (let at = lineStart; at <= lineEnd && !heading; at++) heading = headingAt.get(at);
    const tag = heading ? (HEADING_LEVEL[heading.label] ?? 'p') : 'p';
    const element = h(tag, { 'data-offset': lineStart, class: heading ? 'reader-heading' : null });
    if (heading) element.id = `at-${heading.id}`;
    for (const segment of segments(lineStart, lineEnd, ranges)) {
      const piece = text.slice(segment.start, segment.end);
      if (segment.ranges.length === 0) {
        element.append(piece);
        continue;
      }
      const mention = segment.ranges
        .filter((range) => range.node)
        .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
      const span = h('span', { class: segment.ranges.map((range) => range.className).join(' ') }, piece);
      if (mention?.node) {
        span.dataset.nodeId = mention.node;
        span.setAttribute('role', 'button');
        span.setAttribute('tabindex', '0');
        span.title = `${ctx.name(graph.nodes.get(mention.node) ?? { id: mention.node })} · ${ctx.t('openInGraph')}`;
      }
      element.append(span);
    }
    lines.push(element);
    lineStart = lineEnd + 1;
  }
  body.replaceChildren(...lines);
}

/** Scrolls to the first element matching `selector`, else to the line holding `offset`. */
function scrollToOffset(body: HTMLElement, offset: number, selector: string) {
  const element =
    [...body.querySelectorAll<HTMLElement>(selector)].find((span) => span.closest('[data-offset]')) ?? null;
  if (element) element.scrollIntoView({ block: 'center' });
  else {
    const line = [...body.querySelectorAll<HTMLElement>('[data-offset]')]
      .filter((el) => Number(el.dataset.offset) <= offset)
      .pop();
    line?.scrollIntoView({ block: 'start' });
  }
}

/** The outline from the parsed body (chapters › sections, domains › tasks); an item scrolls the text to it. */
function renderOutline(outline: HTMLElement, body: HTMLElement, ctx: ViewsContext, graph: PlanGraph) {
  const item = (node: CyNodeData, children: CyNodeData[]): HTMLLIElement => {
    const go = h('button', { type: 'button', class: `outline-item outline-${node.label}` }, ctx.name(node));
    go.addEventListener('click', () => {
      const at = num(node.titleStart) ?? num(node.start) ?? 0;
      const heading = document.getElementById(`at-${node.id}`);
      if (heading) heading.scrollIntoView({ block: 'start' });
      else scrollToOffset(body, at, `[data-offset="${at}"]`);
    });
    return h(
      'li',
      {},
      go,
      children.length > 0
        ? h(
            'ul',
            {},
            children.map((child) => item(child, childrenOf(child))),
          )
        : null,
    );
  };
  const childrenOf = (node: CyNodeData): CyNodeData[] =>
    ['HAS_SECTION', 'HAS_DOMAIN', 'HAS_TASK']
      .flatMap((type) => graph.outgoing(node.id, type))
      .flatMap((edge) => graph.nodes.get(edge.target) ?? [])
      .sort(byStart);
  outline.replaceChildren(
    h('h2', {}, ctx.t('outline')),
    h(
      'ul',
      {},
      graph.withLabel('Chapter').map((chapter) => item(chapter, childrenOf(chapter))),
    ),
  );
}

/** Find in text: the query, its hits ([start, end) offsets) and which hit is current. */
interface FindState {
  query: string;
  hits: Array<[number, number]>;
  current: number;
}

/** The find controls (input, previous/next, count), the mention legend and, with a target, "clear highlight". */
function findBar(
  ctx: ViewsContext,
  text: string,
  body: HTMLElement,
  find: FindState,
  render: () => void,
  hasTarget: boolean,
): Array<HTMLElement | string> {
  const input = h('input', {
    type: 'search',
    class: 'views-input reader-find',
    placeholder: ctx.t('findPlaceholder'),
    'aria-label': ctx.t('find'),
    value: find.query,
  });
  const count = h('span', { class: 'muted find-count', 'aria-live': 'polite' });
  const showCount = () => {
    count.textContent =
      find.query === ''
        ? ''
        : find.hits.length === 0
          ? ctx.t('findNone')
          : ctx.t('findCount', { i: find.current + 1, n: find.hits.length });
  };
  const step = (delta: number) => {
    if (find.hits.length === 0) return;
    find.current = (find.current + delta + find.hits.length) % find.hits.length;
    render();
    showCount();
    body.querySelector('.find-current')?.scrollIntoView({ block: 'center' });
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      find.query = input.value;
      find.hits = findAll(text, find.query);
      find.current = 0;
      ctx.setParams({ q: find.query === '' ? null : find.query });
      render();
      showCount();
      body.querySelector('.find-current')?.scrollIntoView({ block: 'center' });
    }, 200);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') step(event.shiftKey ? -1 : 1);
  });
  const legend = h(
    'span',
    { class: 'reader-legend' },
    `${ctx.t('mentionsLegend')}: `,
    MENTION_LABELS.map((label) =>
      h('span', { class: `mention mention-${label}` }, labelName(label, ctx.lang)),
    ),
  );
  const clear = hasTarget
    ? button(ctx.t('clearHighlight'), () => ctx.go('reader', { q: find.query === '' ? null : find.query }))
    : '';
  showCount();
  return [
    input,
    button(ctx.t('previous'), () => step(-1)),
    button(ctx.t('next'), () => step(1)),
    count,
    legend,
    clear,
  ];
}

/** The graph's selection: how many passages name it, with previous/next among them; or "nothing selected". */
function renderSelection(
  selection: HTMLElement,
  body: HTMLElement,
  ctx: ViewsContext,
  graph: PlanGraph,
  selectedId: string | null,
  selected: Array<[number, number]>,
) {
  if (!selectedId || selected.length === 0) {
    selection.replaceChildren(h('span', { class: 'muted' }, ctx.t('noSelection')));
    return;
  }
  let selectedAt = 0;
  const node = graph.nodes.get(selectedId);
  const jump = (delta: number) => {
    selectedAt = (selectedAt + delta + selected.length) % selected.length;
    body.querySelector(`.sp-${selectedAt}`)?.scrollIntoView({ block: 'center' });
  };
  selection.replaceChildren(
    h(
      'span',
      {},
      ctx.t('selectedPassages', { name: ctx.name(node ?? { id: selectedId }), n: selected.length }),
    ),
    button(ctx.t('previous'), () => jump(-1)),
    button(ctx.t('next'), () => jump(1)),
  );
}

/** A mention clicked, or Enter/Space on it, opens its node in the graph; returns the listeners' removers. */
function openMentionsInGraph(body: HTMLElement, ctx: ViewsContext): Array<() => void> {
  return [
    listen(body, 'click', (event) => {
      const span = (event.target as HTMLElement).closest<HTMLElement>('[data-node-id]');
      if (span?.dataset.nodeId) ctx.openInGraph(span.dataset.nodeId);
    }),
    listen(body, 'keydown', (event) => {
      const span = (event.target as HTMLElement).closest<HTMLElement>('[data-node-id]');
      if (span?.dataset.nodeId && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        ctx.openInGraph(span.dataset.nodeId);
      }
    }),
  ];
}

/** The passage a link asked for (`from`/`to` parameters), or null. */
function targetRange(ctx: ViewsContext): MarkRange | null {
  const from = Number(ctx.param('from'));
  const to = Number(ctx.param('to'));
  return Number.isInteger(from) && Number.isInteger(to) && to > from && ctx.param('from') !== null
    ? { start: from, end: to, className: 'reader-target' }
    : null;
}

/** Mounts the reader in `host`; `ready` settles once the text, outline and marks are drawn. */
export function mountReader(host: HTMLElement, ctx: ViewsContext): MountedView {
  const outline = h('nav', { class: 'reader-outline', 'aria-label': ctx.t('outline') });
  const bar = h('div', { class: 'views-controls reader-bar' });
  const selection = h('div', { class: 'reader-selection', 'aria-live': 'polite' });
  const body = h('article', { class: 'reader-text', lang: 'zh-CN', tabindex: 0 });
  host.replaceChildren(
    h(
      'section',
      { class: 'views-page reader-page' },
      h('div', { class: 'reader-layout' }, outline, h('div', { class: 'reader-main' }, bar, selection, body)),
    ),
  );
  const offs: Array<() => void> = [];

  const ready = ctx.data.plan().then((plan) => {
    const { text, graph } = plan;
    const mentions = mentionRanges(plan);
    const target = targetRange(ctx);
    const selectedId = ctx.explorer.controller.state.selected;
    const selected = selectedId ? passagesOf(plan, selectedId) : [];
    const query = ctx.param('q') ?? '';
    const find: FindState = { query, hits: findAll(text, query), current: 0 };
    const taskTitles = taskTitleRanges(graph);
    const headingAt = headingsByOffset(graph);

    const render = () => {
      const ranges: MarkRange[] = [
        ...taskTitles,
        ...mentions,
        ...selected.map(([start, end], i) => ({ start, end, className: `selected-passage sp-${i}` })),
        ...find.hits.map(([start, end], i) => ({
          start,
          end,
          className: i === find.current ? 'find-hit find-current' : 'find-hit',
        })),
        ...(target ? [target] : []),
      ];
      renderText(body, ctx, plan, ranges, headingAt);
    };

    renderOutline(outline, body, ctx, graph);
    bar.replaceChildren(...findBar(ctx, text, body, find, render, target !== null));
    renderSelection(selection, body, ctx, graph, selectedId, selected);
    render();
    offs.push(...openMentionsInGraph(body, ctx));
    requestAnimationFrame(() => {
      if (target) body.querySelector('.reader-target')?.scrollIntoView({ block: 'center' });
      else if (find.query !== '' && find.hits.length > 0)
        body.querySelector('.find-current')?.scrollIntoView({ block: 'center' });
      else if (selected.length > 0)
        body.querySelector('.selected-passage')?.scrollIntoView({ block: 'center' });
    });
  });
  return {
    ready,
    teardown() {
      for (const off of offs) off();
      host.replaceChildren();
    },
  };
}
