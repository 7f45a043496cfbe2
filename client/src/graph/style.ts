// The Cytoscape stylesheet: colour and shape by label, stroke by relationship type, line pattern by basis,
// and the classes the UI toggles (selection, highlight, fade, path). Labels follow the language through a
// mapper, so switching language is one style refresh, not a data edit.
import type { EdgeSingular, NodeSingular, StylesheetJson } from 'cytoscape';
import { displayName } from '../model/i18n.ts';
import { DOMAIN_LINK } from '../model/overview.ts';
import { BASIS_LINE, LABEL_LOOK, REL_LOOK } from '../model/vocabulary.ts';
import type { Lang, NodeLabel, RelType } from '../types.ts';
import { countsText, linkText } from './overview-messages.ts';

export const CJK_FONT_STACK =
  '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif';

/** Labels smaller than this on screen (CSS px) are hidden rather than drawn unreadably small. */
export const MIN_LABEL_PX = 11;

const NODE_SIZE: Partial<Record<NodeLabel, number>> = {
  Task: 26,
  Pilot: 24,
  Agency: 20,
  Measure: 12,
  Target: 22,
  Plan: 40,
};

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A node's label in the current language; a closed domain adds its counts, an open one its task count. */
function nodeLabel(getLang: () => Lang): (ele: NodeSingular) => string {
  return (ele: NodeSingular) => {
    const lang = getLang();
    const name = displayName(ele.data(), lang);
    if (ele.data('label') === 'Domain' && ele.data('lod') === 'closed') {
      // The overview's domain node: its title, then what it holds.
      const counts = { tasks: ele.data('tasks'), agencies: ele.data('agencies'), pilots: ele.data('pilots') };
      return `${name}\n${countsText(counts, lang)}`;
    }
    if (ele.data('label') === 'Domain') {
      // A domain's title carries how many tasks it holds, so the overview answers "how big" at a glance.
      const tasks = ele.children('[label = "Task"]').length;
      return tasks > 0 ? `${name}${lang === 'zh' ? `（${tasks}）` : ` (${tasks})`}` : name;
    }
    return shorten(name, lang === 'en' ? 48 : 22);
  };
}

/** Rules for nodes: the base look, colour and shape by label, and domains as overview nodes or boxes. */
function nodeRules(getLang: () => Lang): StylesheetJson {
  const perLabel = (Object.keys(LABEL_LOOK) as NodeLabel[]).map((label) => ({
    selector: `node[label = "${label}"]`,
    style: {
      'background-color': LABEL_LOOK[label].colour,
      shape: LABEL_LOOK[label].shape,
      width: NODE_SIZE[label] ?? 18,
      height: NODE_SIZE[label] ?? 18,
    },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: nodeLabel(getLang),
        'font-family': CJK_FONT_STACK,
        'font-size': 14,
        color: '#1e293b',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3,
        'text-wrap': 'wrap',
        'text-max-width': '110px',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'text-outline-opacity': 0.85,
        'border-width': 1,
        'border-color': '#ffffff',
        // Level of detail: a label that would be drawn below 11 CSS px is not drawn at all.
        'min-zoomed-font-size': MIN_LABEL_PX,
      },
    },
    ...perLabel,
    {
      selector: 'node[label = "Domain"]',
      style: {
        width: 40,
        height: 30,
        'background-color': '#e2e8f0',
        'border-color': '#94a3b8',
        'border-width': 1.5,
        'font-size': 13,
        'font-weight': 'bold',
        color: '#0f172a',
      },
    },
    {
      // A domain of the overview, drawn as one large node with its title and counts inside.
      selector: 'node[label = "Domain"][lod = "closed"]',
      style: {
        shape: 'round-rectangle',
        width: 300,
        height: 160,
        'background-color': '#e2e8f0',
        'border-color': '#64748b',
        'border-width': 2,
        'text-valign': 'center',
        'text-halign': 'center',
        'text-margin-y': 0,
        'text-wrap': 'wrap',
        'text-max-width': '280px',
        'line-height': 1.3,
        'font-size': 18,
        'font-weight': 'bold',
        color: '#0f172a',
      },
    },
    {
      selector: ':parent',
      style: {
        'background-color': '#f1f5f9',
        'background-opacity': 0.85,
        'border-color': '#94a3b8',
        'border-width': 1.5,
        shape: 'round-rectangle',
        padding: '18px',
        // The title sits inside its box, like a region's name on a map, under the box's tasks and edges.
        'text-valign': 'center',
        'text-halign': 'center',
        'text-opacity': 0.7,
        // One line, cut with an ellipsis at its own box's width, so neighbouring titles never run into each other.
        'text-wrap': 'ellipsis',
        // domain-boxes.ts sizes both for the fitted zoom (readable at first sight) once a layout has run.
        'text-max-width': '400px',
        'font-size': 18,
        'font-weight': 'bold',
        color: '#334155',
      },
    },
  ];
}

