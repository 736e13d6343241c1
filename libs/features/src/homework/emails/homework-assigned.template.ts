import { renderLayout } from '@trellis/mail';
import { RenderedEmail } from '@trellis/mail';

export interface HomeworkEmailModel {
  clinicName: string;
  partnerFirstName: string;
  therapistName: string;
  exerciseTitle: string;
  dueLabel: string;
  message: string;
  homeworkUrl: string;
  /** A fresh link for homework already assigned (asked for by the partner or the therapist). */
  isFreshLink: boolean;
}

export function renderHomeworkEmail(model: HomeworkEmailModel): RenderedEmail {
  const intro = model.isFreshLink
    ? `Here is a new personal link for "${model.exerciseTitle}". Any earlier link for it no longer works.`
    : `${model.therapistName} has shared an exercise for you to do before your next session: "${model.exerciseTitle}".`;
  const { html, text } = renderLayout({
    clinicName: model.clinicName,
    heading: model.isFreshLink ? 'Your new homework link' : 'New homework from your therapist',
    paragraphs: [
      `Hi ${model.partnerFirstName},`,
      intro,
      ...(model.message.trim() ? [`${model.therapistName} wrote: "${model.message.trim()}"`] : []),
      `Please finish it by ${model.dueLabel}. Your answers are saved as you go, and your partner answers separately.`,
    ],
    action: { label: 'Open your homework', url: model.homeworkUrl },
    footer:
      'This link is personal to you: please do not forward it. If it stops working, open it anyway and ask for a fresh one.',
  });
  return {
    subject: model.isFreshLink
      ? `Your new link: ${model.exerciseTitle}`
      : `Homework from ${model.clinicName}: ${model.exerciseTitle}`,
    html,
    text,
  };
}

export interface HomeworkReminderModel extends Omit<HomeworkEmailModel, 'isFreshLink' | 'message'> {
  overdue: boolean;
  /** The partner had a link before, which this one replaces (else it would claim a change that did not happen). */
  replacesEarlierLink: boolean;
  /**
   * The partner missed several homeworks in a row (the clinic's gentleReminderAfterMisses): a
   * shorter note with no due date or "still waiting", since pressure tends to push a drifting
   * partner further away.
   */
  gentle?: boolean;
}

export function renderHomeworkReminder(model: HomeworkReminderModel): RenderedEmail {
  if (model.gentle) return renderGentleReminder(model);
  const { html, text } = renderLayout({
    clinicName: model.clinicName,
    heading: model.overdue ? 'Your homework is still waiting' : 'A gentle reminder about your homework',
    paragraphs: [
      `Hi ${model.partnerFirstName},`,
      model.overdue
        ? `"${model.exerciseTitle}" was due ${model.dueLabel}. It is not too late: ${model.therapistName} would still like to hear from you.`
        : `"${model.exerciseTitle}" is due ${model.dueLabel}. Anything you already wrote is saved.`,
      model.replacesEarlierLink
        ? 'Here is your personal link; earlier links for this exercise no longer work.'
        : 'Here is your personal link.',
    ],
    action: { label: 'Open your homework', url: model.homeworkUrl },
    footer: 'This link is personal to you: please do not forward it.',
  });
  return {
    subject: model.overdue
      ? `Still waiting: ${model.exerciseTitle}`
      : `Reminder: ${model.exerciseTitle} is due ${model.dueLabel}`,
    html,
    text,
  };
}

function renderGentleReminder(model: HomeworkReminderModel): RenderedEmail {
  const { html, text } = renderLayout({
    clinicName: model.clinicName,
    heading: 'Whenever you are ready',
    paragraphs: [
      `Hi ${model.partnerFirstName},`,
      `"${model.exerciseTitle}" is here when you have a few minutes. A short answer is fine.`,
    ],
    action: { label: 'Open your homework', url: model.homeworkUrl },
    footer: 'This link is personal to you: please do not forward it.',
  });
  return { subject: `When you have a moment: ${model.exerciseTitle}`, html, text };
}
