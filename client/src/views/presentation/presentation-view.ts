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

export function mountPresentation(host: HTMLElement, ctx: ViewsContext): MountedView {
  const status = h('p', { class: 'views-status', role: 'status', 'aria-live': 'polite' });
  const access = h('div', { class: 'scene-access' });
  const list = h('ol', { class: 'scene-list', 'aria-label': ctx.t('presentTitle') });
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
  let scenes: Scene[] = [];
  let nodeName = (id: string) => id;

  const report = (error: unknown) => {
    status.textContent = error instanceof Error ? error.message : String(error);
    status.classList.add('error');
  };
  const done = (message = ctx.t('saved')) => {
    status.textContent = message;
    status.classList.remove('error');
  };
  const apply = (response: ScenesResponse) => {
    scenes = response.scenes;
    renderAccess(response.writeAccess);
    renderList();
  };
  const reload = async () => apply(await scenesApi.list());
  const run = (work: () => Promise<unknown>) =>
    work().then(
      () => done(),
      (error: unknown) => report(error),
    );

  function renderAccess(writeAccess: ScenesResponse['writeAccess']) {
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

  function describe(scene: Scene): string {
    const state = decodeUrlState(scene.state.link);
    const parts = [state.view.layout, state.lang === 'zh' ? '中文' : 'English'];
    if (state.selected) parts.push(nodeName(state.selected));
    return parts.join(' · ');
  }

  function renderList() {
    if (scenes.length === 0) {
      list.replaceChildren(h('li', { class: 'views-hint scene-empty' }, ctx.t('noScenes')));
      return;
    }
    list.replaceChildren(
      ...scenes.map((scene, i) => {
        const name = h('input', {
          type: 'text',
          class: 'views-input scene-name',
          value: scene.name,
          'aria-label': ctx.t('sceneName'),
        });
        const save = (changes: { name?: string; caption?: string }) =>
          void run(async () => {
            const updated = await scenesApi.update(scene.id, changes);
            scenes = scenes.map((s) => (s.id === updated.id ? updated : s));
          });
        name.addEventListener('change', () => save({ name: name.value.trim() || scene.name }));
        const caption = h(
          'textarea',
          { class: 'views-input scene-caption', rows: 2, 'aria-label': ctx.t('sceneCaption') },
          scene.caption,
        );
        caption.addEventListener('change', () => save({ caption: caption.value }));
        const move = (delta: number) => {
          const ids = scenes.map((s) => s.id);
          const j = i + delta;
          if (j < 0 || j >= ids.length) return;
          [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
          void run(async () => apply(await scenesApi.reorder(ids)));
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
            h('span', { class: 'muted small' }, describe(scene)),
          ),
          h(
            'div',
            { class: 'scene-actions' },
            button(ctx.t('showScene'), () => playScenes(ctx, scenes, i), {
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
              disabled: i === scenes.length - 1,
              class: 'views-button scene-down',
            }),
            button(
              ctx.t('deleteScene'),
              () =>
                void run(async () => {
                  await scenesApi.remove(scene.id);
                  await reload();
                }),
              { class: 'views-button danger scene-delete' },
            ),
          ),
        );
      }),
    );
  }

  const add = button(
    ctx.t('addScene'),
    () =>
      void run(async () => {
        const name = nameInput.value.trim() || ctx.t('newSceneName', { n: scenes.length + 1 });
        await scenesApi.create({ name, caption: captionInput.value, state: captureScene(ctx.explorer) });
        nameInput.value = '';
        captionInput.value = '';
        await reload();
      }),
    { class: 'views-button primary scene-add' },
  );
  const play = button(ctx.t('play'), () => playScenes(ctx, scenes, 0), {
    class: 'views-button primary scene-play-all',
  });
  const tour = async () => buildTour(ctx, await ctx.data.plan(), await ctx.data.stats());
  const playTour = button(
    ctx.t('playTour'),
    () => void tour().then((built) => playScenes(ctx, built, 0), report),
    { class: 'views-button tour-play' },
  );
  const saveTour = button(
    ctx.t('saveTour'),
    () =>
      void run(async () => {
        const built = await tour();
        apply(
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
      void run(async () => {
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
    void run(async () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch (error) {
        throw new Error(ctx.t('importFailed', { message: `${file.name}: ${(error as Error).message}` }));
      }
      apply(await scenesApi.importFile(parsed));
    }).finally(() => {
      fileInput.value = '';
    });
  });

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
      access,
      h('div', { class: 'scene-new' }, nameInput, captionInput, add),
      h('div', { class: 'views-controls' }, play, playTour, saveTour, exportButton, importButton, fileInput),
      status,
      list,
    ),
  );
  const ready = ctx.data
    .plan()
    .then((plan) => {
      nodeName = (id) => ctx.name(plan.graph.nodes.get(id) ?? { id });
    })
    .catch(() => undefined)
    .then(reload)
    .catch(report);
  return { ready, teardown: () => host.replaceChildren() };
}
