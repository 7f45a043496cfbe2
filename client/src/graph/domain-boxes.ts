// Domain boxes a presenter can read: after the grouped layout, boxes (with their titles) are pushed apart until
// none overlaps another, and the title size is chosen for the zoom the fitted picture will have, so every
// domain title is drawn at a readable size at first sight and no two titles collide.
import type { Core, NodeCollection } from 'cytoscape';

/** Model-space gap kept between two domain boxes (titles included). */
const GAP = 24;
const MAX_ROUNDS = 200;
/** A domain title aims at this many CSS px on screen at the fitted zoom (never below the 11 px rule). */
const TITLE_SCREEN_PX = 16;
const TITLE_FONT = { min: 18, max: 160 };

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Domain boxes, and the overview's closed domains (one node each). */
const domainsOf = (cy: Core): NodeCollection => cy.nodes(':parent, [label = "Domain"]');

function boxOf(cy: Core, id: string): Box {
  const b = cy.getElementById(id).boundingBox({ includeLabels: true, includeOverlays: false });
  return { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 };
}

function shiftDomain(cy: Core, id: string, dx: number, dy: number): void {
  const domain = cy.getElementById(id);
  const movers = domain.isParent() ? domain.descendants() : domain;
  for (const child of movers.toArray()) {
    if (child.isParent()) continue;
    const p = child.position();
    child.position({ x: p.x + dx, y: p.y + dy });
  }
}

/**
 * Pushes overlapping domain boxes apart along the axis of least overlap, in id order, until no two boxes
 * (titles included, GAP apart) overlap or MAX_ROUNDS pass. Deterministic: it reads only positions and ids.
 * Returns whether it ended with no overlap.
 */
export function separateDomains(cy: Core): boolean {
  const ids = domainsOf(cy)
    .map((d) => d.id())
    .sort();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let moved = false;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = boxOf(cy, ids[i] as string);
        const b = boxOf(cy, ids[j] as string);
        const ox = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + GAP;
        const oy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + GAP;
        if (ox <= 0 || oy <= 0) continue;
        const ax = (a.x1 + a.x2) / 2;
        const bx = (b.x1 + b.x2) / 2;
        const ay = (a.y1 + a.y2) / 2;
        const by = (b.y1 + b.y2) / 2;
        if (ox < oy) {
          const s = (bx >= ax ? 1 : -1) * (ox / 2 + 1);
          shiftDomain(cy, ids[i] as string, -s, 0);
          shiftDomain(cy, ids[j] as string, s, 0);
        } else {
          const s = (by >= ay ? 1 : -1) * (oy / 2 + 1);
          shiftDomain(cy, ids[i] as string, 0, -s);
          shiftDomain(cy, ids[j] as string, 0, s);
        }
        moved = true;
      }
    }
    if (!moved) return true;
  }
  return false;
}

/** The zoom at which `fit` with `padding` would show every element. */
function fitZoom(cy: Core, padding: number): number {
  const bb = cy.elements().boundingBox({ includeLabels: true });
  const w = Math.max(cy.width() - 2 * padding, 1);
  const h = Math.max(cy.height() - 2 * padding, 1);
  return Math.min(w / Math.max(bb.w, 1), h / Math.max(bb.h, 1));
}

/**
 * Sets the domain title size (model px; the title is cut at its box's width) for the zoom the fitted picture will have, then
 * separates the boxes; a few rounds, since bigger titles make a bigger picture and so a smaller zoom.
 */
export function arrangeDomains(cy: Core, padding: number): void {
  const domains = domainsOf(cy);
  if (domains.empty()) return;
  let size = TITLE_FONT.min;
  for (let round = 0; round < 4; round++) {
    // A style bypass, not a data mapper: Cytoscape measures a label whose font size comes from data at the
    // stylesheet's size and clips the larger glyphs (seen in headless Chromium, cytoscape 3.x).
    cy.batch(() => {
      for (const domain of domains.toArray()) {
        domain.style({ 'font-size': size, 'text-max-width': `${Math.max(120, domain.width() - 12)}px` });
      }
    });
    separateDomains(cy);
    const next = Math.min(TITLE_FONT.max, Math.max(TITLE_FONT.min, TITLE_SCREEN_PX / fitZoom(cy, padding)));
    if (Math.abs(next - size) / size < 0.1) break;
    size = next;
  }
  separateDomains(cy);
}
