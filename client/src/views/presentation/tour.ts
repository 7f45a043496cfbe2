// The built-in tour, generated from whatever plan is loaded: an overview, each domain on its own, the pilots
// that carry the most tasks, and the most connected tasks. No scene names a plan: titles come from the data.
import type { PlanStats, SceneInput } from '../../../../server/src/domain/types.ts';
import { encodeUrlState } from '../../model/url-state.ts';
import { DEFAULT_VIEW } from '../../model/view-state.ts';
import type { Lang, ViewState } from '../../types.ts';
import type { ViewsContext } from '../context.ts';
import type { PlanData } from '../data.ts';

const TOUR_PILOTS = 2;
const TOUR_TASKS = 3;

export function buildTour(ctx: ViewsContext, plan: PlanData, stats: PlanStats): SceneInput[] {
  const { graph } = plan;
  const lang: Lang = ctx.lang;
  const scene = (name: string, caption: string, view: ViewState, selected: string | null): SceneInput => ({
    name,
    caption,
    state: { link: encodeUrlState({ view, selected, lang }), positions: {} },
  });
  const domains = graph.withLabel('Domain');
  const tasks = graph.withLabel('Task');
  const title = lang === 'en' && plan.plan.titleEn ? plan.plan.titleEn : plan.plan.title;
  const scenes: SceneInput[] = [
    scene(
      ctx.t('tourOverviewName'),
      ctx.t('tourOverview', {
        title,
        domains: domains.length,
        tasks: tasks.length,
        agencies: graph.withLabel('Agency').length,
        pilots: graph.withLabel('Pilot').length,
      }),
      DEFAULT_VIEW,
      null,
    ),
  ];
  domains.forEach((domain, i) => {
    const others = domains.filter((other) => other.id !== domain.id).map((other) => other.id);
    scenes.push(
      scene(
        ctx.name(domain),
        ctx.t('tourDomain', {
          n: i + 1,
          name: ctx.name(domain),
          tasks: graph.outgoing(domain.id, 'HAS_TASK').length,
        }),
        // The domain opened in place (the overview folds closed domains), the others filtered away.
        { ...DEFAULT_VIEW, opened: [domain.id], filters: { ...DEFAULT_VIEW.filters, hiddenDomains: others } },
        // Nothing selected: a selection would dim the domain's own tasks, which are its children, not neighbours.
        null,
      ),
    );
  });
  const pilotTasks = (id: string) => {
    const ids = new Set(graph.incoming(id, 'PILOTED_IN').map((edge) => edge.source));
    return [...ids];
  };
  const pilots = graph
    .withLabel('Pilot')
    .map((pilot) => ({ pilot, tasks: pilotTasks(pilot.id) }))
    .filter((entry) => entry.tasks.length > 0)
    .sort((a, b) => b.tasks.length - a.tasks.length || a.pilot.id.localeCompare(b.pilot.id))
    .slice(0, TOUR_PILOTS);
  for (const { pilot, tasks: ids } of pilots) {
    const touched = new Set(ids.flatMap((id) => graph.domainOf(id)?.id ?? []));
    scenes.push(
      scene(
        ctx.name(pilot),
        ctx.t('tourPilot', { name: ctx.name(pilot), tasks: ids.length, domains: touched.size }),
        // Every domain drawn in full: a pilot's tasks sit in several domains.
        { ...DEFAULT_VIEW, overview: false, expanded: [pilot.id] },
        pilot.id,
      ),
    );
  }
  const central = stats.byDegree.slice(0, TOUR_TASKS);
  if (central.length > 0) {
    scenes.push(
      scene(
        ctx.t('tourCentralName'),
        ctx.t('tourCentral', {
          names: central
            .map((task) => ctx.name(graph.nodes.get(task.id) ?? task))
            .join(lang === 'zh' ? '、' : '; '),
        }),
        { ...DEFAULT_VIEW, overview: false, layout: 'concentric' },
        central[0]?.id ?? null,
      ),
    );
  }
  return scenes;
}
