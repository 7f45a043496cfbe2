// The review page's right-hand side: the selected fact with all its quotes, the actions an editor may take on it
// (each with its key), the small form a rename, English name, merge, set lead / involved or add opens, and the
// plan's decisions with the orphaned ones first.
import type {
  DecisionInput,
  Review,
  ReviewFact,
  StoredDecision,
} from '../../../../server/src/domain/curation.ts';
import { append, h } from '../../ui/dom.ts';
import type { ViewsContext } from '../context.ts';
import { button } from '../view-kit.ts';
import { factName, kindLabel, statusLabel } from './review-list.ts';
import type { ReviewKey } from './review-strings.ts';

/** The actions, by the key that triggers them. */
export const ACTION_KEYS = {
  a: 'accept',
  r: 'reject',
  n: 'rename',
  e: 'nameEn',
  m: 'merge',
  l: 'lead',
  i: 'involved',
} as const;
export type Action = (typeof ACTION_KEYS)[keyof typeof ACTION_KEYS];
export type FormKind = 'rename' | 'nameEn' | 'merge' | 'lead' | 'involved' | 'add';

const isEntity = (fact: ReviewFact) => fact.kind === 'agency' || fact.kind === 'pilot';

/** Whether `action` applies to `fact` (a rejected fact is gone from the graph: nothing applies). */
export function applies(action: Action, fact: ReviewFact): boolean {
  if (fact.status === 'rejected') return false;
  switch (action) {
    case 'accept':
    case 'reject':
      return true;
    case 'rename':
    case 'nameEn':
    case 'merge':
      return isEntity(fact);
    case 'lead':
    case 'involved':
      return fact.kind === 'agency' || fact.kind === 'role';
  }
}

const AGENCY_KINDS = ['government', 'enterprise', 'financial', 'institution', 'other'];
const PILOT_KINDS = ['zone', 'programme', 'platform', 'demonstration'];

export interface DetailDeps {
  ctx: ViewsContext;
  review: Review;
  fact: ReviewFact | null;
  canEdit: boolean;
  form: FormKind | null;
  act(action: Action | 'open'): void;
  openAdd(): void;
  submit(decision: DecisionInput): void;
  cancel(): void;
}

function field(label: string, control: HTMLElement): HTMLElement {
  return h('label', { class: 'review-field' }, h('span', {}, label), control);
}

function options(select: HTMLSelectElement, list: Array<{ id: string; name: string }>): HTMLSelectElement {
  for (const item of list) select.append(h('option', { value: item.id }, item.name));
  return select;
}

