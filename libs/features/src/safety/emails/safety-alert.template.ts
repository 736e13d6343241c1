import { renderLayout, type RenderedEmail } from '@trellis/mail';

export interface SafetyAlertModel {
  clinicName: string;
  dashboardUrl: string;
}

/**
 * The therapist's alert: it says only that something needs attention. Which couple, which partner
 * and why stay behind the sign-in, in the dashboard (an inbox is not a clinical record).
 */
export function renderSafetyAlert(model: SafetyAlertModel): RenderedEmail {
  const { html, text } = renderLayout({
    clinicName: model.clinicName,
    heading: 'Something needs your attention',
    paragraphs: ['Something in Trellis needs your attention. Please sign in to see it.'],
    action: { label: 'Sign in to Trellis', url: model.dashboardUrl },
  });
  return { subject: 'Something needs your attention', html, text };
}
