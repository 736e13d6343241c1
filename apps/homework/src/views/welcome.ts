import type { HomeworkLink } from '../api';
import { card, h } from './dom';

export const welcomeView = ({ partnerFirstName, clinicName }: HomeworkLink): HTMLElement =>
  card(
    `Hi ${partnerFirstName}`,
    h('p', {}, `Your homework from ${clinicName} will appear here.`),
    h(
      'p',
      { class: 'aside' },
      h('strong', {}, 'Not you?'),
      ` This link is meant for ${partnerFirstName} only. Please close this page and let your therapist know.`,
    ),
  );
