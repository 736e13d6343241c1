import { describe, expect, it } from '@jest/globals';
import {
  AGREEMENT_REVIEW_REMINDER_AFTER_HOURS,
  agreementConfirmationWanted,
  agreementReviewReminderWanted,
  planAgreementReviewReminder,
} from './agreement-emails';

const may = { emailConsent: true, coupleStatus: 'active', flaggedUnsafe: false } as const;

describe('"please confirm" emails', () => {
  const wanted = { ...may, agreementActive: true, versionIsCurrent: true, confirmed: false } as const;

  it('go to a consenting partner of an active couple for the current wording of an active agreement', () => {
    expect(agreementConfirmationWanted(wanted)).toBe(true);
  });

  it.each([
    ['no consent to email', { emailConsent: false }],
    ['a paused couple', { coupleStatus: 'paused' }],
    ['a discharged couple', { coupleStatus: 'discharged' }],
    ['the partner said they feel unsafe, under a pause still open', { flaggedUnsafe: true }],
    ['a retired agreement', { agreementActive: false }],
    ['a wording since replaced', { versionIsCurrent: false }],
    ['a wording already confirmed', { confirmed: true }],
  ])('do not go with %s', (_, change) => {
    expect(agreementConfirmationWanted({ ...wanted, ...change })).toBe(false);
  });
});

describe('the weekly review reminder', () => {
  it('is planned a day after the review went out, in daytime', () => {
    const sentAt = new Date('2026-12-07T10:00:00Z');
    expect(planAgreementReviewReminder({ sentAt, timezone: 'Europe/London' })).toEqual(
      new Date(sentAt.getTime() + AGREEMENT_REVIEW_REMINDER_AFTER_HOURS * 3600_000),
    );
  });

  it("is moved out of the partner's quiet hours (their zone, not the clinic's)", () => {
    // 22:30 on Monday in London: a day later is quiet time there, so 08:00 on Wednesday; in
    // Auckland the same instant is 11:30 on Wednesday morning, fine as it is.
    const sentAt = new Date('2026-12-07T22:30:00Z');
    expect(planAgreementReviewReminder({ sentAt, timezone: 'Europe/London' })).toEqual(
      new Date('2026-12-09T08:00:00Z'),
    );
    expect(planAgreementReviewReminder({ sentAt, timezone: 'Pacific/Auckland' })).toEqual(
      new Date('2026-12-08T22:30:00Z'),
    );
  });

  it('is 24 hours later across a daylight-saving change', () => {
    // London leaves summer time on 25 October 2026: 10:00 BST on Saturday → 09:00 GMT on Sunday.
    const sentAt = new Date('2026-10-24T09:00:00Z');
    expect(planAgreementReviewReminder({ sentAt, timezone: 'Europe/London' })).toEqual(
      new Date('2026-10-25T09:00:00Z'),
    );
  });

  const open = {
    ...may,
    submittedAt: null,
    linkExpiresAt: new Date('2026-12-13T10:00:00Z'),
    now: new Date('2026-12-08T10:00:00Z'),
  } as const;

  it('still goes while the review is unanswered and its link works', () => {
    expect(agreementReviewReminderWanted(open)).toBe(true);
  });

  it.each([
    ['answered', { submittedAt: new Date('2026-12-08T09:00:00Z') }],
    ['never sent (no link)', { linkExpiresAt: null }],
    ['expired', { linkExpiresAt: new Date('2026-12-08T09:59:59Z') }],
    ['no consent to email', { emailConsent: false }],
    ['a paused couple', { coupleStatus: 'paused' }],
    ['a discharged couple', { coupleStatus: 'discharged' }],
    ['the partner said they feel unsafe, under a pause still open', { flaggedUnsafe: true }],
  ])('stops when %s', (_, change) => {
    expect(agreementReviewReminderWanted({ ...open, ...change })).toBe(false);
  });
});
