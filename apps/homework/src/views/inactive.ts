import { requestFreshLink } from '../api';
import { busy, card, h, toggleDescribedBy } from './dom';

export const FRESH_LINK_SENT = 'If that address has homework waiting, a new link is on its way.';

/** A quick check before asking the API, so a typo gets a message right away. */
const looksLikeEmail = (value: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/**
 * Any 404 for the link: expired, revoked, unknown, mistyped. All read the same, so the page does
 * not reveal which. The fresh-link form always gives the same answer for the same reason.
 */
export const inactiveView = (): HTMLElement => {
  const input = h('input', {
    id: 'fresh-email',
    name: 'email',
    type: 'email',
    autocomplete: 'email',
    inputmode: 'email',
    autocapitalize: 'off',
    spellcheck: 'false',
    'aria-describedby': 'fresh-email-hint',
  });
  const fieldError = h('p', { id: 'fresh-email-error', class: 'field-error', hidden: '' });
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Email me a fresh link');
  const setFieldError = (message: string | null) => {
    fieldError.textContent = message ?? '';
    fieldError.hidden = message === null;
    toggleDescribedBy(input, fieldError.id, message !== null);
    if (message === null) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
  };

  const form = h(
    'form',
    { novalidate: '', 'aria-labelledby': 'fresh-title' },
    h('h2', { id: 'fresh-title' }, 'Email me a fresh link'),
    h('label', { for: input.id }, 'Your email address'),
    h('p', { id: 'fresh-email-hint', class: 'hint' }, 'The address your therapist has for you.'),
    fieldError,
    input,
    h('div', { class: 'actions' }, button),
    formError,
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const email = input.value.trim();
    formError.textContent = '';
    if (!looksLikeEmail(email)) {
      setFieldError(email === '' ? 'Enter your email address.' : 'Enter an email address like name@example.com.');
      input.focus();
      return;
    }
    setFieldError(null);
    const done = busy(button, 'Sending…');
    if (!done) return;
    const result = await requestFreshLink(email);
    done();
    if (result.ok) {
      const confirmation = h('p', { class: 'confirmation', role: 'status', tabindex: '-1' }, FRESH_LINK_SENT);
      form.replaceWith(confirmation);
      confirmation.focus();
      return;
    }
    const emailError = result.fieldErrors.email;
    if (result.status === 400 && emailError) {
      setFieldError(emailError);
      input.focus();
    } else {
      formError.textContent = result.message;
    }
  });

  return card(
    'This link is no longer active',
    h('p', {}, 'This link is no longer active — ask your therapist for a new one.'),
    h('p', {}, 'Or, if you have homework waiting, we can email you a fresh link.'),
    form,
  );
};
