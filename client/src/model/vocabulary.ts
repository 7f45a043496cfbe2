// The graph model's closed sets as the client draws them: order in panels, colour and shape per label,
// stroke per relationship type. Typed against the shared model so a renamed label fails to compile.
import type { Basis, NodeLabel, RelType } from '../types.ts';

export interface LabelLook {
  colour: string;
  /** A Cytoscape node shape. */
  shape:
    | 'round-rectangle'
    | 'diamond'
    | 'hexagon'
    | 'star'
    | 'ellipse'
    | 'octagon'
    | 'rectangle'
    | 'tag'
    | 'vee'
    | 'triangle'
    | 'pentagon'
    | 'barrel'
    | 'round-tag';
}

export const LABEL_LOOK: Record<NodeLabel, LabelLook> = {
  Plan: { colour: '#1f2937', shape: 'octagon' },
  Chapter: { colour: '#475569', shape: 'rectangle' },
  Section: { colour: '#64748b', shape: 'rectangle' },
  Domain: { colour: '#334155', shape: 'round-rectangle' },
  Task: { colour: '#2563eb', shape: 'round-rectangle' },
  Measure: { colour: '#94a3b8', shape: 'ellipse' },
  Agency: { colour: '#ea580c', shape: 'hexagon' },
  Pilot: { colour: '#059669', shape: 'diamond' },
  Target: { colour: '#9333ea', shape: 'star' },
  Priority: { colour: '#db2777', shape: 'tag' },
  KeyField: { colour: '#0891b2', shape: 'tag' },
  Principle: { colour: '#65a30d', shape: 'round-tag' },
  Safeguard: { colour: '#0d9488', shape: 'barrel' },
  Problem: { colour: '#dc2626', shape: 'triangle' },
  Achievement: { colour: '#ca8a04', shape: 'pentagon' },
  LegalBasis: { colour: '#7c3aed', shape: 'vee' },
};

export const LABEL_ORDER = Object.keys(LABEL_LOOK) as NodeLabel[];

export interface RelLook {
  colour: string;
  width: number;
  arrow: boolean;
}

export const REL_LOOK: Record<RelType, RelLook> = {
  HAS_CHAPTER: { colour: '#cbd5e1', width: 1, arrow: true },
  HAS_SECTION: { colour: '#cbd5e1', width: 1, arrow: true },
  HAS_DOMAIN: { colour: '#cbd5e1', width: 1, arrow: true },
  HAS_TASK: { colour: '#cbd5e1', width: 1, arrow: true },
  HAS_MEASURE: { colour: '#cbd5e1', width: 1, arrow: true },
  MENTIONS: { colour: '#a8a29e', width: 1, arrow: true },
  LED_BY: { colour: '#ea580c', width: 2.5, arrow: true },
  INVOLVES: { colour: '#fb923c', width: 1.5, arrow: true },
  PILOTED_IN: { colour: '#10b981', width: 1.5, arrow: true },
  SETS_TARGET: { colour: '#a855f7', width: 1.5, arrow: true },
  DEPENDS_ON: { colour: '#dc2626', width: 3, arrow: true },
  ADVANCES: { colour: '#ec4899', width: 1.5, arrow: true },
  ADDRESSES: { colour: '#f87171', width: 1.5, arrow: true },
  BASED_ON: { colour: '#8b5cf6', width: 1, arrow: true },
};

export const REL_ORDER = Object.keys(REL_LOOK) as RelType[];

/** A line pattern: Cytoscape's `line-style`, and for dashes the `line-dash-pattern` (lengths in px, dash then gap). */
export interface BasisLine {
  style: 'solid' | 'dashed' | 'dotted';
  dash: readonly number[] | null;
}

/**
 * How a fact is known, told apart by the line alone: stated in the text, solid; read by the importer's recognisers,
 * long dashes; curated by a person, dash-dot; inferred from structure or wording, dotted.
 */
export const BASIS_LINE: Record<Basis, BasisLine> = {
  text: { style: 'solid', dash: null },
  extracted: { style: 'dashed', dash: [8, 4] },
  curated: { style: 'dashed', dash: [10, 3, 2, 3] },
  inferred: { style: 'dotted', dash: null },
};

export const BASIS_ORDER = Object.keys(BASIS_LINE) as Basis[];

/** Labels of the default overview (/api/graph): domains holding tasks, with pilots and agencies around. */
export const OVERVIEW_LABELS: readonly NodeLabel[] = ['Domain', 'Task', 'Pilot', 'Agency'];

export function isNodeLabel(value: string): value is NodeLabel {
  return Object.hasOwn(LABEL_LOOK, value);
}
export function isRelType(value: string): value is RelType {
  return Object.hasOwn(REL_LOOK, value);
}
export function isBasis(value: string): value is Basis {
  return Object.hasOwn(BASIS_LINE, value);
}
