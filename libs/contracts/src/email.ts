export const EMAIL_TEMPLATES = [
  'staff-invitation',
  'password-reset',
  'smtp-check',
  'homework-assigned',
  'homework-link',
  'homework-reminder',
  'homework-reply',
  'weekly-digest',
  'pre-session-digest',
  'check-in',
  'safety-alert',
  'session-invitation',
  'session-reminder',
  'agreement-review',
  'agreement-confirmation',
] as const;
export type EmailTemplateName = (typeof EMAIL_TEMPLATES)[number];

export const EMAIL_DELIVERY_STATUSES = ['pending', 'sent', 'skipped', 'failed'] as const;
export type EmailDeliveryStatus = (typeof EMAIL_DELIVERY_STATUSES)[number];
