// The page shell: lays out toolbar, panels and graph, mounts the graph view and the controller, wires the
// view's events and the keyboard shortcuts, and returns one teardown for all of it.
import type { Core } from 'cytoscape';
import { activePlan } from '../api/active-plan.ts';
import { mountGraphView } from '../graph/graph-view.ts';
import type { UrlState } from '../types.ts';
import type { Component } from './context.ts';
import { type Controller, createController } from './controller.ts';
import { mountDetailsPanel } from './details-panel.ts';
import { h, listen } from './dom.ts';
import { mountFiltersPanel, mountLegend } from './filters-panel.ts';
import { mountNodeList } from './node-list.ts';
import { mountPathPanel } from './path-panel.ts';
import { mountStatus } from './status.ts';
import { mountToolbar } from './toolbar.ts';
import { mountTooltip } from './tooltip.ts';

export interface MountedApp {
  controller: Controller;
  cy(): Core;
  teardown(): void;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));

export function mountApp(root: HTMLElement, initial: UrlState): MountedApp {
  const header = h('header', { class: 'toolbar' });
  const bannerSlot = h('div', { class: 'banner-slot' });
  const left = h('aside', { class: 'sidebar left', 'aria-label': 'filters' });
  const right = h('aside', { class: 'sidebar right', 'aria-label': 'details' });
  const canvas = h('div', { class: 'cy', id: 'cy' });
  const graphArea = h(
    'section',
    { class: 'graph-area', 'aria-label': 'graph', 'aria-describedby': 'graph-help' },
    canvas,
  );
  const main = h('main', { class: 'workspace' }, left, graphArea, right);
  // On small screens both side panels fold away; this button brings filters, legend and the node list back.
  const panelsToggle = h('button', {
    type: 'button',
    class: 'tool panels-toggle',
    'data-action': 'togglePanels',
    'aria-expanded': 'false',
  });
  panelsToggle.addEventListener('click', () => {
    const open = root.classList.toggle('show-left');
    panelsToggle.setAttribute('aria-expanded', String(open));
  });
  graphArea.appendChild(panelsToggle);
  root.replaceChildren(header, bannerSlot, main);

  let lang = initial.lang;
  const view = mountGraphView({ container: canvas, getLang: () => lang, seed: activePlan() ?? '' });
  const controller = createController(view, initial);
  controller.subscribe(() => {
    lang = controller.state.lang;
    left.setAttribute('aria-label', controller.t('filters'));
    right.setAttribute('aria-label', controller.t('details'));
    panelsToggle.textContent = controller.t('togglePanels');
    graphArea.setAttribute('aria-label', controller.t('graph'));
  });
  document.documentElement.lang = initial.lang === 'zh' ? 'zh-CN' : 'en';

  const components: Component[] = [
    mountToolbar(header, controller),
    mountFiltersPanel(left, controller),
    mountLegend(left, controller),
    mountNodeList(left, controller),
    mountDetailsPanel(right, controller),
    mountPathPanel(right, controller),
    mountStatus(graphArea, bannerSlot, controller),
    mountTooltip(graphArea, controller, view.events),
  ];

  const offs = [
    view.events.on('nodeSelected', ({ id }) => controller.select(id)),
    view.events.on('selectionCleared', () => controller.select(null)),
    view.events.on('expandRequested', ({ id }) => controller.toggleExpansion(id)),
    view.events.on('cameraChanged', (camera) => controller.cameraMoved(camera)),
    listen(document, 'keydown', (event) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'z' && !isTyping(event.target)) {
        event.preventDefault();
        if (event.shiftKey) controller.redo();
        else controller.undo();
      } else if (mod && key === 'y' && !isTyping(event.target)) {
        event.preventDefault();
        controller.redo();
      } else if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        header.querySelector<HTMLInputElement>('.search-input')?.focus();
      } else if (event.key === 'Escape' && !isTyping(event.target)) {
        controller.select(null);
        root.classList.remove('show-left');
      } else if (key === 'f' && !mod && !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        controller.fit();
      } else if (key === 'o' && !mod && !event.altKey && !isTyping(event.target)) {
        event.preventDefault();
        controller.showOverview();
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && !isTyping(event.target)) {
        controller.hideSelected();
      }
    }),
    listen(window, 'resize', () => view.cy.resize()),
  ];

  void controller.refresh({ layout: 'force' });
  // A link that names both ends of a path shows that path, framed, once the graph is drawn.
  if (initial.pathEnds?.from && initial.pathEnds.to) controller.findPaths();

  return {
    controller,
    cy: () => view.cy,
    teardown() {
      for (const off of offs) off();
      for (const component of components) component.teardown();
      controller.teardown();
      view.destroy();
      root.replaceChildren();
    },
  };
}
