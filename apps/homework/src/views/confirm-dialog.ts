import { h } from './dom';

export const CONFIRM_TEXT = 'Once you submit, you can’t change your answers. Submit now?';

/**
 * Asks before the one step that cannot be undone. A modal `<dialog>`: the rest of the page is
 * inert while it is open, Tab stays on its two buttons, Escape means "not yet", and focus goes back
 * to `returnFocus` when it closes. Focus starts on "Not yet", the safe choice.
 */
export const confirmSubmit = (returnFocus: HTMLElement): Promise<boolean> => {
  const keep = h('button', { type: 'button', class: 'secondary', value: 'keep' }, 'Not yet — keep editing');
  const send = h('button', { type: 'button', class: 'primary', value: 'submit' }, 'Submit now');
  const dialog = h(
    'dialog',
    { class: 'dialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' },
    h('h2', { id: 'confirm-title' }, 'Submit your answers?'),
    h('p', { id: 'confirm-text' }, CONFIRM_TEXT),
    h('div', { class: 'actions' }, send, keep),
  );
  if (typeof dialog.showModal !== 'function') return Promise.resolve(window.confirm(CONFIRM_TEXT));

  return new Promise((resolve) => {
    let answer = false;
    const close = (value: boolean) => {
      answer = value;
      dialog.close();
    };
    keep.addEventListener('click', () => close(false));
    send.addEventListener('click', () => close(true));
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab') return;
      // Keep Tab on the two buttons (browsers would also let it reach their own toolbar).
      const [first, last] = [send, keep];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    });
    // Escape fires "cancel" and then "close": the answer stays "no".
    dialog.addEventListener('close', () => {
      dialog.remove();
      returnFocus.focus();
      resolve(answer);
    });
    document.body.append(dialog);
    dialog.showModal();
    keep.focus();
  });
};
