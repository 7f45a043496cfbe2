// Where the overview puts its domains: on a 16:9 ellipse (the shape of a screen or a slide), in the plan's order
// (clockwise from the top), so every aggregated link is a chord that passes behind no other domain, and the
// picture is the same on every load and at every window size without any random numbers.
import type { Core, LayoutOptions } from 'cytoscape';

/**
 * Model px between the centres of two neighbouring domains on the short axis's circle (a domain node is
 * 300 × 160): on the ellipse stretched to the graph area, neighbours then clear each other at 8 domains, and
 * domain-boxes.ts pushes apart whatever still touches.
 */
const MIN_STEP = 230;

/** Width over height of the ellipse: fixed, so model positions do not depend on the window. */
const ASPECT = 16 / 9;

/** Natural order of ids, so domain 10 follows domain 9 rather than domain 1. */
const byId = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * A preset layout of the overview's domain nodes: n domains at equal angles on a 16:9 ellipse, its size chosen
 * so neighbours on the short axis's circle are MIN_STEP apart. Fits the view at the end.
 */
export function overviewLayout(cy: Core, options: { animate: boolean; padding: number }): LayoutOptions {
  const ids = cy
    .nodes()
    .map((n) => n.id())
    .sort(byId);
  const n = ids.length;
  // The chord between neighbours on a circle of radius r is 2r·sin(π/n); the ellipse's short axis is r.
  const ry = n <= 1 ? 0 : MIN_STEP / (2 * Math.sin(Math.PI / n));
  const rx = ry * ASPECT;
  const positions = new Map(
    ids.map((id, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
      return [id, { x: Math.round(rx * Math.cos(angle)), y: Math.round(ry * Math.sin(angle)) }];
    }),
  );
  return {
    name: 'preset',
    positions: (node: { id(): string }) => positions.get(node.id()) ?? { x: 0, y: 0 },
    fit: true,
    padding: options.padding,
    animate: options.animate,
    animationDuration: 450,
  } as LayoutOptions;
}
