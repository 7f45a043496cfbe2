// "Colour by progress" on the graph page: a toggle in the navigation that gives every task node a class for
// its ledger status (and one for overdue), toggled inside cy.batch() so the element data stays the plan's.
// The colours live in the explorer's stylesheet (view/style.ts), beside its other state classes.
import type { Core } from 'cytoscape';
import type { LedgerStatusResponse } from '../../../../server/src/domain/ledger-types.ts';
import { LEDGER_STATUSES } from '../../../../server/src/domain/ledger-types.ts';
import type { Lang } from '../../types.ts';
import { h } from '../view-kit.ts';
import { fetchStatus, onLedgerChanged } from './ledger-api.ts';
import { lt } from './ledger-i18n.ts';

export const LEDGER_CLASSES = [...LEDGER_STATUSES.map((status) => `ledger-${status}`), 'ledger-overdue'];
const STORAGE_KEY = 'ledgerColour';

export function applyLedgerClasses(cy: Core, tasks: LedgerStatusResponse['tasks'] | null): void {
  cy.batch(() => {
    const nodes = cy.nodes('[label = "Task"]');
    nodes.removeClass(LEDGER_CLASSES.join(' '));
    if (!tasks) return;
    nodes.forEach((node) => {
      const state = tasks[node.id()];
      const status = state?.status ?? 'not-started';
      node.addClass(state?.overdue ? `ledger-${status} ledger-overdue` : `ledger-${status}`);
    });
  });
}

export interface LedgerColouring {
  element: HTMLElement;
  render(lang: Lang): void;
  /** Re-applies the classes to nodes the explorer added since (expansions, reloads). */
  sync(): void;
  teardown(): void;
}

export function mountLedgerColouring(cy: () => Core): LedgerColouring {
  let on = window.localStorage.getItem(STORAGE_KEY) === '1';
  let tasks: LedgerStatusResponse['tasks'] | null = null;
  let lang: Lang = 'zh';
  let appliedTo = -1;
  const box = h('input', { type: 'checkbox', class: 'ledger-colour-box', 'data-action': 'colourByProgress' });
  const text = h('span', {});
  const element = h('label', { class: 'ledger-colour-toggle' }, box, text);

  const apply = () => {
    const core = cy();
    applyLedgerClasses(core, on ? tasks : null);
    appliedTo = core.nodes().length;
    element.classList.toggle('on', on);
  };
  const load = async () => {
    if (!on) return apply();
    try {
      tasks = (await fetchStatus()).tasks;
      element.removeAttribute('data-error');
    } catch (error) {
      tasks = null;
      element.dataset.error = lt(lang, 'colourFailed', {
        message: error instanceof Error ? error.message : String(error),
      });
      element.title = element.dataset.error;
    }
    apply();
  };

  box.checked = on;
  box.addEventListener('change', () => {
    on = box.checked;
    window.localStorage.setItem(STORAGE_KEY, on ? '1' : '0');
    void load();
  });
  const offChanged = onLedgerChanged(() => void load());
  void load();

  return {
    element,
    render(next) {
      lang = next;
      text.textContent = lt(lang, 'colourByProgress');
      if (!element.dataset.error) element.title = lt(lang, 'colourLegend');
    },
    sync() {
      if (on && cy().nodes().length !== appliedTo) apply();
    },
    teardown: offChanged,
  };
}
