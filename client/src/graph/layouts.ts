// The four layouts as Cytoscape options. Grouped (fcose) keeps domains as boxes; the others flatten the
// compound structure, because a domain box stretched around a circle or a hierarchy hides more than it
// shows. Hierarchy is dagre with wide ranks folded to the graph area's shape; concentric puts the domains'
// titles in a hub and the most central nodes (betweenness, degree on large graphs) on the rings next to it.
// Every layout is deterministic: none depends on the window's size except the hierarchy's (quantised) shape.
import type { Core, EdgeSingular, LayoutOptions, NodeSingular } from 'cytoscape';
import type { LayoutName } from '../types.ts';
import { assertNever } from '../types.ts';
import { CONCENTRIC_BOX, concentricMinDist, domainHubTransform } from './concentric-hub.ts';
import { aspectFittingTransform, quantisedAspect } from './layered-fit.ts';

export const ANIMATION_MS = 450;
/** Betweenness is O(n·m); above this many nodes concentric rings use degree instead. */
const BETWEENNESS_LIMIT = 800;
const RINGS = 6;
/** Space between neighbours on a concentric ring, and between the domain hub's titles (model units). */
const RING_SPACING = 14;
const HUB_GAP = 24;
/** Dagre's spacing in the hierarchy: between neighbours of a rank, between a folded rank's rows, between ranks. */
const HIERARCHY_GAP = { node: 12, row: 16, rank: 90 } as const;

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

/** Concentric values: domains above every other node (their own innermost ring), the rest by centrality. */
function concentricValues(cy: Core): { value: (node: NodeSingular) => number; ringWidth: number } {
  const central = centrality(cy);
  const others = cy.nodes('[label != "Domain"]').map((node) => central(node));
  const top = Math.max(...others, 0);
  const ringWidth = Math.max((top - Math.min(...others, 0)) / RINGS, 1e-6);
  return {
    value: (node) => (node.data('label') === 'Domain' ? top + 2 * ringWidth : central(node)),
    ringWidth,
  };
}

/**
 * What the hierarchy ranks: every element but links between two domains. The model has no relationship from
 * a domain to a domain, so such an edge is an aggregate of what two domains share (the overview's), which
 * says nothing about above and below; ranked, it would stack the domains into one tall column.
 */
function rankedElements(cy: Core) {
  return cy
    .elements()
    .not(
      cy
        .edges()
        .filter((e) => e.source().data('label') === 'Domain' && e.target().data('label') === 'Domain'),
    );
}

/** The graph area's aspect ratio, rounded (see quantisedAspect), for the hierarchy's shape. */
const areaAspect = (cy: Core) => quantisedAspect(cy.width(), cy.height());

/** Cytoscape options for `layout` on the current elements; `fresh` starts force layouts from scratch. */
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
        eles: rankedElements(cy),
        rankDir: 'TB',
        nodeSep: HIERARCHY_GAP.node,
        rankSep: HIERARCHY_GAP.rank,
        nodeDimensionsIncludeLabels: true,
        transform: aspectFittingTransform(cy, {
          targetAspect: areaAspect(cy),
          nodeGap: HIERARCHY_GAP.node,
          rowGap: HIERARCHY_GAP.row,
          rankGap: HIERARCHY_GAP.rank,
        }),
      } as LayoutOptions;
    case 'concentric': {
      const { value, ringWidth } = concentricValues(cy);
      return {
        name: 'concentric',
        ...common,
        boundingBox: CONCENTRIC_BOX,
        concentric: value,
        // About six rings whatever the scale of the centrality: one ring per distinct value would put the few
        // most central nodes each on a ring of their own, in a line.
        levelWidth: () => ringWidth,
        minNodeSpacing: RING_SPACING,
        nodeDimensionsIncludeLabels: false,
        transform: domainHubTransform(
          cy.nodes('[label = "Domain"]'),
          concentricMinDist(cy, RING_SPACING),
          HUB_GAP,
        ),
      } as LayoutOptions;
    }
    case 'circle':
      return {
        name: 'circle',
        ...common,
        // A fixed centre, so positions do not depend on the window's size.
        boundingBox: CONCENTRIC_BOX,
        avoidOverlap: true,
        nodeDimensionsIncludeLabels: false,
      } as LayoutOptions;
    default:
      return assertNever(layout, 'layout');
  }
}
