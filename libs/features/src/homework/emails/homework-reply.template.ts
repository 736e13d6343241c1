import { renderLayout, type RenderedEmail } from '@trellis/mail';

export interface HomeworkReplyEmailModel {
  clinicName: string;
  partnerFirstName: string;
  therapistName: string;
  homeworkUrl: string;
}

/**
 * "A reply is waiting": never the reply itself, nor the exercise, since an inbox may be read by
 * someone else. The words are on the homework page, behind the personal link.
 */
export function renderHomeworkReply(model: HomeworkReplyEmailModel): RenderedEmail {
  const { html, text } = renderLayout({
    clinicName: model.clinicName,
    heading: 'A reply is waiting for you',
    paragraphs: [
      `Hi ${model.partnerFirstName},`,
      `${model.therapistName} has left a reply on your homework. You can read it on your homework page.`,
      'Here is your personal link; earlier links for this homework no longer work.',
    ],
    action: { label: 'Read the reply', url: model.homeworkUrl },
    footer: 'This link is personal to you: please do not forward it.',
  });
  return { subject: `A reply from ${model.clinicName}`, html, text };
}
