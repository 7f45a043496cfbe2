// The navigation's account control: "Log in" opens a modal dialog (a native <dialog>: focus is trapped and
// Escape closes it); once logged in it shows who and which role, with "Log out".
import type { Lang } from '../../types.ts';
import { lt } from '../ledger/ledger-i18n.ts';
import { h } from '../view-kit.ts';
import { session } from './session.ts';

export interface LoginControl {
  element: HTMLElement;
  render(lang: Lang): void;
  teardown(): void;
}

export function mountLoginControl(): LoginControl {
  let lang: Lang = 'zh';
  const element = h('div', { class: 'auth-control' });
  const username = h('input', {
    class: 'views-input',
    name: 'username',
    autocomplete: 'username',
    required: true,
  });
  const password = h('input', {
    class: 'views-input',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const error = h('p', { class: 'auth-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'views-button primary' });
  const cancel = h('button', { type: 'button', class: 'views-button' });
  const title = h('h2', { id: 'auth-dialog-title' });
  const userLabel = h('span', {});
  const passLabel = h('span', {});
  const form = h(
    'form',
    { class: 'auth-form' },
    title,
    h('label', { class: 'ledger-field' }, userLabel, username),
    h('label', { class: 'ledger-field' }, passLabel, password),
    error,
    h('div', { class: 'ledger-actions' }, submit, cancel),
  );
  const dialog = h('dialog', { class: 'auth-dialog', 'aria-labelledby': 'auth-dialog-title' }, form);
  document.body.append(dialog);

  cancel.addEventListener('click', () => dialog.close());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    session
      .login(username.value.trim(), password.value)
      .then(() => {
        password.value = '';
        dialog.close();
      })
      .catch((failure: unknown) => {
        error.textContent = lt(lang, 'loginFailed', {
          message: failure instanceof Error ? failure.message : String(failure),
        });
      })
      .finally(() => {
        submit.disabled = false;
      });
  });

  const render = () => {
    title.textContent = lt(lang, 'loginTitle');
    userLabel.textContent = lt(lang, 'username');
    passLabel.textContent = lt(lang, 'password');
    submit.textContent = lt(lang, 'login');
    cancel.textContent = lt(lang, 'cancel');
    const user = session.user();
    if (!user) {
      const open = h(
        'button',
        { type: 'button', class: 'views-lang auth-login', 'data-action': 'login' },
        lt(lang, 'login'),
      );
      open.addEventListener('click', () => {
        error.textContent = '';
        dialog.showModal();
        username.focus();
      });
      element.replaceChildren(open);
      return;
    }
    const out = h(
      'button',
      { type: 'button', class: 'views-lang auth-logout', 'data-action': 'logout' },
      lt(lang, 'logout'),
    );
    out.addEventListener('click', () => void session.logout().catch(() => undefined));
    element.replaceChildren(
      h(
        'span',
        { class: 'auth-user', 'data-user': user.username, 'data-role': user.role },
        lt(lang, 'signedInAs', { user: user.username, role: lt(lang, `role_${user.role}`) }),
      ),
      out,
    );
  };
  const off = session.subscribe(render);
  return {
    element,
    render(next) {
      lang = next;
      render();
    },
    teardown() {
      off();
      dialog.remove();
    },
  };
}
