// Presentation mode for presenters: scenes saved from the explorer (create, rename, caption, reorder, delete),
// stored on the server, exported and imported as JSON, played full screen; plus a tour built from the data.
import type { Scene, ScenesResponse } from '../../../../server/src/domain/types.ts';
import { decodeUrlState } from '../../model/url-state.ts';
import { download } from '../../ui/dom.ts';
import type { MountedView, ViewsContext } from '../context.ts';
import { button, h } from '../view-kit.ts';
import { captureScene } from './capture.ts';
import { playScenes } from './player.ts';
import { editorToken, scenesApi } from './scenes-api.ts';
import { buildTour } from './tour.ts';

/** One mounted presentation page: its elements and the scenes shown, shared by the helpers below. */
interface ScenesPage {
  ctx: ViewsContext;
  status: HTMLElement;
  access: HTMLElement;
  list: HTMLElement;
  scenes: Scene[];
  /** A node's display name by id (the id itself until the plan loaded). */
  nodeName: (id: string) => string;
}

/** Shows `error` in the status line. */
function report(p: ScenesPage, error: unknown) {
  p.status.textContent = error instanceof Error ? error.message : String(error);
  p.status.classList.add('error');
}

/** Shows `message` (default "saved") in the status line. */
function done(p: ScenesPage, message = p.ctx.t('saved')) {
  p.status.textContent = message;
  p.status.classList.remove('error');
}

/** Takes the server's scenes and write access, and redraws. */
function apply(p: ScenesPage, response: ScenesResponse) {
  p.scenes = response.scenes;
  renderAccess(p, response.writeAccess);
  renderList(p);
}

/** Fetches the scenes again. */
async function reload(p: ScenesPage) {
  apply(p, await scenesApi.list());
}

/** Runs `work`, then reports "saved" or its error. */
function run(p: ScenesPage, work: () => Promise<unknown>) {
  return work().then(
    () => done(p),
    (error: unknown) => report(p, error),
  );
}

/** Nothing when anyone may write, a notice when writes are off, else the editor-token field. */
function renderAccess({ ctx, access }: ScenesPage, writeAccess: ScenesResponse['writeAccess']) {
  if (writeAccess === 'open') {
    access.replaceChildren();
    return;
  }
  if (writeAccess === 'disabled') {
    access.replaceChildren(h('p', { class: 'views-hint' }, ctx.t('writesDisabled')));
    return;
  }
  const token = h('input', {
    type: 'password',
    class: 'views-input',
    value: editorToken.get(),
    'aria-label': ctx.t('editorToken'),
    autocomplete: 'off',
  });
  token.addEventListener('change', () => editorToken.set(token.value.trim()));
  access.replaceChildren(
    h('label', { class: 'views-field' }, `${ctx.t('editorToken')} `, token),
    h('span', { class: 'views-hint' }, ctx.t('editorTokenHint')),
  );
}

/** A scene in one line: layout, language and selected node. */
function describe(p: ScenesPage, scene: Scene): string {
  const state = decodeUrlState(scene.state.link);
  const parts = [state.view.layout, state.lang === 'zh' ? '中文' : 'English'];
  if (state.selected) parts.push(p.nodeName(state.selected));
  return parts.join(' · ');
}

/** The scene list, or a hint when there is none. */
function renderList(p: ScenesPage) {
  if (p.scenes.length === 0) {
    p.list.replaceChildren(h('li', { class: 'views-hint scene-empty' }, p.ctx.t('noScenes')));
    return;
  }
  p.list.replaceChildren(...p.scenes.map((scene, i) => sceneCard(p, scene, i)));
}

/** Scene `i`'s card: editable name and caption, its description, and show / move / delete. */
function sceneCard(p: ScenesPage, scene: Scene, i: number): HTMLElement {
  const { ctx } = p;
  const name = h('input', {
    type: 'text',
    class: 'views-input scene-name',
    value: scene.name,
    'aria-label': ctx.t('sceneName'),
  });
  const save = (changes: { name?: string; caption?: string }) =>
    void run(p, async () => {
      const updated = await scenesApi.update(scene.id, changes);
      p.scenes = p.scenes.map((s) => (s.id === updated.id ? updated : s));
    });
  name.addEventListener('change', () => save({ name: name.value.trim() || scene.name }));
  const caption = h(
    'textarea',
    { class: 'views-input scene-caption', rows: 2, 'aria-label': ctx.t('sceneCaption') },
    scene.caption,
  );
  caption.addEventListener('change', () => save({ caption: caption.value }));
  const move = (delta: number) => {
    const ids = p.scenes.map((s) => s.id);
    const j = i + delta;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
    void run(p, async () => apply(p, await scenesApi.reorder(ids)));
  };
  return h(
    'li',
    { class: 'scene-card', 'data-scene-id': scene.id },
    h('span', { class: 'scene-number' }, String(i + 1)),
    h(
      'div',
      { class: 'scene-fields' },
      name,
      caption,
      h('span', { class: 'muted small' }, describe(p, scene)),
    ),
    h(
      'div',
      { class: 'scene-actions' },
      button(ctx.t('showScene'), () => playScenes(ctx, p.scenes, i), {
        class: 'views-button scene-play',
      }),
      button('↑', () => move(-1), {
        'aria-label': ctx.t('moveUp'),
        title: ctx.t('moveUp'),
        disabled: i === 0,
        class: 'views-button scene-up',
      }),
      button('↓', () => move(1), {
        'aria-label': ctx.t('moveDown'),
        title: ctx.t('moveDown'),
        disabled: i === p.scenes.length - 1,
        class: 'views-button scene-down',
      }),
      button(
        ctx.t('deleteScene'),
        () =>
          void run(p, async () => {
            await scenesApi.remove(scene.id);
            await reload(p);
          }),
        { class: 'views-button danger scene-delete' },
      ),
    ),
  );
}

