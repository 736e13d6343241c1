import { reminderStillWanted, ReminderFacts } from './reminder-rule';

const t = '2025-03-05T10:00:00.000Z';
const open: ReminderFacts = {
  assignment: { dueAt: '2025-03-10T17:00:00.000Z', responses: [{}, {}] },
  response: {},
  linkRevokedAt: null,
  emailConsent: true,
  coupleStatus: 'active',
  kind: 'homework',
  flaggedUnsafeUnderOpenPause: false,
};

describe('reminderStillWanted', () => {
  it('wants a reminder for an open part of an active couple who consent to email', () => {
    expect(reminderStillWanted(open)).toBe(true);
  });

  it.each([
    ['the partner submitted', { response: { submittedAt: t } }],
    ['the homework was reviewed', { assignment: { ...open.assignment, reviewedAt: t } }],
    ['the homework was cancelled', { assignment: { ...open.assignment, cancelledAt: t } }],
    ['the link was revoked', { linkRevokedAt: t }],
    ['the partner does not consent to email', { emailConsent: false }],
    ['the couple is paused', { coupleStatus: 'paused' as const }],
    ['the couple was discharged', { coupleStatus: 'discharged' as const }],
    ['this partner said they feel unsafe, under a pause still open', { flaggedUnsafeUnderOpenPause: true }],
  ])('stays silent when %s', (_, change) => {
    expect(reminderStillWanted({ ...open, ...change })).toBe(false);
  });

  it('keeps reminding each partner of their own private safety check-in during a safety pause', () => {
    const flagged = { ...open, kind: 'safety_check_in' as const, flaggedUnsafeUnderOpenPause: true };
    expect(reminderStillWanted(flagged)).toBe(true);
    expect(reminderStillWanted({ ...flagged, emailConsent: false })).toBe(false);
  });

  it('keeps reminding the other partner, whose emails must not change because their partner spoke up', () => {
    // The facts are per partner: the other partner's own flag is absent, whatever the pause.
    expect(reminderStillWanted({ ...open, flaggedUnsafeUnderOpenPause: false })).toBe(true);
  });
});
