import type { HomeworkLink } from '../homework-data';
import { busy, card, h } from './dom';

export interface GreetingActions {
  /** Starts the homework session; resolves to an error message to show, or null once it moved on. */
  start: () => Promise<string | null>;
  /** "Not you?" */
  notMe: () => void;
}

/**
 * The first thing a partner sees. Nothing here changes anything on the server: an email scanner
 * that opens the link sees a name and two buttons. The session starts only on the partner's tap.
 */
export const greetingView = ({ partnerFirstName, clinicName }: HomeworkLink, actions: GreetingActions): HTMLElement => {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const start = h('button', { type: 'button', class: 'primary' }, 'Yes, that’s me — start');
  start.addEventListener('click', async () => {
    const done = busy(start, 'Opening your homework…');
    if (!done) return;
    error.textContent = '';
    const message = await actions.start();
    done();
    if (message !== null) error.textContent = message;
  });
  const notMe = h('button', { type: 'button', class: 'secondary' }, 'Not you?');
  notMe.addEventListener('click', actions.notMe);
  return card(
    `Hi ${partnerFirstName}`,
    h('p', {}, `${clinicName} has shared some homework with you.`),
    h(
      'p',
      {},
      'It usually takes a few quiet minutes. Your answers are saved as you go, so you can stop and come back to this link at any time before you submit.',
    ),
    h('p', {}, `Are you ${partnerFirstName}?`),
    h('div', { class: 'actions' }, start, notMe),
    error,
  );
};

/** "Not you?": whose link this is and what to do instead. Nothing of the homework. */
export const notYouView = (partnerFirstName: string, back: () => void): HTMLElement => {
  const backButton = h('button', { type: 'button', class: 'secondary' }, `Go back — I am ${partnerFirstName}`);
  backButton.addEventListener('click', back);
  return card(
    'This link isn’t for you',
    h('p', {}, `This link belongs to ${partnerFirstName}, and the homework behind it is theirs.`),
    h(
      'p',
      {},
      'If you have homework of your own, open the email that was sent to you, or ask your therapist for your own link.',
    ),
    h('div', { class: 'actions' }, backButton),
  );
};
