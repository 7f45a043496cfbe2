// Hover tooltips: the node's names and label, or the edge's type, basis, kind and weight, next to the pointer,
// in the page's language; a Chinese name shown on the English page is marked as the plan's own words.

import type { Emitter, ViewEvents } from '../graph/events.ts';
import { basisName, dependencyKindName, displayName, labelName, relName } from '../model/i18n.ts';
import { isBasis } from '../model/vocabulary.ts';
import type { AppContext, Component } from './context.ts';
import { h, replaceChildren } from './dom.ts';
import { markSourceText, nameSpan } from './source-text.ts';

export function mountTooltip(parent: HTMLElement, app: AppContext, events: Emitter<ViewEvents>): Component {
  const tip = h('div', { class: 'tooltip', role: 'tooltip', hidden: true });
  parent.appendChild(tip);
  const place = (x: number, y: number) => {
    tip.hidden = false;
    const maxX = parent.clientWidth - tip.offsetWidth - 8;
    tip.style.left = `${Math.max(4, Math.min(x + 14, maxX))}px`;
    tip.style.top = `${Math.max(4, y + 14)}px`;
  };
  const hideTip = () => {
    tip.hidden = true;
  };
  const offs = [
    events.on('nodeHovered', ({ id, x, y }) => {
      const node = app.node(id);
      if (!node) return;
      const lang = app.state.lang;
      const shown = displayName(node, lang);
      const other = lang === 'zh' ? node.nameEn : node.name;
      // On the English page the other name is the plan's Chinese one: shown, and marked as such.
      const otherLine =
        other && other !== shown
          ? lang === 'en'
            ? markSourceText(h('div', { class: 'muted' }, other), 'name', lang)
            : h('div', { class: 'muted', lang: 'en' }, other)
          : null;
      replaceChildren(
        tip,
        h('strong', {}, nameSpan(node, lang)),
        otherLine,
        h('div', { class: 'tip-label' }, labelName(node.label, lang)),
      );
      place(x, y);
    }),
    events.on('edgeHovered', ({ id, x, y }) => {
      const edge = app.edge(id);
      if (!edge) return;
      const lang = app.state.lang;
      const basis =
        typeof edge.basis === 'string' && isBasis(edge.basis) ? basisName(edge.basis, lang) : null;
      const weight = typeof edge.weight === 'number' ? `${app.t('weight')} ${edge.weight}` : null;
      const kind = typeof edge.kind === 'string' ? dependencyKindName(edge.kind, lang) : null;
      replaceChildren(
        tip,
        h('strong', {}, relName(edge.type, lang)),
        h('div', { class: 'muted' }, [basis, kind, weight].filter(Boolean).join(' · ')),
      );
      place(x, y);
    }),
    events.on('nodeHoverEnded', hideTip),
    events.on('edgeHoverEnded', hideTip),
  ];
  return {
    teardown() {
      for (const off of offs) off();
      tip.remove();
    },
  };
}
