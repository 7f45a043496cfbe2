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

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

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
  const rows = (): ReviewFact[] => (state.review ? filtered(state.review, state.filter) : []);
  const activeFact = () => rows().find((f) => f.id === state.active) ?? null;
  const canEdit = () => session.can('editor');

  async function load(): Promise<void> {
    if (!plan) return;
    state.review = await fetchReview(plan);
    const list = rows();
    if (!list.some((f) => f.id === state.active)) state.active = list[0]?.id ?? null;
    render();
  }

  function move(step: number) {
    const list = rows();
    if (list.length === 0) return;
    const at = list.findIndex((f) => f.id === state.active);
    const next = Math.min(list.length - 1, Math.max(0, at < 0 ? 0 : at + step));
    state.active = list[next]?.id ?? null;
    state.form = null;
    render();
  }

  async function submit(decision: DecisionInput, advance = false) {
    if (!plan || state.busy) return;
    state.busy = true;
    state.message = { text: ctx.t('reviewSaving'), error: false };
    render();
    try {
      await sendDecision(plan, decision);
      const list = rows();
      const at = list.findIndex((f) => f.id === state.active);
      if (advance) state.active = list[at + 1]?.id ?? state.active;
      state.form = null;
      state.message = {
        text: ctx.t('reviewSaved', { what: ctx.t(ACTION_LABEL[decision.action]) }),
        error: false,
      };
      await load();
    } catch (error) {
      const message = error instanceof WriteError || error instanceof Error ? error.message : String(error);
      state.message = { text: ctx.t('reviewFailed', { message }), error: true };
    } finally {
      state.busy = false;
      render();
    }
  }

  function act(action: Action | 'open') {
    const fact = activeFact();
    if (!fact) return;
    if (action === 'open') {
      if (fact.status !== 'rejected') ctx.openInGraph(fact.from?.id ?? fact.id);
      return;
    }
    if (!canEdit() || !applies(action, fact)) return;
    if (action === 'accept' || action === 'reject') {
      void submit({ action, target: fact.id }, true);
    } else if ((action === 'lead' || action === 'involved') && fact.kind === 'role' && fact.from && fact.to) {
      void submit({ action: 'setRole', task: fact.from.id, agency: fact.to.id, role: action });
    } else {
      state.form = action;
      render();
    }
  }

  async function importYaml(file: File) {
    if (!plan) return;
    state.busy = true;
    render();
    try {
      const done = await sendYaml(plan, file);
      state.message = {
        text: ctx.t('reviewImported', { n: done.decisions, orphaned: done.orphaned }),
        error: false,
      };
      await load();
    } catch (error) {
      state.message = { text: ctx.t('reviewFailed', { message: (error as Error).message }), error: true };
    } finally {
      state.busy = false;
      render();
    }
  }

  function toolbar(review: Review): HTMLElement {
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
        state.active = rows()[0]?.id ?? null;
        render();
      }),
      h(
        'span',
        { class: 'small review-count' },
        ctx.t('reviewCount', { shown: rows().length, total: review.facts.length }),
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
        if (chosen) void importYaml(chosen);
      });
      bar.append(
        button(ctx.t('reviewImport'), () => file.click()),
        file,
        button(
          ctx.t('reviewAdd'),
          () => {
            state.form = 'add';
            render();
          },
          { 'data-action': 'add' },
        ),
      );
    }
    return bar;
  }

  function render() {
    const review = state.review;
    if (!review) return;
    const list = factList(ctx, rows(), state.active, (id) => {
      state.active = id;
      state.form = null;
      render();
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
      toolbar(review),
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
            fact: state.form === 'add' ? null : activeFact(),
            canEdit: canEdit() && !state.busy,
            form: state.form,
            act,
            openAdd: () => {
              state.form = 'add';
              render();
            },
            submit: (decision) => void submit(decision),
            cancel: () => {
              state.form = null;
              render();
            },
          }),
          decisionsPanel(ctx, review),
        ),
      ),
    );
    list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
    const focus = page.querySelector<HTMLElement>('.review-form [data-autofocus]');
    if (focus) focus.focus();
  }

  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target) || state.busy) return;
    if (event.key === 'j' || event.key === 'ArrowDown') move(1);
    else if (event.key === 'k' || event.key === 'ArrowUp') move(-1);
    else if (event.key === 'Enter') act('open');
    else if (event.key in ACTION_KEYS) act(ACTION_KEYS[event.key as keyof typeof ACTION_KEYS]);
    else return;
    event.preventDefault();
  };
  const unlisten = listen(document, 'keydown', onKey);
  const unsubscribe = session.subscribe(() => render());
  if (!plan) page.replaceChildren(h('p', { class: 'views-empty' }, ctx.t('reviewNoPlan')));
  page.replaceChildren(h('p', { class: 'views-loading', role: 'status' }, ctx.t('loading')));
  const ready = session.ready.then(load).catch((error: unknown) => {
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
