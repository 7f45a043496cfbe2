// The four layouts as Cytoscape options. Grouped (fcose) keeps domains as boxes; the others flatten the
// compound structure, because a domain box stretched around a circle or a hierarchy hides more than it
// shows. Concentric puts the most central nodes (betweenness, degree on large graphs) in the middle.
import type { Core, EdgeSingular, LayoutOptions, NodeSingular } from 'cytoscape';
import type { LayoutName } from '../types.ts';
import { assertNever } from '../types.ts';

export const ANIMATION_MS = 450;
/** Betweenness is O(n·m); above this many nodes concentric rings use degree instead. */
const BETWEENNESS_LIMIT = 800;
const RINGS = 6;

/** Many-to-many edges pull loosely, so they do not drag domains into each other. */
const ELASTICITY: Record<string, number> = { INVOLVES: 0.05, MENTIONS: 0.05, DEPENDS_ON: 0.2 };

export function usesCompounds(layout: LayoutName): boolean {
  return layout === 'grouped';
}

function centrality(cy: Core): (node: NodeSingular) => number {
  const nodes = cy.nodes();
  if (nodes.length > BETWEENNESS_LIMIT) return (node) => node.degree(false);
  const bc = cy.elements().betweennessCentrality({ directed: false });
  return (node) => bc.betweennessNormalized(node) * 100 + node.degree(false) / 100;
}

export function layoutOptions(
  cy: Core,
  layout: LayoutName,
  options: { animate: boolean; fresh: boolean },
): LayoutOptions {
  const animate = options.animate && cy.nodes().length < 1500;
  const common = { animate, animationDuration: ANIMATION_MS, fit: true, padding: 30 };
  switch (layout) {
    case 'grouped':
      return {
        name: 'fcose',
        ...common,
        quality: options.fresh ? 'default' : 'proof',
        randomize: options.fresh,
        nodeDimensionsIncludeLabels: true,
        nodeRepulsion: () => 20000,
        idealEdgeLength: () => 60,
        // Strong nesting and compound gravity keep each domain's box compact and apart from the others.
        nestingFactor: 0.8,
        gravity: 0.25,
        gravityCompound: 1.5,
        gravityRangeCompound: 1.5,
        edgeElasticity: (edge: EdgeSingular) => ELASTICITY[edge.data('type') as string] ?? 0.45,
        tile: true,
        tilingPaddingVertical: 12,
        tilingPaddingHorizontal: 12,
      } as LayoutOptions;
    case 'hierarchy':
      return {
        name: 'dagre',
        ...common,
        rankDir: 'TB',
        nodeSep: 12,
        rankSep: 90,
        nodeDimensionsIncludeLabels: true,
      } as LayoutOptions;
    case 'concentric': {
      const value = centrality(cy);
      const values = cy.nodes().map((node) => value(node));
      const spread = Math.max(...values, 0) - Math.min(...values, 0);
      return {
        name: 'concentric',
        ...common,
        concentric: value,
        // About six rings whatever the scale of the centrality: one ring per distinct value would put the few
        // most central nodes each on a ring of their own, in a line.
        levelWidth: () => Math.max(spread / RINGS, 1e-6),
        minNodeSpacing: 14,
        nodeDimensionsIncludeLabels: false,
      } as LayoutOptions;
    }
    case 'circle':
      return {
        name: 'circle',
        ...common,
        avoidOverlap: true,
        nodeDimensionsIncludeLabels: false,
      } as LayoutOptions;
    default:
      return assertNever(layout, 'layout');
  }
}
