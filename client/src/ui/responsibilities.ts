// A task's responsibilities in one place: who leads (牵头, LED_BY) and who joins (参与, INVOLVES), how each is
// known (stated in the text, curated, inferred) and the plan's own words for it, as the details panel shows.
import { basisName, relName } from '../model/i18n.ts';
import { isBasis } from '../model/vocabulary.ts';
import type { Lang, NodeDetails, ProvenanceQuote } from '../types.ts';
import { h } from './dom.ts';
import { evidenceQuote } from './evidence-quote.ts';
import { nameSpan } from './source-text.ts';

type Neighbour = NodeDetails['neighbors'][number];
const ROLES = ['LED_BY', 'INVOLVES'] as const;

export interface ResponsibilityStrings {
  title: string;
  none: string;
  showInDocument: string;
  chineseOriginal: string;
}

/** The quotes that support the relationship from `task` to `agency` of `type` (edge ids start that way). */
function quotesFor(details: NodeDetails, type: string, agency: string): ProvenanceQuote[] {
  const prefix = `${details.node.id}|${type}|${agency}`;
  return details.provenance.filter((q) => q.via === prefix || q.via.startsWith(`${prefix}|`));
}

function roleItem(details: NodeDetails, n: Neighbour, lang: Lang, strings: ResponsibilityStrings) {
  const basis = n.properties.basis;
  const data = { ...n.node.properties, id: n.node.id };
  const agency = h(
    'button',
    { type: 'button', class: 'neighbour role-agency', 'data-node': n.node.id },
    nameSpan(data, lang),
  );
  const quotes = quotesFor(details, n.type, n.node.id).map((q) =>
    evidenceQuote(q, [nameSpan(data, lang)], strings, lang),
  );
  return {
    agency,
    item: h(
      'li',
      { class: 'role', 'data-role': n.type },
      h(
        'div',
        { class: 'role-head' },
        agency,
        typeof basis === 'string' && isBasis(basis)
          ? h('span', { class: `basis-badge basis-${basis}` }, basisName(basis, lang))
          : null,
      ),
      quotes,
    ),
  };
}

/**
 * The "who leads, who joins" section of a task's details, or null for other nodes. `onAgency` is called with
 * an agency's id when its name is clicked.
 */
export function responsibilitiesSection(
  details: NodeDetails,
  lang: Lang,
  strings: ResponsibilityStrings,
  onAgency: (id: string) => void,
): HTMLElement | null {
  if (!details.node.labels.includes('Task')) return null;
  const groups = ROLES.map((role) => {
    const items = details.neighbors
      .filter((n) => n.type === role && n.direction === 'out')
      .map((n) => roleItem(details, n, lang, strings));
    for (const { agency } of items) {
      agency.addEventListener('click', () => onAgency(agency.dataset.node ?? ''));
    }
    return h(
      'div',
      { class: 'role-group', 'data-type': role },
      h('h4', {}, `${relName(role, lang)} (${items.length})`),
      items.length > 0
        ? h(
            'ul',
            {},
            items.map((i) => i.item),
          )
        : h('p', { class: 'muted' }, strings.none),
    );
  });
  return h('section', { class: 'responsibilities' }, h('h3', {}, strings.title), groups);
}
