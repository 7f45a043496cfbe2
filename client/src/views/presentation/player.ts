// Plays scenes full screen on the explorer itself: each scene's view is restored through the explorer's own
// actions, then nodes glide to the saved positions and the camera fits them. Arrow keys, Page Up/Down and
// space step; Escape (or leaving full screen) ends. Headless browsers without the Fullscreen API still play,
// in the window.
import type { SceneInput } from '../../../../server/src/domain/types.ts';
import { decodeUrlState } from '../../model/url-state.ts';
import type { ViewsContext } from '../context.ts';
import { h, listen } from '../view-kit.ts';

const GLIDE_MS = 650;

export interface Player {
  readonly index: number;
  stop(): void;
}

export function playScenes(ctx: ViewsContext, scenes: readonly SceneInput[], start = 0): Player | null {
  if (scenes.length === 0) return null;
  const { controller } = ctx.explorer;
  const shell = ctx.shell;
  ctx.go('graph');
  shell.classList.add('presenting');
  const title = h('h2', { class: 'presenter-title' });
  const caption = h('p', { class: 'presenter-text' });
  const counter = h('span', { class: 'presenter-counter' });
  const exit = h(
    'button',
    { type: 'button', class: 'presenter-exit', 'aria-label': ctx.t('exitPresentation') },
    '×',
  );
  const box = h(
    'div',
    { class: 'presenter-caption', role: 'region', 'aria-live': 'polite' },
    title,
    caption,
    counter,
    exit,
  );
  shell.append(box);

  let index = -1;
  let sequence = 0;
  let stopped = false;

  async function show(next: number) {
    const scene = scenes[next];
    if (!scene || next === index) return;
    index = next;
    const mine = ++sequence;
    box.dataset.sceneIndex = String(next);
    box.classList.remove('shown');
    title.textContent = scene.name;
    caption.textContent = scene.caption;
    counter.textContent = ctx.t('sceneOf', { i: next + 1, n: scenes.length });
    requestAnimationFrame(() => box.classList.add('shown'));

    const state = decodeUrlState(scene.state.link);
    if (controller.state.lang !== state.lang) controller.setLang(state.lang);
    controller.changeView(() => state.view);
    await controller.idle();
    if (mine !== sequence || stopped) return;
    const cy = ctx.explorer.cy();
    cy.resize();
    const { positions } = scene.state;
    const moves: Array<Promise<unknown>> = [];
    cy.nodes().forEach((node) => {
      const position = positions[node.id()];
      if (node.isParent() || !position) return;
      moves.push(
        new Promise<void>((resolve) => {
          node.animate({ position }, { duration: GLIDE_MS, easing: 'ease-in-out-cubic', complete: resolve });
        }),
      );
    });
    await Promise.all(moves);
    if (mine !== sequence || stopped) return;
    controller.select(state.selected);
    // A scene about one node frames that node and its neighbours; an overview frames everything drawn.
    const focus = state.selected ? cy.getElementById(state.selected) : cy.collection();
    const hood = focus.nonempty() ? focus.closedNeighborhood() : cy.elements(':visible');
    // The boxes (domains) around the neighbours come too, so a small neighbourhood keeps its context.
    const frame = hood.union(hood.parents());
    await new Promise<void>((resolve) => {
      cy.animate(
        { fit: { eles: frame, padding: 48 } },
        { duration: GLIDE_MS, easing: 'ease-in-out-cubic', complete: resolve },
      );
    });
    if (mine !== sequence || stopped) return;
    box.dataset.ready = String(next);
  }

  const offs = [
    listen(document, 'keydown', (event) => {
      const forward = ['ArrowRight', 'ArrowDown', 'PageDown', ' '].includes(event.key);
      const back = ['ArrowLeft', 'ArrowUp', 'PageUp'].includes(event.key);
      if (!forward && !back && event.key !== 'Escape') return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (event.key === 'Escape') stop();
      else void show(Math.min(scenes.length - 1, Math.max(0, index + (forward ? 1 : -1))));
    }),
    listen(document, 'fullscreenchange', () => {
      if (!document.fullscreenElement) stop();
    }),
  ];
  exit.addEventListener('click', () => stop());

  function stop() {
    if (stopped) return;
    stopped = true;
    for (const off of offs) off();
    box.remove();
    shell.classList.remove('presenting');
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    requestAnimationFrame(() => ctx.explorer.cy().resize());
  }

  // Full screen needs a user gesture and may be refused (headless, iframes): the window then serves.
  if (shell.requestFullscreen && document.fullscreenEnabled)
    void shell.requestFullscreen().catch(() => undefined);
  requestAnimationFrame(() => ctx.explorer.cy().resize());
  void show(Math.max(0, Math.min(start, scenes.length - 1)));
  return {
    get index() {
      return index;
    },
    stop,
  };
}
