import { type AnswerMap, audienceOf, type Prompt } from '@trellis/domain';
import { describeAnswer } from '../answers';
import type { HomeworkView } from '../homework-data';
import { card, dayAndTime, h } from './dom';
import { notSafePanel } from './not-safe';
import { pathSummary } from './path';
import { therapistComments } from './therapist-comments';

const answerList = (
  view: HomeworkView,
  answers: AnswerMap,
  headingId: string,
  heading: string,
  prompts: readonly Prompt[] = view.prompts,
): HTMLElement => {
  const list = h('dl', { class: 'answer-list' });
  for (const prompt of prompts) {
    const described = describeAnswer(prompt, answers[prompt.id]);
    const value =
      described === null
        ? h('dd', { class: 'muted' }, 'No answer')
        : Array.isArray(described)
          ? h('dd', {}, h('ul', {}, ...described.map((item) => h('li', {}, item))))
          : h('dd', { class: 'prose' }, described);
    list.append(h('dt', {}, prompt.label), value);
  }
  return h('section', { class: 'answers', 'aria-labelledby': headingId }, h('h2', { id: headingId }, heading), list);
};

/**
 * Submitted homework, read-only: right after submitting ("Thank you…") or when the link is opened
 * again later. The other partner's answers appear only when the API sends them (both submitted and
 * the therapist allowed sharing).
 */
export const readOnlyView = (view: HomeworkView, { justSubmitted }: { justSubmitted: boolean }): HTMLElement => {
  const sentOn = view.submittedAt ? dayAndTime(view.submittedAt) : '';
  const shared = view.partnerAnswers !== null;
  const partner = view.partnerName ?? 'Your partner';
  const section = card(
    justSubmitted ? `Thank you — your answers were sent to ${view.therapistName}` : view.title,
    justSubmitted
      ? h(
          'p',
          {},
          `You’ve finished “${view.title}”. Your answers can’t be changed now; here they are for you to look back on.`,
        )
      : h(
          'p',
          {},
          sentOn
            ? `You sent your answers to ${view.therapistName} on ${sentOn}. They can’t be changed now.`
            : `You sent your answers to ${view.therapistName}. They can’t be changed now.`,
        ),
    therapistComments(view),
    pathSummary(view),
    h(
      'div',
      { class: shared ? 'answers-pair' : '' },
      answerList(view, view.answers, 'your-answers', 'Your answers'),
      shared && view.partnerAnswers
        ? answerList(
            view,
            view.partnerAnswers,
            'partner-answers',
            `${partner}’s answers`,
            // Counselor-only questions are not listed at all: "No answer" there would say too much.
            view.prompts.filter((prompt) => audienceOf(prompt) === 'shared'),
          )
        : null,
    ),
    notSafePanel(view),
    h('p', { class: 'aside' }, 'You can close this page now.'),
  );
  if (shared) section.classList.add('card--wide');
  return section;
};
