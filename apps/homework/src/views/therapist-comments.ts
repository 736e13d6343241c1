import type { HomeworkView } from '../homework-data';
import { dayAndTime, h, paragraphs } from './dom';

/**
 * What the therapist wrote to the couple after reading the homework, oldest first, each with who
 * wrote it and when. Nothing at all until there is a comment.
 */
export const therapistComments = (view: HomeworkView): HTMLElement | null => {
  if (view.therapistComments.length === 0) return null;
  const heading = view.therapistComments.length === 1 ? 'A reply from your counselor' : 'Replies from your counselor';
  return h(
    'section',
    { class: 'note therapist-comments', 'aria-labelledby': 'therapist-comments-title' },
    h('h2', { id: 'therapist-comments-title' }, heading),
    h(
      'ol',
      { class: 'comment-list' },
      ...view.therapistComments.map((comment) =>
        h(
          'li',
          {},
          h('p', { class: 'meta' }, `${comment.authorName}, ${dayAndTime(comment.createdAt)}`),
          ...paragraphs(comment.body),
        ),
      ),
    ),
  );
};
