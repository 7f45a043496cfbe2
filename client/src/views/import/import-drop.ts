// The import page's input side: a drop zone with a file chooser (a real button, so keyboard users reach it with
// Tab and open it with Enter or Space), and the progress bar that follows the upload, then the parsing.
import type { ViewsContext } from '../context.ts';
import { button, h } from '../view-kit.ts';
import type { UploadProgress } from './import-upload.ts';

const ACCEPT = '.md,.markdown,.txt,.html,.htm,.docx';

export interface DropZone {
  element: HTMLElement;
  /** The chooser button, where focus goes back after "choose another file". */
  choose: HTMLButtonElement;
  setBusy(busy: boolean): void;
}

/** Calls `onFile` with a dropped or chosen file; one file at a time. */
export function dropZone(ctx: ViewsContext, onFile: (file: File) => void): DropZone {
  const input = h('input', { type: 'file', accept: ACCEPT, class: 'import-file', tabindex: -1 });
  const choose = button(ctx.t('importChoose'), () => input.click(), { class: 'views-button primary' });
  const element = h(
    'div',
    { class: 'import-drop', 'data-state': 'idle' },
    h('span', { class: 'import-drop-text' }, ctx.t('importDrop')),
    h('span', { class: 'import-drop-or' }, ctx.t('importOr')),
    choose,
    h('span', { class: 'views-hint import-accepted' }, ctx.t('importAccepted')),
    input,
  );
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) onFile(file);
  });
  element.addEventListener('dragover', (event) => {
    event.preventDefault();
    element.classList.add('dragging');
  });
  element.addEventListener('dragleave', () => element.classList.remove('dragging'));
  element.addEventListener('drop', (event) => {
    event.preventDefault();
    element.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file) onFile(file);
  });
  return {
    element,
    choose,
    setBusy(busy) {
      choose.disabled = busy;
      element.dataset.state = busy ? 'busy' : 'idle';
    },
  };
}

export interface ProgressIndicator {
  element: HTMLElement;
  /** A fraction while uploading; indeterminate while the server parses (or, for `commit`, writes). */
  show(fileName: string, step: UploadProgress | 'commit'): void;
  hide(): void;
}

export function progressIndicator(ctx: ViewsContext): ProgressIndicator {
  const bar = h('progress', { class: 'import-progress', max: 1, 'aria-label': ctx.t('importProgressLabel') });
  const text = h('span', { class: 'import-progress-text', role: 'status', 'aria-live': 'polite' });
  const element = h('div', { class: 'import-progress-row', hidden: true }, bar, text);
  return {
    element,
    show(name, step) {
      element.hidden = false;
      if (step === 'commit' || step.phase === 'parsing') {
        bar.removeAttribute('value');
        text.textContent = step === 'commit' ? ctx.t('importCommitting') : ctx.t('importParsing', { name });
      } else {
        bar.value = step.fraction;
        text.textContent = ctx.t('importUploading', { name, percent: Math.round(step.fraction * 100) });
      }
    },
    hide() {
      element.hidden = true;
    },
  };
}
