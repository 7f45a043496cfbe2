// The review page (issue 17): every agency, pilot, role and link the importer extracted, least confident first,
// filterable, with the curation actions on the keyboard (j/k move, a accept, r reject, n rename, e English name,
// m merge, l / i set lead / involved, Enter open) so a reviewer can do hundreds. Viewers read; editors curate.
// Each decision is applied by the server before it answers; the list is then reloaded.
import './review.css';
import type { DecisionInput, Review, ReviewFact } from '../../../../server/src/domain/curation.ts';
import { activePlan } from '../../api/active-plan.ts';
import { h, listen, replaceChildren } from '../../ui/dom.ts';
import { session, WriteError } from '../auth/session.ts';
import type { MountedView, ViewsContext } from '../context.ts';
import { button } from '../view-kit.ts';
import {
  ACTION_KEYS,
  ACTION_LABEL,
  type Action,
  applies,
  decisionsPanel,
  detailPanel,
  type FormKind,
} from './review-actions.ts';
import { fetchReview, sendDecision, sendYaml, yamlUrl } from './review-api.ts';
import { ALL, factList, filterBar, filtered, type ReviewFilter } from './review-list.ts';

interface State {
  review: Review | null;
  filter: ReviewFilter;
  active: string | null;
  form: FormKind | null;
  busy: boolean;
  message: { text: string; error: boolean } | null;
}

/** One mounted review page: its plan, state and element, shared by the helpers below. */
interface ReviewPage {
  ctx: ViewsContext;
  plan: string | null;
  state: State;
  page: HTMLElement;
}

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** The review rows the filter lets through (none before the review loaded). */
const rows = ({ state }: ReviewPage): ReviewFact[] =>
  state.review ? filtered(state.review, state.filter) : [];
/** The row the cursor is on, if it is shown. */
const activeFact = (r: ReviewPage) => rows(r).find((f) => f.id === r.state.active) ?? null;
const canEdit = () => session.can('editor');

/** Fetches the plan's review, keeps the cursor on a shown row, and renders. */
async function load(r: ReviewPage): Promise<void> {
  if (!r.plan) return;
  r.state.review = await fetchReview(r.plan);
  const list = rows(r);
  if (!list.some((f) => f.id === r.state.active)) r.state.active = list[0]?.id ?? null;
  render(r);
}

/** Moves the cursor `step` rows (clamped to the list) and closes any form. */
function move(r: ReviewPage, step: number) {
  const list = rows(r);
  if (list.length === 0) return;
  const at = list.findIndex((f) => f.id === r.state.active);
  const next = Math.min(list.length - 1, Math.max(0, at < 0 ? 0 : at + step));
  r.state.active = list[next]?.id ?? null;
  r.state.form = null;
  render(r);
}

/** Sends one decision, reports the outcome, reloads; `advance` moves the cursor to the next row. */
async function submit(r: ReviewPage, decision: DecisionInput, advance = false) {
  const { ctx, plan, state } = r;
  if (!plan || state.busy) return;
  state.busy = true;
  state.message = { text: ctx.t('reviewSaving'), error: false };
  render(r);
  try {
    await sendDecision(plan, decision);
    const list = rows(r);
    const at = list.findIndex((f) => f.id === state.active);
    if (advance) state.active = list[at + 1]?.id ?? state.active;
    state.form = null;
    state.message = {
      text: ctx.t('reviewSaved', { what: ctx.t(ACTION_LABEL[decision.action]) }),
      error: false,
    };
    await load(r);
  } catch (error) {
    const message = error instanceof WriteError || error instanceof Error ? error.message : String(error);
    state.message = { text: ctx.t('reviewFailed', { message }), error: true };
  } finally {
    state.busy = false;
    render(r);
  }
}

/** Does `action` on the active row: open it in the graph, decide at once, or open the action's form. */
function act(r: ReviewPage, action: Action | 'open') {
  const fact = activeFact(r);
  if (!fact) return;
  if (action === 'open') {
    if (fact.status !== 'rejected') r.ctx.openInGraph(fact.from?.id ?? fact.id);
    return;
  }
  if (!canEdit() || !applies(action, fact)) return;
  if (action === 'accept' || action === 'reject') {
    void submit(r, { action, target: fact.id }, true);
  } else if ((action === 'lead' || action === 'involved') && fact.kind === 'role' && fact.from && fact.to) {
    void submit(r, { action: 'setRole', task: fact.from.id, agency: fact.to.id, role: action });
  } else {
    r.state.form = action;
    render(r);
  }
}

/** Uploads an annotation YAML as the plan's curation, reports how many decisions it held, reloads. */
async function importYaml(r: ReviewPage, file: File) {
  const { ctx, plan, state } = r;
  if (!plan) return;
  state.busy = true;
  render(r);
  try {
    const done = await sendYaml(plan, file);
    state.message = {
      text: ctx.t('reviewImported', { n: done.decisions, orphaned: done.orphaned }),
      error: false,
    };
    await load(r);
  } catch (error) {
    state.message = { text: ctx.t('reviewFailed', { message: (error as Error).message }), error: true };
  } finally {
    state.busy = false;
    render(r);
  }
}

