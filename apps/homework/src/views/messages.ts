import { card, h } from './dom';

export const noLinkView = (): HTMLElement =>
  card('Your homework', h('p', {}, 'Open the link from your therapist’s email to see your homework.'));

export const inactiveView = (): HTMLElement =>
  card('Your homework', h('p', {}, 'This link is no longer active — ask your therapist for a new one.'));

export const unreachableView = (retry: () => void): HTMLElement => {
  const button = h('button', { type: 'button' }, 'Try again');
  button.addEventListener(
    'click',
    () => {
      button.disabled = true;
      button.textContent = 'Trying again…';
      retry();
    },
    { once: true },
  );
  return card(
    'Your homework',
    h('p', {}, 'We couldn’t reach Trellis just now. Check your internet connection and try again.'),
    button,
  );
};
