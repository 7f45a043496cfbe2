// The corpus page (issue 18): one national body across every imported document (what it leads and joins, by
// date, with the quotes), one pilot zone traced through every document and sentence naming it, and two
// documents compared (shared and unique bodies and pilots, most similar tasks side by side).
import type {
  AgencyProfile,
  CorpusEntity,
  CorpusPlan,
  PlanComparison,
  ZoneTrace,
} from '../../../../server/src/domain/corpus.ts';
import { importedPlans } from '../../api/active-plan.ts';
import { getJson } from '../../api/http.ts';
import type { MountedView, ViewsContext } from '../context.ts';
import { h, loadInto } from '../view-kit.ts';
import { ct } from './corpus-i18n.ts';

/** The page's URL keys: which tab, and what each tab shows. */
export const CORPUS_KEYS = ['corpusTab', 'corpusAgency', 'corpusZone', 'compareA', 'compareB'] as const;
const TABS = ['agency', 'zone', 'compare'] as const;
type Tab = (typeof TABS)[number];

const api = {
  entities: (kind: 'agencies' | 'pilots') =>
    getJson<{ entities: CorpusEntity[] }>(`/api/corpus/${kind}?limit=500`).then((r) => r.entities),
  profile: (id: string) => getJson<AgencyProfile>(`/api/corpus/agencies/${encodeURIComponent(id)}`),
  trace: (id: string) => getJson<ZoneTrace>(`/api/corpus/pilots/${encodeURIComponent(id)}/trace`),
  compare: (a: string, b: string) =>
    getJson<PlanComparison>(`/api/compare?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}&limit=12`),
};

export function mountCorpus(host: HTMLElement, ctx: ViewsContext): MountedView {
  const t = (key: Parameters<typeof ct>[1], values?: Record<string, string | number>) =>
    ct(ctx.lang, key, values);
  const param = ctx.param('corpusTab');
  const tab: Tab = (TABS as readonly string[]).includes(param ?? '') ? (param as Tab) : 'agency';
  const tabs = h(
    'div',
    { class: 'corpus-tabs', role: 'tablist' },
    TABS.map((name) => {
      const label = t(name === 'agency' ? 'tabAgency' : name === 'zone' ? 'tabZone' : 'tabCompare');
      const button = h(
        'button',
        { type: 'button', role: 'tab', class: 'views-button', 'aria-selected': String(name === tab) },
        label,
      );
      button.addEventListener('click', () => ctx.go('corpus', { corpusTab: name }));
      return button;
    }),
  );
  const controls = h('div', { class: 'views-controls' });
  const body = h('div', { class: 'corpus-body' });
  host.replaceChildren(
    h(
      'section',
      { class: 'views-page corpus-page' },
      h(
        'header',
        { class: 'views-header' },
        h('h1', {}, t('title')),
        h('p', { class: 'views-hint' }, t('hint')),
      ),
      tabs,
      controls,
      body,
    ),
  );
  const ready =
    tab === 'compare' ? showCompare(ctx, t, controls, body) : showEntity(ctx, t, tab, controls, body);
  return { ready, teardown: () => host.replaceChildren() };
}

type T = (key: Parameters<typeof ct>[1], values?: Record<string, string | number>) => string;

function picker(
  label: string,
  options: Array<{ value: string; text: string }>,
  value: string | null,
  onChange: (v: string) => void,
) {
  const select = h(
    'select',
    { class: 'views-select' },
    options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.text)),
  );
  select.addEventListener('change', () => onChange(select.value));
  return h('label', { class: 'views-field' }, `${label} `, select);
}

function planHeading(t: T, plan: CorpusPlan): HTMLElement {
  return h(
    'h2',
    { class: 'corpus-plan' },
    h('span', { class: 'corpus-date' }, plan.date ?? t('undated')),
    ' ',
    plan.docNumber ? h('span', { class: 'corpus-doc-number' }, plan.docNumber) : null,
    ' ',
    plan.title,
  );
}

async function showEntity(
  ctx: ViewsContext,
  t: T,
  tab: 'agency' | 'zone',
  controls: HTMLElement,
  body: HTMLElement,
) {
  const key = tab === 'agency' ? 'corpusAgency' : 'corpusZone';
  body.replaceChildren(h('p', { class: 'views-loading', role: 'status' }, ctx.t('loading')));
  const entities = await api.entities(tab === 'agency' ? 'agencies' : 'pilots');
  const shared = entities.filter((e) => e.plans > 1);
  const list = shared.length > 0 ? shared : entities;
  if (list.length === 0) {
    body.replaceChildren(h('p', { class: 'views-hint' }, t('empty')));
    return;
  }
  const chosen = ctx.param(key) ?? list[0]?.id ?? '';
  controls.replaceChildren(
    picker(
      t(tab === 'agency' ? 'pickAgency' : 'pickZone'),
      list.map((e) => ({ value: e.id, text: `${ctx.name(e)} · ${t('inPlans', { n: e.plans })}` })),
      chosen,
      (value) => ctx.go('corpus', { corpusTab: tab, [key]: value }),
    ),
  );
  await loadInto(body, ctx, async () =>
    tab === 'agency' ? renderProfile(t, await api.profile(chosen)) : renderTrace(t, await api.trace(chosen)),
  );
}

