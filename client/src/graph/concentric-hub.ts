// Concentric with the plan's domains as a hub of titles: Cytoscape's concentric layout puts the domains on
// the innermost ring and the other nodes on rings by centrality, but it spaces every ring by node size
// alone, so the domains' wrapped titles (far larger than their nodes) ran into each other. This transform
// moves the domains onto an ellipse wide enough that no two titles can touch, and every other ring outside it.
import type { Core, NodeCollection, NodeSingular, Position } from 'cytoscape';

/** The layout's centre: concentric is given a fixed bounding box, so its centre (and so positions) never depend on the window. */
export const CONCENTRIC_BOX = { x1: -1, y1: -1, x2: 1, y2: 1 } as const;
const CENTRE = { x: 0, y: 0 };

/** The extent of a node with its label, relative to the node's position (model units). */
interface Extent {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function extentOf(node: NodeSingular): Extent {
  const p = node.position();
  const box = node.boundingBox({ includeLabels: true, includeOverlays: false, includeEdges: false });
  return { left: p.x - box.x1, right: box.x2 - p.x, top: p.y - box.y1, bottom: box.y2 - p.y };
}

/**
 * The semi-axes of the ellipse on which `count` boxes of this extent, evenly spaced by angle, cannot overlap.
 * Measured in box widths and heights (plus `gap`), the boxes are unit squares on a circle, and unit squares
 * whose centres are a diagonal (√2) apart cannot overlap; so the ellipse is that circle stretched back, as
 * wide as the titles are wide — which also suits a landscape screen better than a circle.
 */
export function hubAxes(count: number, extent: Extent, gap: number): { a: number; b: number } {
  if (count < 2) return { a: 0, b: 0 };
  const radius = Math.SQRT2 / (2 * Math.sin(Math.PI / count));
  return {
    a: radius * (extent.left + extent.right + gap),
    b: radius * (extent.top + extent.bottom + gap),
  };
}

/**
 * A `transform` for the concentric layout whose innermost ring holds exactly `domains`. `minDist` is the
 * ring spacing concentric used (largest node size + minNodeSpacing), so the domain ring's radius there is
 * known; domains move out to the hub's ellipse (keeping their angle), and every other node moves out by the
 * hub's size plus the titles' reach plus `gap`.
 */
export function domainHubTransform(
  domains: NodeCollection,
  minDist: number,
  gap: number,
): ((node: NodeSingular, position: Position) => Position) | undefined {
  const count = domains.length;
  if (count === 0) return undefined;
  const extents = domains.toArray().map(extentOf);
  const hull: Extent = {
    left: Math.max(...extents.map((e) => e.left)),
    right: Math.max(...extents.map((e) => e.right)),
    top: Math.max(...extents.map((e) => e.top)),
    bottom: Math.max(...extents.map((e) => e.bottom)),
  };
  // Concentric's own radius for a first ring of `count` nodes (its rMin, with avoidOverlap).
  const ringRadius = count > 1 ? minDist / (2 * Math.sin(Math.PI / count)) : 0;
  const { a, b } = hubAxes(count, hull, gap);
  const reach = Math.hypot(Math.max(hull.left, hull.right), Math.max(hull.top, hull.bottom));
  const shift = Math.max(0, Math.max(a, b) + reach + gap - ringRadius);
  const isDomain = new Set(domains.map((d) => d.id()));
  return (node, position) => {
    const dx = position.x - CENTRE.x;
    const dy = position.y - CENTRE.y;
    const r = Math.hypot(dx, dy);
    if (r < 1e-9) return position;
    if (isDomain.has(node.id())) return { x: CENTRE.x + (dx / r) * a, y: CENTRE.y + (dy / r) * b };
    return { x: CENTRE.x + (dx / r) * (r + shift), y: CENTRE.y + (dy / r) * (r + shift) };
  };
}

/** Concentric's ring spacing: the largest node (without labels) plus the minimum spacing. */
export function concentricMinDist(cy: Core, minNodeSpacing: number): number {
  let largest = 0;
  for (const node of cy.nodes().not(':parent').nodes().toArray()) {
    const size = node.layoutDimensions({ nodeDimensionsIncludeLabels: false });
    largest = Math.max(largest, size.w, size.h);
  }
  return largest + minNodeSpacing;
}
