import { describe, expect, it } from '@jest/globals';
import { describeInvitation } from './invitation';

const now = new Date('2026-03-10T12:00:00Z');
const iso = (date: Date) => date.toISOString();

describe('describeInvitation', () => {
  it('says when it was sent and how long the link works', () => {
    expect(
      describeInvitation({ sentAt: '2026-03-09T08:00:00.000Z', expiresAt: '2026-03-16T08:00:00.000Z' }, now, iso),
    ).toEqual({
      expired: false,
      text: 'Invitation emailed on 2026-03-09T08:00:00.000Z. The link works until 2026-03-16T08:00:00.000Z.',
    });
  });

  it('tells a queued email from a sent one', () => {
    expect(describeInvitation({ sentAt: null, expiresAt: '2026-03-16T08:00:00.000Z' }, now, iso).text).toMatch(
      /^The invitation email is on its way\./,
    );
  });

  it('points to resending once the link has expired or is gone', () => {
    expect(
      describeInvitation({ sentAt: '2026-03-01T08:00:00.000Z', expiresAt: '2026-03-08T08:00:00.000Z' }, now, iso),
    ).toEqual({
      expired: true,
      text: 'The invitation link expired on 2026-03-08T08:00:00.000Z. Resend it to email them a new link.',
    });
    expect(describeInvitation(null, now, iso).expired).toBe(true);
  });
});
