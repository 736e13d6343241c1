import { reportNotSafe } from '../api';
import type { HomeworkView } from '../homework-data';
import { h } from './dom';

const TOLD =
  'Thank you for telling us. Your counselor has been told and will be in touch; your partner has not been told, and their page has not changed. You do not need to finish this exercise. If you are in danger right now, call your local emergency number.';

/**
 * On every homework page: a partner can say, at any time, that this exercise does not feel safe.
 * One tap tells the counselor only (it pauses sharing and joint homework for the couple); the
 * other partner sees no difference anywhere.
 */
export const notSafePanel = (view: HomeworkView): HTMLElement => {
  const message = h('p', { role: 'status', 'aria-live': 'polite', class: 'not-safe__told' });
  const told = (): void => {
    message.textContent = TOLD;
    button.remove();
    hint.remove();
  };
  const error = h('p', { class: 'form-error', role: 'alert' });
  const hint = h(
    'p',
    { class: 'hint' },
    'Only your counselor is told. Your partner is not, and nothing on their page changes.',
  );
  const button = h(
    'button',
    { type: 'button', class: 'secondary not-safe__button' },
    'I don’t feel safe doing this exercise',
  );
  button.addEventListener('click', async () => {
    button.setAttribute('disabled', '');
    error.textContent = '';
    const result = await reportNotSafe();
    if (result.ok) told();
    else {
      button.removeAttribute('disabled');
      error.textContent = 'That did not go through. Please try again, or tell your counselor another way.';
    }
  });
  const panel = h(
    'section',
    { class: 'not-safe', 'aria-labelledby': 'not-safe-title' },
    h('h2', { id: 'not-safe-title' }, 'Not feeling safe?'),
    hint,
    button,
    message,
    error,
  );
  if (view.notSafeReportedAt) told();
  return panel;
};
