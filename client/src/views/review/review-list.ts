// The review list: filters (kind, basis, status) and one row per fact, with its confidence bar, basis, first
// quote and status. The list is a listbox whose active row the keyboard moves (review-view.ts).
import type { Review, ReviewFact } from '../../../../server/src/domain/curation.ts';
import { h } from '../../ui/dom.ts';
import type { ViewsContext } from '../context.ts';

export interface ReviewFilter {
  kind: string;
  basis: string;
  status: string;
}

export const ALL = 'all';

/** The facts the filter keeps, in the server's order (lowest confidence first). */
export function filtered(review: Review, filter: ReviewFilter): ReviewFact[] {
  return review.facts.filter(
    (f) =>
      (filter.kind === ALL || f.kind === filter.kind) &&
      (filter.basis === ALL || f.basis === filter.basis) &&
      (filter.status === ALL || f.status === filter.status),
  );
}

const KIND_KEY = {
  agency: 'reviewKindAgency',
  pilot: 'reviewKindPilot',
  role: 'reviewKindRole',
  link: 'reviewKindLink',
} as const;
const STATUS_KEY = {
  open: 'reviewStatusOpen',
  accepted: 'reviewStatusAccepted',
  rejected: 'reviewStatusRejected',
} as const;

export function kindLabel(ctx: ViewsContext, kind: ReviewFact['kind']): string {
  return ctx.t(KIND_KEY[kind]);
}

export function statusLabel(ctx: ViewsContext, status: ReviewFact['status']): string {
  return ctx.t(STATUS_KEY[status]);
}

/** The fact's name in the page's language: an entity's English name in English, where known. */
export function factName(ctx: ViewsContext, fact: ReviewFact): string {
  if (fact.kind === 'role' || fact.kind === 'link') {
    const role =
      fact.role === 'lead'
        ? ctx.t('reviewLead')
        : fact.role === 'involved'
          ? ctx.t('reviewInvolved')
          : fact.role;
    // A rejected fact is gone from the graph: its ends are known only from its snapshot's name ("A → B").
    const ends = fact.from && fact.to ? `${fact.from.name} → ${fact.to.name}` : fact.name;
    return `${ends}${role ? ` · ${role}` : ''}`;
  }
  return ctx.lang === 'en' && fact.nameEn ? `${fact.nameEn} · ${fact.name}` : fact.name;
}

function select(
  label: string,
  name: string,
  value: string,
  options: Array<[string, string]>,
  onChange: (value: string) => void,
): HTMLElement {
  const element = h('select', { class: 'views-select', name, 'data-filter': name });
  for (const [optionValue, text] of options) {
    const option = h('option', { value: optionValue }, text);
    option.selected = optionValue === value;
    element.append(option);
  }
  element.addEventListener('change', () => onChange(element.value));
  return h('label', { class: 'views-field' }, label, element);
}

/** The three filters; `onChange` gets the new filter. */
export function filterBar(
  ctx: ViewsContext,
  review: Review,
  filter: ReviewFilter,
  onChange: (next: ReviewFilter) => void,
): HTMLElement {
  const bases = [...new Set(review.facts.map((f) => f.basis).filter((b): b is string => b !== null))].sort();
  const all: [string, string] = [ALL, ctx.t('reviewAll')];
  return h(
    'div',
    { class: 'review-filters' },
    select(
      ctx.t('reviewFilterKind'),
      'kind',
      filter.kind,
      [
        all,
        ...Object.keys(KIND_KEY).map((k) => [k, kindLabel(ctx, k as ReviewFact['kind'])] as [string, string]),
      ],
      (kind) => onChange({ ...filter, kind }),
    ),
    select(
      ctx.t('reviewFilterBasis'),
      'basis',
      filter.basis,
      [all, ...bases.map((b) => [b, b] as [string, string])],
      (basis) => onChange({ ...filter, basis }),
    ),
    select(
      ctx.t('reviewFilterStatus'),
      'status',
      filter.status,
      [
        all,
        ...Object.keys(STATUS_KEY).map(
          (s) => [s, statusLabel(ctx, s as ReviewFact['status'])] as [string, string],
        ),
      ],
      (status) => onChange({ ...filter, status }),
    ),
  );
}

function confidenceCell(confidence: number | null): HTMLElement {
  const value = confidence === null ? '—' : confidence.toFixed(2);
  const bar = h('span', { class: 'review-bar' });
  bar.style.setProperty('--w', `${Math.round((confidence ?? 1) * 100)}%`);
  return h('span', { class: 'review-confidence' }, bar, value);
}

/** One row per fact; `active` is the keyboard's row. */
export function factList(
  ctx: ViewsContext,
  facts: ReviewFact[],
  active: string | null,
  onPick: (id: string) => void,
): HTMLElement {
  const list = h('ul', {
    class: 'review-list',
    role: 'listbox',
    'aria-label': ctx.t('reviewTitle'),
    tabindex: 0,
  });
  if (facts.length === 0) list.append(h('li', { class: 'views-empty' }, ctx.t('reviewEmpty')));
  facts.forEach((fact, index) => {
    const row = h(
      'li',
      {
        id: `review-row-${index}`,
        role: 'option',
        class: `review-row status-${fact.status}`,
        'data-fact-id': fact.id,
        'aria-selected': fact.id === active ? 'true' : 'false',
      },
      h('span', { class: `badge review-kind kind-${fact.kind}` }, kindLabel(ctx, fact.kind)),
      h('span', { class: 'review-name' }, factName(ctx, fact)),
      confidenceCell(fact.confidence),
      h('span', { class: 'review-basis' }, fact.basis ?? ''),
      h('span', { class: 'review-status' }, statusLabel(ctx, fact.status)),
      h('span', { class: 'review-quote' }, fact.quotes[0] ?? ''),
    );
    row.addEventListener('click', () => onPick(fact.id));
    if (fact.id === active) list.setAttribute('aria-activedescendant', row.id);
    list.append(row);
  });
  return list;
}
