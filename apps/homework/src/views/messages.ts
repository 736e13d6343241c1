import { busy, card, h } from './dom';

export const noLinkView = (): HTMLElement =>
  card('Your homework', h('p', {}, 'Open the link from your therapist’s email to see your homework.'));

const retryButton = (label: string, retry: () => void): HTMLButtonElement => {
  const button = h('button', { type: 'button' }, label);
  button.addEventListener('click', () => {
    if (busy(button, 'Trying again…')) retry();
  });
  return button;
};

/**
 * No answer from Trellis, or a refusal to wait out (429, 5xx). The message says which; the
 * button tries the same step again.
 */
export const problemView = (message: string, retry: () => void): HTMLElement =>
  card('Your homework', h('p', {}, message), retryButton('Try again', retry));

/** 401: the homework session ended (it expires after a while, or cookies were cleared). */
export const sessionEndedView = (restart: () => void): HTMLElement =>
  card(
    'Please open your link again',
    h('p', {}, 'For your privacy, this page closes your session after a while.'),
    h(
      'p',
      {},
      'Anything you wrote is kept on this device. Open the link from your email again to carry on where you left off.',
    ),
    retryButton('Open it again', restart),
  );

/**
 * Someone opened another homework link in this browser (partners sharing a phone): the session
 * now belongs to them, so this page stops saving rather than write into their answers.
 */
export const switchedView = (): HTMLElement => {
  const reload = h('button', { type: 'button' }, 'Reload this page');
  reload.addEventListener('click', () => location.reload());
  return card(
    'Another homework link was opened',
    h(
      'p',
      {},
      'This browser has since opened someone else’s homework link, so this page has stopped saving to keep your answers apart.',
    ),
    h('p', {}, 'Your answers are kept on this device. Reload this page to carry on.'),
    reload,
  );
};
