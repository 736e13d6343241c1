import { describe, expect, it } from '@jest/globals';
import { canReview, isOpenAssignment, partnerLetter, partnerProgressText } from './assignmentLabels';

const now = new Date('2026-05-01T12:00:00Z');
const none = { linkOpenedAt: null, lastSavedAt: null, submittedAt: null };

describe('assignment labels', () => {
  it('says where a partner is, most telling fact first', () => {
    expect(partnerProgressText({ ...none, status: 'not_started' }, now)).toBe('Has not opened the link yet');
    expect(partnerProgressText({ ...none, status: 'not_started', linkOpenedAt: '2026-04-30T12:00:00Z' }, now)).toBe(
      'Opened the link yesterday, nothing saved yet',
    );
    expect(partnerProgressText({ ...none, status: 'draft', lastSavedAt: '2026-05-01T10:00:00Z' }, now)).toBe(
      'Draft saved 2 hours ago',
    );
    expect(
      partnerProgressText(
        { status: 'submitted', linkOpenedAt: 'x', lastSavedAt: 'x', submittedAt: '2026-04-28T12:00:00Z' },
        now,
      ),
    ).toBe('Submitted 3 days ago');
  });

  it('knows what can still change and what can be reviewed', () => {
    expect(isOpenAssignment('partly_submitted')).toBe(true);
    expect(isOpenAssignment('completed')).toBe(false);
    expect(canReview('partly_submitted')).toBe(true);
    expect(canReview('assigned')).toBe(false);
    expect(canReview('reviewed')).toBe(false);
    expect(partnerLetter(2)).toBe('Partner B');
  });
});