/** The open form, or null; its first control carries data-autofocus. */
function formFor(deps: DetailDeps): HTMLFormElement | null {
  const { ctx, fact, form, review } = deps;
  if (!form) return null;
  const element = h('form', { class: 'review-form', 'data-form': form });
  const ok = h('button', { type: 'submit', class: 'views-button primary' }, ctx.t('reviewOk'));
  const cancel = button(ctx.t('reviewCancel'), deps.cancel);
  let read: () => DecisionInput | null = () => null;
  if (form === 'add') {
    const entity = h('select', { class: 'views-select', name: 'entity', 'data-autofocus': true });
    options(entity, [
      { id: 'agency', name: ctx.t('reviewKindAgency') },
      { id: 'pilot', name: ctx.t('reviewKindPilot') },
    ]);
    const kind = h('select', { class: 'views-select', name: 'kind' });
    const fillKinds = () => {
      kind.replaceChildren();
      options(
        kind,
        (entity.value === 'pilot' ? PILOT_KINDS : AGENCY_KINDS).map((k) => ({ id: k, name: k })),
      );
    };
    fillKinds();
    entity.addEventListener('change', fillKinds);
    const name = h('input', { class: 'views-input', name: 'name', required: true });
    const nameEn = h('input', { class: 'views-input', name: 'nameEn' });
    const quote = h('textarea', { class: 'views-input', name: 'quote', rows: 2, required: true });
    element.append(
      field(ctx.t('reviewAddEntity'), entity),
      field(ctx.t('reviewAddName'), name),
      field(ctx.t('reviewNewNameEn'), nameEn),
      field(ctx.t('reviewAddKind'), kind),
      field(ctx.t('reviewAddQuote'), quote),
    );
    read = () => ({
      action: 'add',
      entity: entity.value === 'pilot' ? 'pilot' : 'agency',
      key: `added-${Date.now().toString(36)}`,
      name: name.value.trim(),
      ...(nameEn.value.trim() ? { nameEn: nameEn.value.trim() } : {}),
      kind: kind.value,
      quote: quote.value.trim(),
    });
  } else if (fact && (form === 'rename' || form === 'nameEn')) {
    const input = h('input', {
      class: 'views-input',
      name: form,
      value: (form === 'rename' ? fact.name : fact.nameEn) ?? '',
      required: true,
      'data-autofocus': true,
    });
    element.append(field(ctx.t(form === 'rename' ? 'reviewNewName' : 'reviewNewNameEn'), input));
    read = () =>
      form === 'rename'
        ? { action: 'rename', target: fact.id, name: input.value.trim() }
        : { action: 'setNameEn', target: fact.id, nameEn: input.value.trim() };
  } else if (fact && form === 'merge') {
    const others = review.facts.filter(
      (f) => f.kind === fact.kind && f.id !== fact.id && f.status !== 'rejected',
    );
    const into = options(
      h('select', { class: 'views-select', name: 'into', 'data-autofocus': true }),
      others,
    );
    element.append(field(ctx.t('reviewMergeInto'), into));
    read = () => ({ action: 'merge', target: fact.id, into: into.value });
  } else if (fact && (form === 'lead' || form === 'involved')) {
    const task = options(
      h('select', { class: 'views-select', name: 'task', 'data-autofocus': true }),
      review.tasks,
    );
    element.append(field(ctx.t('reviewForTask'), task));
    read = () => ({ action: 'setRole', task: task.value, agency: fact.id, role: form });
  }
  element.append(h('div', { class: 'review-form-buttons' }, ok, cancel));
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const decision = read();
    if (decision) deps.submit(decision);
  });
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') deps.cancel();
    // A select does not submit its form on Enter by itself; the merge and task pickers should.
    if (event.key === 'Enter' && event.target instanceof HTMLSelectElement) {
      event.preventDefault();
      element.requestSubmit();
    }
  });
  return element;
}

const BUTTONS: Array<[Action, ReviewKey]> = [
  ['accept', 'reviewAccept'],
  ['reject', 'reviewReject'],
  ['rename', 'reviewRename'],
  ['nameEn', 'reviewNameEn'],
  ['merge', 'reviewMerge'],
  ['lead', 'reviewSetLead'],
  ['involved', 'reviewSetInvolved'],
];

