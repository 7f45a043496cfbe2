// The responsibility matrix for planners: agencies × agencies, each cell the number of tasks both are
// involved in, rows and columns in a clustering order. A cell opens the shared tasks; an agency its profile.
import type { AgencyMatrix } from '../../../../server/src/domain/types.ts';
import type { CyNodeData } from '../../types.ts';
import type { MountedView, ViewsContext } from '../context.ts';
import { type MatrixBasis, type PlanData, type PlanGraphIndex, str } from '../data.ts';
import { button, h, loadInto, nodeLink } from '../view-kit.ts';
import { seriate } from './seriation.ts';

const SVG = 'http://www.w3.org/2000/svg';
const CELL = 15;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  return element;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Light blue to deep blue, on a square-root scale so single shared tasks stay visible. */
function heat(value: number, max: number): string {
  const t = Math.sqrt(value / Math.max(1, max));
  const from = [219, 234, 254];
  const to = [30, 58, 138];
  const mix = from.map((c, i) => Math.round(c + ((to[i] ?? c) - c) * t));
  return `rgb(${mix.join(',')})`;
}

export interface OrderedMatrix {
  ids: string[];
  count(a: string, b: string): number;
  tasks(a: string, b: string): string[];
  max: number;
}

/** The agencies that share at least one task, in seriation order (cosine similarity of their task sets). */
export function orderMatrix(matrix: AgencyMatrix): OrderedMatrix {
  const cells = new Map<string, { count: number; tasks: string[] }>();
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  for (const cell of matrix.cells) cells.set(key(cell.a, cell.b), cell);
  const linked = new Set(matrix.cells.flatMap((cell) => [cell.a, cell.b]));
  const agencies = matrix.agencies.filter((agency) => linked.has(agency.id));
  const count = (a: string, b: string) => cells.get(key(a, b))?.count ?? 0;
  const order = seriate(agencies.length, (i, j) => {
    const x = agencies[i];
    const y = agencies[j];
    if (!x || !y) return 0;
    return count(x.id, y.id) / Math.sqrt(Math.max(1, x.taskCount) * Math.max(1, y.taskCount));
  });
  return {
    ids: order.flatMap((i) => agencies[i]?.id ?? []),
    count,
    tasks: (a, b) => cells.get(key(a, b))?.tasks ?? [],
    max: Math.max(1, ...matrix.cells.map((cell) => cell.count)),
  };
}

export function mountMatrix(host: HTMLElement, ctx: ViewsContext): MountedView {
  const basis: MatrixBasis = ctx.param('mb') === 'text' ? 'text' : 'all';
  const domains = ctx.params('md');
  const controls = h('div', { class: 'views-controls' });
  const board = h('div', { class: 'matrix-board' });
  const panel = h('aside', { class: 'views-panel matrix-panel', 'aria-live': 'polite' });
  host.replaceChildren(
    h(
      'section',
      { class: 'views-page matrix-page' },
      h(
        'header',
        { class: 'views-header' },
        h('h1', {}, ctx.t('matrixTitle')),
        h('p', { class: 'views-hint' }, ctx.t('matrixHint')),
      ),
      controls,
      h('div', { class: 'matrix-body' }, board, panel),
    ),
  );

  const ready = ctx.data.plan().then(async (plan) => {
    renderControls(controls, ctx, plan, basis, domains);
    let matrix: AgencyMatrix | null = null;
    await loadInto(board, ctx, async () => {
      matrix = await ctx.data.matrix(basis, domains);
      return renderHeatmap(
        ctx,
        plan,
        orderMatrix(matrix),
        (a, b) => {
          ctx.setParams({ mc: `${a}|${b}`, ma: null });
          renderPanel();
        },
        (id) => {
          ctx.setParams({ ma: id, mc: null });
          renderPanel();
        },
      );
    });
    const renderPanel = () => {
      if (matrix) renderSide(panel, ctx, plan, orderMatrix(matrix), basis, renderPanel);
    };
    renderPanel();
  });
  return { ready, teardown: () => host.replaceChildren() };
}

