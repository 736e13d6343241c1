import { renderLayout } from '../layout';
import { RenderedEmail } from '../rendered-email';

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
    footer: 'This link is personal to you: please do not forward it. If it stops working, open it anyway and ask for a fresh one.',
  });
  return {
    subject: model.isFreshLink ? `Your new link: ${model.exerciseTitle}` : `Homework from ${model.clinicName}: ${model.exerciseTitle}`,
    html,
    text,
  };
}
