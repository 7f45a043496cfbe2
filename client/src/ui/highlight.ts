// Appearance derived from state: found paths win (all of them, or the one chosen), then the selected node's
// closed neighbourhood; nothing chosen clears the emphasis.
import type { GraphView } from '../graph/graph-view.ts';
import type { AppState } from './context.ts';

export function applyHighlight(view: GraphView, state: AppState): void {
  const { found, active } = state.paths;
  if (found && found.length > 0) {
    const shown = active === null ? found : found.slice(active, active + 1);
    view.highlight(
      shown.flatMap((p) => p.nodes),
      shown.flatMap((p) => p.edges),
      'path',
    );
    return;
  }
  const selected = state.selected ? view.cy.getElementById(state.selected) : null;
  if (selected?.nonempty() && selected.isNode()) {
    const hood = selected.closedNeighborhood();
    view.highlight(
      hood.nodes().map((n) => n.id()),
      hood.edges().map((e) => e.id()),
    );
  } else view.highlight([], []);
}