/** Rules for edges: stroke by relationship type, line pattern by basis, and the overview's domain links. */
function edgeRules(): StylesheetJson {
  const perType = (Object.keys(REL_LOOK) as RelType[]).map((type) => ({
    selector: `edge[type = "${type}"]`,
    style: {
      'line-color': REL_LOOK[type].colour,
      'target-arrow-color': REL_LOOK[type].colour,
      width: REL_LOOK[type].width,
      'target-arrow-shape': REL_LOOK[type].arrow ? 'triangle' : 'none',
    },
  }));
  const perBasis = Object.entries(BASIS_LINE).map(([basis, line]) => ({
    selector: `edge[basis = "${basis}"]`,
    style: {
      'line-style': line.style,
      ...(line.dash ? { 'line-dash-pattern': [...line.dash] } : {}),
      ...(basis === 'inferred' ? { opacity: 0.75 } : {}),
    },
  }));
  return [
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        'arrow-scale': 0.8,
        opacity: 0.9,
        'line-color': '#cbd5e1',
        'target-arrow-color': '#cbd5e1',
        width: 1,
        'font-family': CJK_FONT_STACK,
        'min-zoomed-font-size': MIN_LABEL_PX,
      },
    },
    ...perType,
    ...perBasis,
    {
      // What two domains share: the width grows with the total, the label says what it is.
      selector: `edge[type = "${DOMAIN_LINK}"]`,
      style: {
        width: 'mapData(total, 1, 40, 2, 14)',
        'line-color': '#94a3b8',
        opacity: 0.75,
        'curve-style': 'straight',
        'target-arrow-shape': 'none',
        'font-size': 14,
        color: '#0f172a',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '2px',
      },
    },
    {
      selector: 'edge[type = "DEPENDS_ON"]',
      style: { 'curve-style': 'unbundled-bezier', 'control-point-distances': [40] },
    },
  ];
}

/** Ledger status ("colour by progress") classes the views set; delayed and overdue must stand out. */
function ledgerRules(): StylesheetJson {
  return [
    // Listed before selection and highlight (interactionRules) so those still win.
    { selector: 'node.ledger-not-started', style: { 'background-color': '#94a3b8' } },
    { selector: 'node.ledger-in-progress', style: { 'background-color': '#2563eb' } },
    { selector: 'node.ledger-done', style: { 'background-color': '#16a34a' } },
    { selector: 'node.ledger-suspended', style: { 'background-color': '#a16207' } },
    {
      selector: 'node.ledger-delayed',
      style: { 'background-color': '#dc2626', width: 34, height: 34, 'z-index': 15 },
    },
    {
      selector: 'node.ledger-overdue',
      style: { 'border-width': 5, 'border-color': '#f97316', 'border-style': 'double', 'z-index': 16 },
    },
  ];
}

/** The classes the UI toggles: fade, highlight, selection, path, hover, a domain link's words on hover. */
function interactionRules(getLang: () => Lang): StylesheetJson {
  const linkLabel = (ele: EdgeSingular) =>
    linkText(
      { dependencies: ele.data('dependencies'), agencies: ele.data('agencies'), pilots: ele.data('pilots') },
      getLang(),
    );
  return [
    { selector: '.faded', style: { opacity: 0.15, 'text-opacity': 0.3 } },
    {
      selector: 'node.highlighted',
      style: { 'border-width': 4, 'border-color': '#f59e0b', 'z-index': 20, 'font-weight': 'bold' },
    },
    { selector: 'edge.highlighted', style: { width: 4, opacity: 1, 'z-index': 20 } },
    {
      selector: 'node:selected',
      style: {
        'border-width': 5,
        'border-color': '#facc15',
        'z-index': 30,
        'font-size': 12,
        'font-weight': 'bold',
      },
    },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#e11d48', 'z-index': 25 } },
    {
      selector: 'edge.path',
      style: {
        'line-color': '#e11d48',
        'target-arrow-color': '#e11d48',
        width: 4,
        opacity: 1,
        'z-index': 25,
      },
    },
    { selector: 'node.hover', style: { 'border-width': 3, 'border-color': '#0ea5e9' } },
    // A link's words only while one of its domains is pointed at or chosen: 28 labelled chords are a tangle.
    {
      selector: `edge[type = "${DOMAIN_LINK}"].hover, edge[type = "${DOMAIN_LINK}"].highlighted`,
      style: { label: linkLabel, opacity: 1, 'line-color': '#0ea5e9', 'z-index': 40 },
    },
  ];
}

/** The whole stylesheet, in cascade order: nodes, edges, ledger status, then the UI's classes (which win). */
export function buildStylesheet(getLang: () => Lang): StylesheetJson {
  return [...nodeRules(getLang), ...edgeRules(), ...ledgerRules(), ...interactionRules(getLang)];
}