function renderControls(
  controls: HTMLElement,
  ctx: ViewsContext,
  plan: PlanData,
  basis: MatrixBasis,
  domains: string[],
) {
  const reload = (changes: Record<string, string | string[] | null>) =>
    ctx.go('matrix', { mb: ctx.param('mb'), md: ctx.params('md'), ma: ctx.param('ma'), ...changes });
  const basisGroup = h(
    'fieldset',
    { class: 'views-fieldset basis-switch' },
    h('legend', {}, ctx.t('basisLegend')),
    (['text', 'all'] as const).map((value) => {
      const input = h('input', { type: 'radio', name: 'matrix-basis', value, checked: basis === value });
      input.addEventListener('change', () => reload({ mb: value === 'text' ? 'text' : null }));
      return h('label', {}, input, ` ${ctx.t(value === 'text' ? 'basisText' : 'basisAll')}`);
    }),
  );
  const domainGroup = h(
    'fieldset',
    { class: 'views-fieldset domain-filter' },
    h('legend', {}, ctx.t('domainFilter')),
    plan.graph.withLabel('Domain').map((domain) => {
      const input = h('input', { type: 'checkbox', value: domain.id, checked: domains.includes(domain.id) });
      input.addEventListener('change', () => {
        const next = input.checked ? [...domains, domain.id] : domains.filter((id) => id !== domain.id);
        reload({ md: next });
      });
      return h('label', { title: ctx.name(domain) }, input, ` ${clip(ctx.name(domain), 16)}`);
    }),
    domains.length > 0 ? button(ctx.t('allDomains'), () => reload({ md: null })) : null,
  );
  controls.replaceChildren(basisGroup, domainGroup);
}

function renderHeatmap(
  ctx: ViewsContext,
  plan: PlanData,
  matrix: OrderedMatrix,
  onCell: (a: string, b: string) => void,
  onAgency: (id: string) => void,
): Node {
  const { ids } = matrix;
  if (ids.length === 0) return h('p', { class: 'views-empty' }, ctx.t('matrixEmpty'));
  const size = ids.length * CELL;
  // English agency names run long: a wider margin and a later cut keep them apart.
  const margin = ctx.lang === 'zh' ? 190 : 260;
  const cut = ctx.lang === 'zh' ? 12 : 38;
  const root = svg('svg', {
    class: 'matrix-svg',
    width: margin + size + 10,
    height: margin + size + 10,
    role: 'grid',
    'aria-label': ctx.t('matrixTitle'),
  });
  const name = (id: string) => ctx.name(plan.graph.nodes.get(id) ?? { id });
  const labels = svg('g', { class: 'matrix-labels' });
  ids.forEach((id, i) => {
    const full = name(id);
    const row = svg('text', {
      x: margin - 6,
      y: margin + i * CELL + CELL * 0.72,
      'text-anchor': 'end',
      class: 'matrix-label',
      'data-agency-id': id,
      tabindex: 0,
      role: 'button',
    });
    row.textContent = clip(full, cut);
    const col = svg('text', {
      transform: `translate(${margin + i * CELL + CELL * 0.7},${margin - 6}) rotate(-60)`,
      class: 'matrix-label',
      'data-agency-id': id,
    });
    col.textContent = clip(full, cut);
    for (const label of [row, col]) {
      const title = svg('title', {});
      title.textContent = full;
      label.append(title);
      label.addEventListener('click', () => onAgency(id));
      label.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') onAgency(id);
      });
      labels.append(label);
    }
  });
  const cells = svg('g', { class: 'matrix-cells' });
  ids.forEach((a, i) => {
    ids.forEach((b, j) => {
      const value = i === j ? 0 : matrix.count(a, b);
      const rect = svg('rect', {
        x: margin + j * CELL,
        y: margin + i * CELL,
        width: CELL - 1,
        height: CELL - 1,
        fill: i === j ? '#e2e8f0' : value > 0 ? heat(value, matrix.max) : '#f8fafc',
        class: value > 0 ? 'matrix-cell filled' : 'matrix-cell',
        'data-a': a,
        'data-b': b,
        'data-count': value,
      });
      if (value > 0) {
        rect.setAttribute('tabindex', '0');
        rect.setAttribute('role', 'button');
        const title = svg('title', {});
        title.textContent = ctx.t('cellTitle', { a: name(a), b: name(b), n: value });
        rect.append(title);
        rect.addEventListener('click', () => onCell(a, b));
        rect.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') onCell(a, b);
        });
      }
      cells.append(rect);
    });
  });
  root.append(labels, cells);
  return root;
}