/** Opens (`'add'`) or closes (null) the detail panel's form. */
function setForm(r: ReviewPage, form: FormKind | null) {
  r.state.form = form;
  render(r);
}

/** The filters, row count, YAML export and, for editors, YAML import and "add". */
function toolbar(r: ReviewPage, review: Review): HTMLElement {
  const { ctx, state } = r;
  const bar = h(
    'div',
    { class: 'review-toolbar' },
    filterBar(ctx, review, state.filter, (next) => {
      state.filter = next;
      ctx.setParams({
        rk: next.kind === ALL ? null : next.kind,
        rb: next.basis === ALL ? null : next.basis,
        rs: next.status === ALL ? null : next.status,
      });
      state.active = rows(r)[0]?.id ?? null;
      render(r);
    }),
    h(
      'span',
      { class: 'small review-count' },
      ctx.t('reviewCount', { shown: rows(r).length, total: review.facts.length }),
    ),
    h('a', { class: 'views-button', href: yamlUrl(review.plan.id), download: '' }, ctx.t('reviewExport')),
  );
  if (canEdit()) {
    const file = h('input', {
      type: 'file',
      accept: '.yaml,.yml',
      class: 'review-yaml-file',
      hidden: true,
    });
    file.addEventListener('change', () => {
      const chosen = file.files?.[0];
      if (chosen) void importYaml(r, chosen);
    });
    bar.append(
      button(ctx.t('reviewImport'), () => file.click()),
      file,
      button(ctx.t('reviewAdd'), () => setForm(r, 'add'), { 'data-action': 'add' }),
    );
  }
  return bar;
}

/** Redraws the whole page from the state, keeping the active row in view and focusing an open form. */
function render(r: ReviewPage) {
  const { ctx, state, page } = r;
  const review = state.review;
  if (!review) return;
  const list = factList(ctx, rows(r), state.active, (id) => {
    state.active = id;
    setForm(r, null);
  });
  const title = ctx.lang === 'en' && review.plan.titleEn ? review.plan.titleEn : review.plan.title;
  replaceChildren(
    page,
    h(
      'header',
      { class: 'views-header review-header' },
      h('h1', {}, `${ctx.t('reviewTitle')} · ${title}`),
      h('p', { class: 'views-hint small' }, ctx.t(canEdit() ? 'reviewHint' : 'reviewReadOnly')),
    ),
    toolbar(r, review),
    state.message
      ? h(
          'p',
          { class: `views-status review-message${state.message.error ? ' error' : ''}`, role: 'status' },
          state.message.text,
        )
      : null,
    h(
      'div',
      { class: 'review-body', 'aria-busy': state.busy ? 'true' : 'false' },
      list,
      h(
        'div',
        { class: 'review-side' },
        detailPanel({
          ctx,
          review,
          fact: state.form === 'add' ? null : activeFact(r),
          canEdit: canEdit() && !state.busy,
          form: state.form,
          act: (action) => act(r, action),
          openAdd: () => setForm(r, 'add'),
          submit: (decision) => void submit(r, decision),
          cancel: () => setForm(r, null),
        }),
        decisionsPanel(ctx, review),
      ),
    ),
  );
  list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  const focus = page.querySelector<HTMLElement>('.review-form [data-autofocus]');
  if (focus) focus.focus();
}

/** The page's keyboard: j/k or arrows move, Enter opens, the action keys act (not while typing or busy). */
function onKey(r: ReviewPage, event: KeyboardEvent) {
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target) || r.state.busy) return;
  if (event.key === 'j' || event.key === 'ArrowDown') move(r, 1);
  else if (event.key === 'k' || event.key === 'ArrowUp') move(r, -1);
  else if (event.key === 'Enter') act(r, 'open');
  else if (event.key in ACTION_KEYS) act(r, ACTION_KEYS[event.key as keyof typeof ACTION_KEYS]);
  else return;
  event.preventDefault();
}

/** Mounts the review page of the active plan in `host`; `ready` settles once the first review is shown. */
export function mountReview(host: HTMLElement, ctx: ViewsContext): MountedView {
  const plan = activePlan();
  const state: State = {
    review: null,
    filter: { kind: ctx.param('rk') ?? ALL, basis: ctx.param('rb') ?? ALL, status: ctx.param('rs') ?? ALL },
    active: null,
    form: null,
    busy: false,
    message: null,
  };
  const page = h('div', { class: 'views-page review-page', 'data-view': 'review' });
  host.replaceChildren(page);
  const r: ReviewPage = { ctx, plan, state, page };
  const unlisten = listen(document, 'keydown', (event: KeyboardEvent) => onKey(r, event));
  const unsubscribe = session.subscribe(() => render(r));
  if (!plan) page.replaceChildren(h('p', { class: 'views-empty' }, ctx.t('reviewNoPlan')));
  page.replaceChildren(h('p', { class: 'views-loading', role: 'status' }, ctx.t('loading')));
  const ready = session.ready
    .then(() => load(r))
    .catch((error: unknown) => {
      page.replaceChildren(
        h(
          'div',
          { class: 'views-error', role: 'alert' },
          ctx.t('failed', { message: (error as Error).message }),
        ),
      );
    });
  return {
    ready,
    teardown() {
      unlisten();
      unsubscribe();
    },
  };
}
