// The editor's form for a new ledger entry, and what a stale write (409) turns it into: the state saved
// meanwhile beside the user's rejected input, with explicit ways on — apply mine on top of the new version,
// edit mine first, or discard it. The rejected input stays on screen until the user chooses.
import {
  LEDGER_STATUSES,
  type LedgerConflictDetails,
  type LedgerEntry,
  type LedgerEntryInput,
  type LedgerHistoryResponse,
} from '../../../../server/src/domain/ledger-types.ts';
import type { Lang } from '../../types.ts';
import { WriteError } from '../auth/session.ts';
import { h } from '../view-kit.ts';
import { writeEntry } from './ledger-api.ts';
import { type LedgerKey, lt, statusText } from './ledger-i18n.ts';

export interface AgencyOption {
  id: string;
  name: string;
}

export interface EntryFormOptions {
  lang: Lang;
  data: LedgerHistoryResponse;
  agencies: readonly AgencyOption[];
  /** Called after a successful save, with the new version. */
  onSaved(version: number): void;
}

let formCount = 0;

function field(label: string, control: HTMLElement): HTMLLabelElement {
  return h('label', { class: 'ledger-field' }, h('span', {}, label), control);
}

function isConflict(details: unknown): details is LedgerConflictDetails {
  return (
    typeof details === 'object' && details !== null && 'currentVersion' in details && 'rejected' in details
  );
}

/** The form's inputs, filled with nothing yet (`id` prefixes the status select's id). */
function entryControls(lang: Lang, agencies: readonly AgencyOption[], id: string) {
  const status = h('select', { class: 'views-select', name: 'status', id: `${id}-status` });
  for (const value of LEDGER_STATUSES) status.append(h('option', { value }, statusText(lang, value)));
  const agency = h('select', { class: 'views-select', name: 'agencyId' });
  agency.append(h('option', { value: '' }, lt(lang, 'defaultAgency')));
  for (const option of agencies) agency.append(h('option', { value: option.id }, option.name));
  const due = h('input', { class: 'views-input', type: 'date', name: 'dueDate' });
  const progress = h('input', {
    class: 'views-input',
    type: 'number',
    name: 'progress',
    min: 0,
    max: 100,
    step: 1,
  });
  const note = h('textarea', { class: 'views-input', name: 'note', rows: 3, maxlength: 5000 });
  const evidence = h('input', {
    class: 'views-input',
    type: 'url',
    name: 'evidenceUrl',
    placeholder: 'https://…',
  });
  return { status, agency, due, progress, note, evidence };
}

type Translate = (key: LedgerKey, values?: Record<string, string | number>) => string;

/** What a conflict panel needs from its form: strings, names, and the form's two ways on. */
interface ConflictContext {
  t: Translate;
  lang: Lang;
  titleId: string;
  /** The agency's display name; no agency means the task's lead. */
  agencyName(agencyId: string | null | undefined, fallback?: string | null): string;
  /** Sends `payload` (the rejected input on top of the current version). */
  retry(payload: LedgerEntryInput): void;
  /** Puts `entry` in the form, based on `version`, and closes the panel. */
  adopt(entry: Partial<LedgerEntry> | LedgerEntryInput | null, version: number): void;
}

/** The 409 panel: the version saved meanwhile beside the rejected input, with apply mine / edit mine / discard. */
function conflictPanel(details: LedgerConflictDetails, on: ConflictContext): HTMLElement {
  const { t, lang, agencyName } = on;
  const now = details.current;
  const mine = details.rejected;
  const rows: Array<[LedgerKey, string, string]> = [
    ['fieldStatus', now ? statusText(lang, now.status) : '', statusText(lang, mine.status)],
    ['fieldAgency', now ? agencyName(now.agencyId, now.agencyName) : '', agencyName(mine.agencyId)],
    ['fieldDue', now?.dueDate ?? '', mine.dueDate ?? ''],
    ['fieldProgress', now ? `${now.progress}%` : '', `${mine.progress ?? 0}%`],
    ['fieldNote', now?.note ?? '', mine.note ?? ''],
    ['fieldEvidence', now?.evidenceUrl ?? '', mine.evidenceUrl ?? ''],
  ];
  const titleId = on.titleId;
  const heading = now
    ? t('conflictCurrent', {
        n: details.currentVersion,
        author: now.author,
        date: now.createdAt.slice(0, 16).replace('T', ' '),
      })
    : t('conflictNone');
  const table = h(
    'table',
    { class: 'ledger-conflict-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('conflictField')),
        h('th', { scope: 'col', class: 'theirs' }, heading),
        h('th', { scope: 'col', class: 'mine' }, t('conflictMine')),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map(([key, theirs, yours]) =>
        h(
          'tr',
          { class: theirs === yours ? '' : 'differs', 'data-field': key },
          h('th', { scope: 'row' }, t(key)),
          h('td', { class: 'theirs' }, theirs),
          h('td', { class: 'mine' }, yours),
        ),
      ),
    ),
  );
  const panel = h(
    'section',
    {
      class: 'ledger-conflict',
      role: 'alertdialog',
      'aria-labelledby': titleId,
      'data-current-version': details.currentVersion,
    },
    h('h3', { id: titleId }, t('conflictTitle')),
    h('p', {}, t('conflictHint', { base: mine.baseVersion, current: details.currentVersion })),
    table,
  );
  const apply = h(
    'button',
    { type: 'button', class: 'views-button primary', 'data-action': 'apply-mine' },
    t('applyMine'),
  );
  apply.addEventListener('click', () => on.retry({ ...mine, baseVersion: details.currentVersion }));
  const edit = h(
    'button',
    { type: 'button', class: 'views-button', 'data-action': 'edit-mine' },
    t('editMine'),
  );
  edit.addEventListener('click', () => on.adopt(mine, details.currentVersion));
  const discard = h(
    'button',
    { type: 'button', class: 'views-button', 'data-action': 'discard-mine' },
    t('discardMine'),
  );
  discard.addEventListener('click', () => on.adopt(now, details.currentVersion));
  panel.append(h('div', { class: 'ledger-actions' }, apply, edit, discard));
  queueMicrotask(() => apply.focus());
  return panel;
}