function renderSide(
  panel: HTMLElement,
  ctx: ViewsContext,
  plan: PlanData,
  matrix: OrderedMatrix,
  basis: MatrixBasis,
  rerender: () => void,
) {
  const cell = ctx.param('mc')?.split('|');
  const agency = ctx.param('ma');
  const close = button(ctx.t('close'), () => {
    ctx.setParams({ mc: null, ma: null });
    rerender();
  });
  if (cell && cell.length === 2) {
    const [a, b] = cell as [string, string];
    const tasks = matrix.tasks(a, b).flatMap((id) => plan.graph.nodes.get(id) ?? []);
    panel.replaceChildren(
      h(
        'h2',
        {},
        ctx.t('sharedTasks', {
          n: tasks.length,
          a: ctx.name(plan.graph.nodes.get(a) ?? { id: a }),
          b: ctx.name(plan.graph.nodes.get(b) ?? { id: b }),
        }),
      ),
      h(
        'ul',
        { class: 'task-list shared-tasks' },
        tasks.map((task) => taskItem(ctx, plan.graph, task)),
      ),
      close,
    );
    return;
  }
  if (agency && plan.graph.nodes.has(agency)) {
    panel.replaceChildren(agencyProfile(ctx, plan, matrix, agency, basis, rerender), close);
    return;
  }
  panel.replaceChildren(h('p', { class: 'views-hint' }, ctx.t('pickCell')));
}

function taskItem(ctx: ViewsContext, graph: PlanGraphIndex, task: CyNodeData, note?: string): HTMLLIElement {
  const domain = graph.domainOf(task.id);
  return h(
    'li',
    { 'data-task-id': task.id },
    nodeLink(ctx, task),
    note ? h('span', { class: 'badge' }, note) : null,
    domain ? h('span', { class: 'muted small' }, ` · ${ctx.name(domain)}`) : null,
  );
}

function agencyProfile(
  ctx: ViewsContext,
  plan: PlanData,
  matrix: OrderedMatrix,
  agency: string,
  basis: MatrixBasis,
  rerender: () => void,
): Node {
  const { graph } = plan;
  const node = graph.nodes.get(agency) as CyNodeData;
  const kept = (edgeBasis: unknown) => basis === 'all' || (str(edgeBasis) ?? 'text') === 'text';
  const responsibility = (type: string) =>
    graph
      .incoming(agency, type)
      .filter((edge) => kept(edge.basis))
      .flatMap((edge) => {
        const task = graph.nodes.get(edge.source);
        return task ? [{ task, curated: str(edge.basis) === 'curated' }] : [];
      });
  const leads = responsibility('LED_BY');
  const joins = responsibility('INVOLVES');
  const mentioned = new Map<string, CyNodeData>();
  for (const edge of graph.incoming(agency, 'MENTIONS')) {
    const source = graph.nodes.get(edge.source);
    const task =
      source?.label === 'Task'
        ? source
        : source?.label === 'Measure'
          ? graph.nodes.get(graph.incoming(source.id, 'HAS_MEASURE')[0]?.source ?? '')
          : undefined;
    if (task) mentioned.set(task.id, task);
  }
  const allTasks = [...leads.map((x) => x.task), ...joins.map((x) => x.task), ...mentioned.values()];
  const domains = new Map<string, CyNodeData>();
  for (const task of allTasks) {
    const domain = graph.domainOf(task.id);
    if (domain) domains.set(domain.id, domain);
  }
  const partners = matrix.ids
    .filter((id) => id !== agency && matrix.count(agency, id) > 0)
    .sort((x, y) => matrix.count(agency, y) - matrix.count(agency, x) || x.localeCompare(y));
  const section = (title: string, items: Node[]) =>
    h(
      'section',
      { class: 'profile-section' },
      h('h3', {}, `${title} (${items.length})`),
      items.length > 0 ? h('ul', { class: 'task-list' }, items) : h('p', { class: 'muted' }, ctx.t('none')),
    );
  return h(
    'div',
    { class: 'agency-profile', 'data-agency-id': agency },
    h('h2', {}, ctx.t('profile'), ': ', nodeLink(ctx, node)),
    section(
      ctx.t('leads'),
      leads.map(({ task, curated }) =>
        taskItem(ctx, graph, task, curated ? ctx.t('curatedMark') : undefined),
      ),
    ),
    section(
      ctx.t('joins'),
      joins.map(({ task, curated }) =>
        taskItem(ctx, graph, task, curated ? ctx.t('curatedMark') : undefined),
      ),
    ),
    section(
      ctx.t('mentionedIn'),
      [...mentioned.values()].map((task) => taskItem(ctx, graph, task)),
    ),
    section(
      ctx.t('domains'),
      [...domains.values()].map((domain) => h('li', {}, nodeLink(ctx, domain))),
    ),
    section(
      ctx.t('partners'),
      partners.map((id) => {
        const show = button(ctx.t('sharedCount', { n: matrix.count(agency, id) }), () => {
          ctx.setParams({ mc: `${agency}|${id}`, ma: null });
          rerender();
        });
        return h('li', {}, nodeLink(ctx, graph.nodes.get(id) ?? { id }), ' ', show);
      }),
    ),
  );
}
