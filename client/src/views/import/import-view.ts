// The import page (issue 17): drop or choose a document, watch it upload and parse, read the preview (and the
// diff when the plan exists), then commit and open the plan. Editors preview; admins commit and replace.
import './import.css';
import type { ImportCommitResult, ImportPreview } from '../../../../server/src/domain/import-types.ts';
import { PLAN_KEY } from '../../api/active-plan.ts';
import { session } from '../auth/session.ts';
import type { MountedView, ViewsContext } from '../context.ts';
import { button, h } from '../view-kit.ts';
import { dropZone, progressIndicator } from './import-drop.ts';
import { diffPanel, previewPanels, sizeText } from './import-preview.ts';
import { ImportFailure, sendDocument } from './import-upload.ts';

/** The user's words for a failure: by code, and for an unreadable file by the reader's reason. */
export function failureText(ctx: ViewsContext, error: unknown): string {
  if (!(error instanceof ImportFailure)) return ctx.t('importErrOther');
  const unreadable = error.unreadable;
  if (unreadable) {
    switch (unreadable.reason) {
      case 'empty':
        return ctx.t('importErrEmpty');
      case 'binary':
        return unreadable.looksLike
          ? ctx.t('importErrBinary', { kind: unreadable.looksLike })
          : ctx.t('importErrBinaryUnknown');
      case 'not-word':
        return ctx.t('importErrNotWord');
      case 'undecodable':
        return ctx.t('importErrUndecodable');
      case 'invalid':
        return ctx.t('importErrInvalid');
    }
  }
  switch (error.code) {
    case 'PAYLOAD_TOO_LARGE': {
      const size = (error.details as { sizeBytes?: unknown } | null)?.sizeBytes;
      return ctx.t('importErrTooLarge', { size: typeof size === 'number' ? sizeText(size) : '> 5 MB' });
    }
    case 'UNAUTHORIZED':
      return ctx.t('importErrLogin');
    case 'FORBIDDEN':
      return ctx.t('importErrForbidden');
    case 'CONFLICT':
      return ctx.t('importErrConflict');
    case 'NETWORK':
      return ctx.t('importErrNetwork');
    default:
      return ctx.t('importErrOther');
  }
}

function errorBox(ctx: ViewsContext, error: unknown): HTMLElement {
  const serverWords =
    error instanceof ImportFailure && error.code !== 'NETWORK' && error.message !== 'too large'
      ? h('details', {}, h('summary', {}, ctx.t('importErrDetails')), h('p', {}, error.message))
      : null;
  return h(
    'div',
    { class: 'views-error import-error', role: 'alert' },
    h('p', {}, failureText(ctx, error)),
    serverWords,
  );
}

/** The commit's outcome with the link that opens the plan (a new page load, so the plan picker lists it). */
function committed(ctx: ViewsContext, done: ImportCommitResult): HTMLElement {
  const values = { title: done.title, nodes: done.counts.nodes, links: done.counts.links, ms: done.writeMs };
  const href = `${window.location.pathname}?${new URLSearchParams({ [PLAN_KEY]: done.planId })}`;
  return h(
    'div',
    { class: 'import-done', role: 'status' },
    h('p', { class: 'import-done-text' }, ctx.t(done.replaced ? 'importReplaced' : 'importDone', values)),
    h('a', { class: 'views-button primary import-open-plan', href }, ctx.t('importOpenPlan')),
  );
}

/** Commit (admins), with a confirm checkbox first when the plan exists; editors read why they cannot. */
function actions(ctx: ViewsContext, preview: ImportPreview, onCommit: () => void, onAgain: () => void) {
  const again = button(ctx.t('importCancel'), onAgain);
  if (!session.can('admin'))
    return h(
      'div',
      { class: 'import-actions' },
      h('p', { class: 'views-hint' }, ctx.t('importAdminOnly')),
      again,
    );
  const go = button(ctx.t(preview.existing ? 'importReplace' : 'importCommit'), onCommit, {
    class: 'views-button primary import-commit',
  });
  if (!preview.existing) return h('div', { class: 'import-actions' }, go, again);
  const confirm = h('input', { type: 'checkbox', class: 'import-confirm' });
  go.disabled = true;
  confirm.addEventListener('change', () => {
    go.disabled = !confirm.checked;
  });
  return h(
    'div',
    { class: 'import-actions' },
    h('label', { class: 'import-confirm-label' }, confirm, ctx.t('importConfirmReplace')),
    go,
    again,
  );
}

/** Mounts the page; the teardown aborts a request in flight. */
export function mountImport(host: HTMLElement, ctx: ViewsContext): MountedView {
  const aborter = new AbortController();
  const result = h('div', { class: 'import-result' });
  const gate = h('p', { class: 'views-hint import-gate', role: 'note' }, ctx.t('importNeedsLogin'));
  const progress = progressIndicator(ctx);
  let busy = false;

  /** Runs one request with the page busy; failures are shown, an abort (teardown) is not. */
  const run = async (work: () => Promise<void>) => {
    busy = true;
    zone.setBusy(true);
    try {
      await work();
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError'))
        result.replaceChildren(errorBox(ctx, error));
    } finally {
      busy = false;
      zone.setBusy(false);
      progress.hide();
    }
  };

  const commit = (file: File, preview: ImportPreview) =>
    run(async () => {
      progress.show(file.name, 'commit');
      const done = await sendDocument({
        file,
        dryRun: false,
        replace: preview.existing !== null,
        signal: aborter.signal,
        onProgress: (step) => progress.show(file.name, step.phase === 'parsing' ? 'commit' : step),
      });
      result.replaceChildren(committed(ctx, done));
    });

  const previewFile = (file: File) => {
    if (busy) return;
    result.replaceChildren();
    void run(async () => {
      progress.show(file.name, { phase: 'upload', fraction: 0 });
      const preview = await sendDocument({
        file,
        dryRun: true,
        signal: aborter.signal,
        onProgress: (step) => progress.show(file.name, step),
      });
      const again = () => {
        result.replaceChildren();
        zone.choose.focus();
      };
      result.replaceChildren(
        actions(ctx, preview, () => void commit(file, preview), again),
        preview.existing ? diffPanel(ctx, preview.existing, preview.planId) : '',
        previewPanels(ctx, preview),
      );
      result.querySelector<HTMLElement>('.import-commit:not(:disabled), .import-confirm')?.focus();
    });
  };
  const zone = dropZone(ctx, previewFile);

  const renderGate = () => {
    const allowed = session.can('editor');
    gate.hidden = allowed;
    zone.element.hidden = !allowed;
  };
  const ready = session.ready.then(renderGate);
  renderGate();
  const offSession = session.subscribe(renderGate);

  host.replaceChildren(
    h(
      'div',
      { class: 'views-page import-page' },
      h(
        'header',
        { class: 'views-header' },
        h('h1', {}, ctx.t('importTitle')),
        h('p', { class: 'views-hint' }, ctx.t('importHint')),
      ),
      gate,
      zone.element,
      progress.element,
      result,
    ),
  );
  return {
    ready,
    teardown() {
      offSession();
      aborter.abort();
    },
  };
}