function renderProfile(t: T, profile: AgencyProfile): Node {
  return h(
    'div',
    { class: 'corpus-list', 'data-corpus-id': profile.agency.id },
    profile.plans.map((entry) =>
      h(
        'article',
        { class: 'corpus-card', 'data-plan': entry.plan.id },
        planHeading(t, entry.plan),
        // MENTIONS edges count only sentences linked to the body; a body found elsewhere (a title, a role note)
        // has none, and "named 0 times" beside its own name would read as a contradiction.
        h(
          'p',
          { class: 'views-hint' },
          entry.mentions > 0 ? `${entry.name} · ${t('mentions', { n: entry.mentions })}` : entry.name,
        ),
        entry.roles.length === 0
          ? h('p', { class: 'views-hint' }, t('noRoles'))
          : h(
              'ul',
              { class: 'corpus-roles' },
              entry.roles.map((role) =>
                h(
                  'li',
                  { 'data-task-id': role.taskId },
                  h('span', { class: `badge role-${role.role}` }, t(role.role)),
                  ' ',
                  h('strong', {}, role.taskTitle),
                  h('blockquote', { class: 'corpus-quote' }, role.quote),
                ),
              ),
            ),
      ),
    ),
  );
}

/** The sentence with the pilot's name marked. */
function markedSentence(
  sentence: string,
  sentenceStart: number,
  start: number | null,
  end: number | null,
): Node[] {
  if (start === null || end === null || start < sentenceStart) return [document.createTextNode(sentence)];
  const [from, to] = [start - sentenceStart, end - sentenceStart];
  return [
    document.createTextNode(sentence.slice(0, from)),
    h('mark', {}, sentence.slice(from, to)),
    document.createTextNode(sentence.slice(to)),
  ];
}

function renderTrace(t: T, trace: ZoneTrace): Node {
  return h(
    'div',
    { class: 'corpus-list', 'data-corpus-id': trace.pilot.id },
    trace.plans.map((entry) =>
      h(
        'article',
        { class: 'corpus-card', 'data-plan': entry.plan.id },
        planHeading(t, entry.plan),
        h(
          'ol',
          { class: 'passages' },
          entry.passages.map((p) =>
            h(
              'li',
              { class: 'passage' },
              h('p', { class: 'passage-text' }, markedSentence(p.sentence, p.sentenceStart, p.start, p.end)),
            ),
          ),
        ),
      ),
    ),
  );
}

async function showCompare(ctx: ViewsContext, t: T, controls: HTMLElement, body: HTMLElement) {
  const plans = importedPlans();
  const options = plans.map((p) => ({
    value: p.id,
    text: `${p.issuedOn ?? p.periodStart ?? ''} ${p.title}`,
  }));
  const a = ctx.param('compareA') ?? plans.find((p) => p.seed)?.id ?? plans[0]?.id ?? '';
  const b = ctx.param('compareB') ?? plans.find((p) => p.id !== a)?.id ?? '';
  const go = (changes: Record<string, string>) =>
    ctx.go('corpus', { corpusTab: 'compare', compareA: a, compareB: b, ...changes });
  controls.replaceChildren(
    picker(t('planA'), options, a, (value) => go({ compareA: value })),
    picker(t('planB'), options, b, (value) => go({ compareB: value })),
  );
  if (!a || !b || a === b) {
    body.replaceChildren(h('p', { class: 'views-hint' }, t('empty')));
    return;
  }
  await loadInto(body, ctx, async () => renderComparison(t, await api.compare(a, b)));
}

function renderComparison(t: T, comparison: PlanComparison): Node {
  const sides = (title: string, set: PlanComparison['agencies']) =>
    h(
      'table',
      { class: 'corpus-sides' },
      h('caption', {}, title),
      h('thead', {}, h('tr', {}, h('th', {}, t('shared')), h('th', {}, t('onlyA')), h('th', {}, t('onlyB')))),
      h(
        'tbody',
        {},
        h(
          'tr',
          {},
          [set.shared, set.onlyA, set.onlyB].map((list) =>
            h(
              'td',
              {},
              h(
                'ul',
                {},
                list.map((e) => h('li', {}, e.name)),
              ),
            ),
          ),
        ),
      ),
    );
  const pairs =
    comparison.similarTasks.length === 0
      ? h('p', { class: 'views-hint' }, t('noSimilar'))
      : h(
          'table',
          { class: 'corpus-pairs' },
          h('caption', {}, t('similarTasks')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', {}, comparison.a.title),
              h('th', {}, t('similarity')),
              h('th', {}, comparison.b.title),
            ),
          ),
          h(
            'tbody',
            {},
            comparison.similarTasks.map((pair) =>
              h(
                'tr',
                {},
                h(
                  'td',
                  {},
                  h('strong', {}, pair.a.title),
                  h('blockquote', { class: 'corpus-quote' }, pair.a.quote),
                ),
                h('td', { class: 'corpus-score' }, pair.similarity.toFixed(2)),
                h(
                  'td',
                  {},
                  h('strong', {}, pair.b.title),
                  h('blockquote', { class: 'corpus-quote' }, pair.b.quote),
                ),
              ),
            ),
          ),
        );
  return h(
    'div',
    { class: 'corpus-compare' },
    sides(t('agencies'), comparison.agencies),
    sides(t('pilots'), comparison.pilots),
    pairs,
  );
}