/** Play all, the data tour (play or save as scenes), and scene export / import through `fileInput`. */
function sceneControls(p: ScenesPage, fileInput: HTMLInputElement): HTMLElement[] {
  const { ctx } = p;
  const play = button(ctx.t('play'), () => playScenes(ctx, p.scenes, 0), {
    class: 'views-button primary scene-play-all',
  });
  const tour = async () => buildTour(ctx, await ctx.data.plan(), await ctx.data.stats());
  const playTour = button(
    ctx.t('playTour'),
    () =>
      void tour().then(
        (built) => playScenes(ctx, built, 0),
        (error: unknown) => report(p, error),
      ),
    { class: 'views-button tour-play' },
  );
  const saveTour = button(
    ctx.t('saveTour'),
    () =>
      void run(p, async () => {
        const built = await tour();
        apply(
          p,
          await scenesApi.importFile({
            format: 'reform-graph-scenes',
            version: 1,
            exportedAt: new Date().toISOString(),
            scenes: built,
          }),
        );
      }),
  );
  const exportButton = button(
    ctx.t('exportScenes'),
    () =>
      void run(p, async () => {
        const file = await scenesApi.exportFile();
        download(
          new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }),
          'reform-graph-scenes.json',
        );
      }),
  );
  const importButton = button(ctx.t('importScenes'), () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    void run(p, async () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch (error) {
        throw new Error(ctx.t('importFailed', { message: `${file.name}: ${(error as Error).message}` }));
      }
      apply(p, await scenesApi.importFile(parsed));
    }).finally(() => {
      fileInput.value = '';
    });
  });
  return [play, playTour, saveTour, exportButton, importButton, fileInput];
}

/** Mounts the presentation page in `host`; `ready` settles once the stored scenes are listed (or failed). */
export function mountPresentation(host: HTMLElement, ctx: ViewsContext): MountedView {
  const p: ScenesPage = {
    ctx,
    status: h('p', { class: 'views-status', role: 'status', 'aria-live': 'polite' }),
    access: h('div', { class: 'scene-access' }),
    list: h('ol', { class: 'scene-list', 'aria-label': ctx.t('presentTitle') }),
    scenes: [],
    nodeName: (id) => id,
  };
  const nameInput = h('input', {
    type: 'text',
    class: 'views-input scene-new-name',
    'aria-label': ctx.t('sceneName'),
    placeholder: ctx.t('sceneName'),
  });
  const captionInput = h('textarea', {
    class: 'views-input scene-new-caption',
    rows: 2,
    'aria-label': ctx.t('sceneCaption'),
    placeholder: ctx.t('sceneCaption'),
  });
  const fileInput = h('input', {
    type: 'file',
    accept: 'application/json,.json',
    class: 'visually-hidden',
    'aria-label': ctx.t('importScenes'),
  });
  const add = button(
    ctx.t('addScene'),
    () =>
      void run(p, async () => {
        const name = nameInput.value.trim() || ctx.t('newSceneName', { n: p.scenes.length + 1 });
        await scenesApi.create({ name, caption: captionInput.value, state: captureScene(ctx.explorer) });
        nameInput.value = '';
        captionInput.value = '';
        await reload(p);
      }),
    { class: 'views-button primary scene-add' },
  );

  host.replaceChildren(
    h(
      'section',
      { class: 'views-page present-page' },
      h(
        'header',
        { class: 'views-header' },
        h('h1', {}, ctx.t('presentTitle')),
        h('p', { class: 'views-hint' }, ctx.t('presentHint')),
      ),
      p.access,
      h('div', { class: 'scene-new' }, nameInput, captionInput, add),
      h('div', { class: 'views-controls' }, ...sceneControls(p, fileInput)),
      p.status,
      p.list,
    ),
  );
  const ready = ctx.data
    .plan()
    .then((plan) => {
      p.nodeName = (id) => ctx.name(plan.graph.nodes.get(id) ?? { id });
    })
    .catch(() => undefined)
    .then(() => reload(p))
    .catch((error: unknown) => report(p, error));
  return { ready, teardown: () => host.replaceChildren() };
}
