import type { HomeworkView } from '../homework-data';
import { h } from './dom';

/**
 * Where this homework sits on the couple's path, and what comes after it: titles only, the same
 * for both partners. Nothing at all for homework (or a check-in) that is not a step of a program.
 */
export const pathSummary = (view: Pick<HomeworkView, 'path'>): HTMLElement | null => {
  if (!view.path) return null;
  const { step, total, nextTitle } = view.path;
  return h(
    'section',
    { class: 'path', 'aria-labelledby': 'path-title' },
    h('h2', { id: 'path-title' }, 'Your path'),
    h('p', {}, `Step ${step} of ${total}.`),
    nextTitle
      ? h('p', { class: 'meta' }, `Coming next: “${nextTitle}”.`)
      : h('p', { class: 'meta' }, 'This is the last step of your path.'),
  );
};
