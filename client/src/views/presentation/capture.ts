// A scene from the explorer as it is now: its link (view, filters, layout, selection, language) and the
// positions of the nodes it draws (compound parents follow their children, so they are left out).
import type { SceneState } from '../../../../server/src/domain/types.ts';
import { encodeUrlState } from '../../model/url-state.ts';
import type { MountedApp } from '../../ui/app.ts';

export function captureScene(app: MountedApp): SceneState {
  const { view, selected, lang } = app.controller.state;
  const positions: SceneState['positions'] = {};
  app
    .cy()
    .nodes()
    .forEach((node) => {
      if (node.isParent()) return;
      const { x, y } = node.position();
      positions[node.id()] = { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
    });
  return { link: encodeUrlState({ view, selected, lang }), positions };
}
