import { planCheckInReminder } from './check-in-reminder';

describe('planCheckInReminder', () => {
  it('reminds a day later, in daytime', () => {
    const sentAt = new Date('2026-12-06T18:00:00Z');
    expect(planCheckInReminder({ sentAt, timezone: 'Europe/London', sessionBefore: null })).toEqual(
      new Date('2026-12-07T18:00:00Z'),
    );
  });

  it("moves a reminder that would fall in the partner's quiet hours to the morning", () => {
    // 23:00 in London is quiet: the reminder waits for 08:00.
    const sentAt = new Date('2026-12-06T23:00:00Z');
    expect(planCheckInReminder({ sentAt, timezone: 'Europe/London', sessionBefore: null })).toEqual(
      new Date('2026-12-08T08:00:00Z'),
    );
  });

  it('stays silent when the session it is about starts first', () => {
    const sentAt = new Date('2026-12-06T10:00:00Z');
    const sessionBefore = new Date('2026-12-07T10:30:00Z');
    expect(planCheckInReminder({ sentAt, timezone: 'UTC', sessionBefore })).toBeNull();
    expect(planCheckInReminder({ sentAt, timezone: 'UTC', sessionBefore: new Date('2026-12-08T10:00:00Z') })).toEqual(
      new Date('2026-12-07T10:00:00Z'),
    );
  });
});
