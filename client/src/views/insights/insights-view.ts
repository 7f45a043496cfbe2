// Insights: short ranked lists that lead into the graph — the most central tasks (from /api/stats), the
// domains with the most dependencies across domain lines, and the agencies with the most partners (from the
// agency matrix).
import type { TaskRanking } from '../../../../server/src/domain/types.ts';
import type { MountedView, ViewsContext } from '../context.ts';
import type { PlanData } from '../data.ts';
import { h, loadInto, nodeLink, rankedList } from '../view-kit.ts';

const TOP = 10;

/** Per domain: DEPENDS_ON edges whose other end is a task of another domain. */
export function crossDomainDependencies(plan: PlanData): Array<{ id: string; count: number }> {
  const counts = new Map<string, number>();
  for (const task of plan.graph.withLabel('Task')) {
    for (const edge of plan.graph.outgoing(task.id, 'DEPENDS_ON')) {
      const from = plan.graph.domainOf(edge.source)?.id;
      const to = plan.graph.domainOf(edge.target)?.id;
      if (!from || !to || from === to) continue;
      counts.set(from, (counts.get(from) ?? 0) + 1);
      counts.set(to, (counts.get(to) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
}

export function mountInsights(host: HTMLElement, ctx: ViewsContext): MountedView {
  const central = h('section', { class: 'insight-card' });
  const degree = h('section', { class: 'insight-card' });
  const domains = h('section', { class: 'insight-card' });
  const agencies = h('section', { class: 'insight-card' });
  host.replaceChildren(
    h(
      'section',
      { class: 'views-page insights-page' },
      h('header', { class: 'views-header' }, h('h1', {}, ctx.t('insightsTitle'))),
      h('div', { class: 'insight-grid' }, central, degree, domains, agencies),
    ),
  );

  const ready = ctx.data.plan().then(async (plan) => {
    const node = (id: string, fallback: { name: string; nameEn: string | null }) =>
      plan.graph.nodes.get(id) ?? { id, ...fallback };
    const card = (title: string, hint: string | null, list: Node) =>
      h('div', {}, h('h2', {}, title), hint ? h('p', { class: 'views-hint' }, hint) : null, list);
    const ranking = (items: TaskRanking[], digits: number) =>
      rankedList(
        items.slice(0, TOP),
        (item) => item.value,
        (item) => nodeLink(ctx, node(item.id, item)),
        (item) => item.value.toFixed(digits),
      );
    await Promise.all([
      loadInto(central, ctx, async () =>
        card(
          ctx.t('centralTasks'),
          ctx.t('centralTasksHint'),
          ranking((await ctx.data.stats()).byBetweenness, 3),
        ),
      ),
      loadInto(degree, ctx, async () =>
        card(
          ctx.t('degreeTasks'),
          (await ctx.data.stats()).rankingGraph,
          ranking((await ctx.data.stats()).byDegree, 0),
        ),
      ),
      loadInto(domains, ctx, async () =>
        card(
          ctx.t('crossDomains'),
          ctx.t('crossDomainsHint'),
          rankedList(
            crossDomainDependencies(plan).slice(0, TOP),
            (item) => item.count,
            (item) => nodeLink(ctx, node(item.id, { name: item.id, nameEn: null })),
            (item) => ctx.t('dependencies', { n: item.count }),
          ),
        ),
      ),
      loadInto(agencies, ctx, async () => {
        const matrix = await ctx.data.matrix('all', []);
        const partners = new Map<string, number>();
        for (const cell of matrix.cells) {
          partners.set(cell.a, (partners.get(cell.a) ?? 0) + 1);
          partners.set(cell.b, (partners.get(cell.b) ?? 0) + 1);
        }
        const ranked = [...partners.entries()]
          .map(([id, count]) => ({ id, count }))
          .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
          .slice(0, TOP);
        return card(
          ctx.t('partnerAgencies'),
          ctx.t('partnerAgenciesHint'),
          rankedList(
            ranked,
            (item) => item.count,
            (item) => nodeLink(ctx, node(item.id, { name: item.id, nameEn: null })),
            (item) => ctx.t('partnerCount', { n: item.count }),
          ),
        );
      }),
    ]);
  });
  return { ready, teardown: () => host.replaceChildren() };
}
