import { NEUTRAL_PARTNER_EMAIL, neutralPartnerEmailBody, partnerEmailEnvelope } from './neutral-partner-email';

// Words that would tell whoever glances at the inbox what the email is about.
const REVEALING = /therap|counsel|homework|exercise|session|clinic|couple|trellis/i;

describe('partnerEmailEnvelope', () => {
  it('keeps the template subject and the default sender when neutral emails are off', () => {
    expect(partnerEmailEnvelope('Homework from Harbour Counselling: Repair', false)).toEqual({
      subject: 'Homework from Harbour Counselling: Repair',
    });
  });

  it('replaces the subject and names a neutral sender when on', () => {
    expect(partnerEmailEnvelope('Homework from Harbour Counselling: Repair', true)).toEqual({
      subject: NEUTRAL_PARTNER_EMAIL.subject,
      fromName: NEUTRAL_PARTNER_EMAIL.senderName,
    });
  });

  it('uses neutral words that reveal nothing', () => {
    expect(NEUTRAL_PARTNER_EMAIL.subject).not.toMatch(REVEALING);
    expect(NEUTRAL_PARTNER_EMAIL.senderName).not.toMatch(REVEALING);
  });
});

describe('neutralPartnerEmailBody', () => {
  const REVEALING_BODY = /therap|counsel|homework|exercise|session|clinic|couple|trellis/i;

  it('says nothing about therapy, the exercise or the clinic', () => {
    const body = neutralPartnerEmailBody('Alex', 'Friday 12 December');
    expect(JSON.stringify(body)).not.toMatch(REVEALING_BODY);
    expect(body.paragraphs).toEqual([
      'Hi Alex,',
      'There is something new waiting for you. Open it with your personal link below.',
      'Please take a look by Friday 12 December.',
    ]);
  });

  it('leaves the date out when there is none', () => {
    expect(neutralPartnerEmailBody('', null).paragraphs).toHaveLength(2);
  });
});