/** The new-entry form for `options.data`'s task, turning into a conflict panel on a stale write. */
export function entryForm(options: EntryFormOptions): HTMLElement {
  const { lang, agencies } = options;
  const t: Translate = (key, values) => lt(lang, key, values);
  const id = `ledger-form-${++formCount}`;
  const current = options.data.history[0] ?? null;
  let baseVersion = options.data.version;

  const { status, agency, due, progress, note, evidence } = entryControls(lang, agencies, id);
  const based = h('span', { class: 'ledger-based' });
  const message = h('p', { class: 'ledger-message', role: 'status', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', class: 'views-button primary' }, t('save'));
  const conflictSlot = h('div', { class: 'ledger-conflict-slot' });

  const fill = (entry: Partial<LedgerEntry> | LedgerEntryInput | null) => {
    status.value = entry?.status ?? 'not-started';
    agency.value = entry?.agencyId ?? '';
    due.value = entry?.dueDate ?? '';
    progress.value = String(entry?.progress ?? 0);
    note.value = entry?.note ?? '';
    evidence.value = entry?.evidenceUrl ?? '';
  };
  const setBase = (version: number) => {
    baseVersion = version;
    based.textContent = t('basedOn', { n: version });
  };
  const adopt = (entry: Partial<LedgerEntry> | LedgerEntryInput | null, version: number) => {
    fill(entry);
    setBase(version);
    conflictSlot.replaceChildren();
    status.focus();
  };
  fill(current);
  setBase(baseVersion);

  const input = (): LedgerEntryInput => ({
    baseVersion,
    status: status.value as LedgerEntryInput['status'],
    agencyId: agency.value || null,
    dueDate: due.value || null,
    progress: Number.parseInt(progress.value || '0', 10),
    note: note.value,
    evidenceUrl: evidence.value.trim() || null,
  });

  const submit = async (payload: LedgerEntryInput) => {
    save.disabled = true;
    message.className = 'ledger-message';
    message.textContent = t('saving');
    try {
      const result = await writeEntry(options.data.task.taskId, payload);
      conflictSlot.replaceChildren();
      message.textContent = t('saved', { n: result.version });
      setBase(result.version);
      options.onSaved(result.version);
    } catch (error) {
      if (error instanceof WriteError && error.status === 409 && isConflict(error.details)) {
        message.textContent = '';
        conflictSlot.replaceChildren(
          conflictPanel(error.details, {
            t,
            lang,
            titleId: `${id}-conflict`,
            agencyName,
            retry: (payload) => void submit(payload),
            adopt,
          }),
        );
      } else {
        message.className = 'ledger-message error';
        message.setAttribute('role', 'alert');
        message.textContent = t('saveFailed', {
          message: error instanceof Error ? error.message : String(error),
        });
      }
    } finally {
      save.disabled = false;
    }
  };

  // No agency given means the task's lead (the server fills it in), so both sides name the same body.
  const agencyName = (agencyId: string | null | undefined, fallback: string | null = null) =>
    agencyId
      ? (agencies.find((a) => a.id === agencyId)?.name ?? fallback ?? agencyId)
      : (options.data.task.leadAgencyName ?? t('defaultAgency'));

  const form = h(
    'form',
    { class: 'ledger-form', 'aria-labelledby': `${id}-title`, novalidate: false },
    h('h3', { id: `${id}-title` }, t('newEntry'), ' ', based),
    h(
      'div',
      { class: 'ledger-form-grid' },
      field(t('fieldStatus'), status),
      field(t('fieldAgency'), agency),
      field(t('fieldDue'), due),
      field(t('fieldProgress'), progress),
      field(t('fieldEvidence'), evidence),
    ),
    field(t('fieldNote'), note),
    h('div', { class: 'ledger-actions' }, save),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    void submit(input());
  });
  return h('div', { class: 'ledger-editor' }, conflictSlot, form);
}