/** The selected fact, its actions and the open form. */
export function detailPanel(deps: DetailDeps): HTMLElement {
  const { ctx, fact, canEdit } = deps;
  const panel = h('section', { class: 'views-panel review-detail', 'aria-live': 'polite' });
  if (!fact) {
    panel.append(h('p', { class: 'views-empty' }, ctx.t('reviewSelectHint')));
  } else {
    const meta = [
      `${ctx.t('reviewBasis')}: ${fact.basis ?? '—'}`,
      `${ctx.t('reviewConfidence')}: ${fact.confidence === null ? '—' : fact.confidence.toFixed(2)}`,
      statusLabel(ctx, fact.status),
    ].join(' · ');
    append(panel, [
      h('h2', {}, h('span', { class: 'badge' }, kindLabel(ctx, fact.kind)), factName(ctx, fact)),
      h('p', { class: 'small review-meta' }, meta),
      fact.aliases.length > 0
        ? h('p', { class: 'small' }, `${ctx.t('reviewAliases')}: ${fact.aliases.join('、')}`)
        : null,
      h('h3', { class: 'review-sub' }, ctx.t('reviewQuotes')),
      fact.quotes.length > 0
        ? h('ul', { class: 'review-quotes' }, ...fact.quotes.map((q) => h('li', {}, h('q', {}, q))))
        : h('p', { class: 'views-empty small' }, ctx.t('reviewNoQuote')),
    ]);
    const bar = h('div', { class: 'review-actions' });
    if (canEdit) {
      for (const [action, key] of BUTTONS) {
        if (applies(action, fact))
          bar.append(button(ctx.t(key), () => deps.act(action), { 'data-action': action }));
      }
    }
    if (fact.status !== 'rejected')
      bar.append(button(ctx.t('reviewOpen'), () => deps.act('open'), { 'data-action': 'open' }));
    panel.append(bar);
  }
  const form = formFor(deps);
  if (form) panel.append(form);
  return panel;
}

/** The words for each action, as the decisions list and the saved note show them. */
export const ACTION_LABEL: Record<StoredDecision['decision']['action'], ReviewKey> = {
  accept: 'reviewActAccept',
  reject: 'reviewActReject',
  rename: 'reviewActRename',
  merge: 'reviewActMerge',
  setNameEn: 'reviewActSetNameEn',
  setRole: 'reviewActSetRole',
  add: 'reviewActAdd',
};

function decisionLine(ctx: ViewsContext, stored: StoredDecision, names: Map<string, string>): HTMLElement {
  const d = stored.decision;
  const role = d.action === 'setRole' ? ctx.t(d.role === 'lead' ? 'reviewLead' : 'reviewInvolved') : '';
  const what =
    d.action === 'add'
      ? d.name
      : d.action === 'setRole'
        ? `${names.get(d.task) ?? d.task} → ${names.get(d.agency) ?? d.agency} · ${role}`
        : `${d.was?.name ?? d.target}${d.action === 'rename' ? ` → ${d.name}` : d.action === 'setNameEn' ? ` → ${d.nameEn}` : ''}`;
  return h(
    'li',
    { class: `review-decision state-${stored.state}`, 'data-decision-id': d.id },
    h('span', { class: 'badge' }, ctx.t(ACTION_LABEL[d.action])),
    h('span', { class: 'review-decision-what' }, what),
    h(
      'span',
      { class: 'small review-decision-by' },
      ctx.t('reviewBy', { who: d.by ?? '—', when: d.at.slice(0, 16).replace('T', ' ') }),
    ),
    stored.reason ? h('span', { class: 'small review-decision-reason' }, stored.reason) : null,
  );
}

/** Orphaned decisions first (with why), then every decision, latest first. */
export function decisionsPanel(ctx: ViewsContext, review: Review): HTMLElement {
  const names = new Map<string, string>([
    ...review.tasks.map((t) => [t.id, t.name] as const),
    ...review.facts.map((f) => [f.id, f.name] as const),
  ]);
  const orphaned = review.decisions.filter((d) => d.state === 'orphaned');
  const latest = [...review.decisions].reverse();
  return h(
    'section',
    { class: 'views-panel review-decisions' },
    orphaned.length > 0
      ? h(
          'div',
          { class: 'review-orphaned', role: 'note' },
          h('h2', {}, ctx.t('reviewOrphaned', { n: orphaned.length })),
          h('ul', {}, ...orphaned.map((d) => decisionLine(ctx, d, names))),
        )
      : null,
    h('h2', {}, ctx.t('reviewDecisions', { n: review.decisions.length })),
    latest.length > 0
      ? h('ul', { class: 'review-decision-list' }, ...latest.map((d) => decisionLine(ctx, d, names)))
      : h('p', { class: 'views-empty small' }, ctx.t('reviewNoDecisions')),
  );
}
