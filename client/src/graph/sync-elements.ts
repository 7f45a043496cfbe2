// Brings a Cytoscape instance's elements in line with the visible set the UI computed: removes what went,
// moves children between parents, adds what is new (around an origin, in a stable order) — in one batch.
import type { Core } from 'cytoscape';
import { DOMAIN_LINK, type DomainLink } from '../model/overview.ts';
import type { CyEdgeData, CyNodeData, LayoutName } from '../types.ts';
import { usesCompounds } from './layouts.ts';

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The elements that should be in the graph, and the layout they will be drawn with. */
export interface SyncInput {
  nodes: CyNodeData[];
  /** Stored edges, and the overview's aggregated links between domains. */
  edges: Array<CyEdgeData | DomainLink>;
  layout: LayoutName;
  /** New nodes start around this node (the one being expanded), so the layout moves them out from there. */
  origin?: string | null;
}

/** How many elements a sync added and removed. */
export interface SyncResult {
  added: number;
  removed: number;
}

/** Adds, removes and re-parents `cy`'s elements to match `input`; compound parents only for compound layouts. */
export function syncElements(cy: Core, input: SyncInput): SyncResult {
  const compound = usesCompounds(input.layout);
  const wantNodes = new Map(input.nodes.map((n) => [n.id, n]));
  const wantEdges = new Map(input.edges.map((e) => [e.id, e]));
  const desiredParent = (node: CyNodeData) =>
    compound && typeof node.parent === 'string' && wantNodes.has(node.parent) ? node.parent : null;

  let added = 0;
  let removed = 0;
  cy.batch(() => {
    const goneEdges = cy.edges().filter((e) => !wantEdges.has(e.id()));
    removed += goneEdges.length;
    goneEdges.remove();
    // Children that stay must leave a parent that goes, or they would be removed with it.
    for (const node of cy.nodes().toArray()) {
      const want = wantNodes.get(node.id());
      const current = node.parent().nonempty() ? node.parent().first().id() : null;
      const next = want ? desiredParent(want) : null;
      if (want && current !== next && (next === null || cy.getElementById(next).nonempty())) {
        node.move({ parent: next });
      }
    }
    const goneNodes = cy.nodes().filter((n) => !wantNodes.has(n.id()));
    removed += goneNodes.length;
    goneNodes.remove();

    const origin = input.origin ? cy.getElementById(input.origin) : null;
    const base = origin?.nonempty() ? origin.position() : null;
    const missing = input.nodes.filter((n) => cy.getElementById(n.id).empty());
    // Parents first, so children can be placed inside them; then by id, so the layout sees the same
    // order whatever order the API answered in (a seeded layout is only deterministic on the same input).
    missing.sort(
      (a, b) => Number(b.label === 'Domain') - Number(a.label === 'Domain') || compareIds(a.id, b.id),
    );
    missing.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / Math.max(missing.length, 1);
      const position = base
        ? { x: base.x + 60 * Math.cos(angle), y: base.y + 60 * Math.sin(angle) }
        : undefined;
      cy.add({ group: 'nodes', data: { ...node, parent: desiredParent(node) ?? undefined }, position });
      added += 1;
    });
    for (const node of input.nodes) {
      const ele = cy.getElementById(node.id);
      // A domain switches between the overview's node (with its counts) and an open box.
      if (node.label === 'Domain' && ele.data('lod') !== node.lod) {
        if (node.lod === 'closed') ele.data({ ...node, parent: ele.data('parent') });
        else ele.removeData('lod tasks agencies pilots');
      }
      const current = ele.parent().nonempty() ? ele.parent().first().id() : null;
      const next = desiredParent(node);
      if (current !== next) ele.move({ parent: next });
    }
    for (const edge of [...input.edges].sort((a, b) => compareIds(a.id, b.id))) {
      const existing = cy.getElementById(edge.id);
      // An aggregated link's counts follow the filters.
      if (existing.nonempty() && edge.type === DOMAIN_LINK) existing.data({ ...edge });
      if (existing.nonempty()) continue;
      cy.add({ group: 'edges', data: { ...edge } });
      added += 1;
    }
  });
  return { added, removed };
}
