// Entry point: reads the link's state, mounts the explorer, and exposes the test hooks (window.__cy, the
// Cytoscape instance; window.__app, state and an idle() that resolves when loading and layout are done).
import './styles/app.css';
import './styles/views.css';
import type { Core } from 'cytoscape';
import { initActivePlan } from './api/active-plan.ts';
import { fetchPlans } from './api/graph-api.ts';
import { decodeUrlState, encodeUrlState } from './model/url-state.ts';
import { mountApp } from './ui/app.ts';
import type { AppState } from './ui/context.ts';
import { prepareViewsShell } from './views/shell.ts';

declare global {
  interface Window {
    __cy?: Core;
    __app?: {
      readonly state: AppState;
      idle(): Promise<void>;
      link(): string;
    };
  }
}

const root = document.getElementById('app');
// Which plan to show is settled before anything asks the API for plan data.
if (root) await initActivePlan(fetchPlans);
if (root) {
  // The views' navigation wraps the explorer; the explorer mounts inside it as before.
  const shell = prepareViewsShell(root);
  const app = mountApp(shell.explorer, decodeUrlState(window.location.search));
  shell.start(app);
  Object.defineProperty(window, '__cy', { get: () => app.cy(), configurable: true });
  window.__app = {
    get state() {
      return app.controller.state;
    },
    idle: () => app.controller.idle(),
    link: () => {
      const { view, selected, lang } = app.controller.state;
      return `${window.location.origin}${window.location.pathname}${encodeUrlState({ view, selected, lang })}`;
    },
  };
}
