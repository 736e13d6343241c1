import { describe, expect, it } from '@jest/globals';
import type { TimelineEvent } from '@trellis/contracts';
import { groupByDay, isAssignmentEvent, noteTitle, timelineLink, timelineText } from './timeline';

const event = (overrides: Partial<TimelineEvent>): TimelineEvent => ({
  at: '2026-05-01T10:00:00.000Z',
  kind: 'assigned',
  recordId: 'a1',
  title: 'Repair conversation',
  actor: null,
  ...overrides,
});
const day = (iso: string) => `day ${iso}`;

describe('couple timeline', () => {
  it('says what happened, and who did it', () => {
    expect(timelineText(event({}))).toBe('Assigned “Repair conversation”');
    expect(timelineText(event({ kind: 'submitted', actor: 'Alex' }))).toBe('Alex submitted “Repair conversation”');
    expect(timelineText(event({ kind: 'submitted' }))).toBe('A partner submitted “Repair conversation”');
    expect(timelineText(event({ kind: 'reviewed', actor: 'Dana Reyes' }))).toBe(
      'Dana Reyes reviewed “Repair conversation”',
    );
    expect(timelineText(event({ kind: 'reviewed' }))).toBe('“Repair conversation” was reviewed');
    expect(timelineText(event({ kind: 'cancelled' }))).toBe('Cancelled “Repair conversation”');
    expect(
      timelineText(event({ kind: 'note_signed', title: 'SOAP note for 2026-05-01', actor: 'Dana Reyes' }), day),
    ).toBe('Dana Reyes signed the SOAP note for day 2026-05-01');
    expect(timelineText(event({ kind: 'note_draft', title: 'FREE note for 2026-05-01' }), day)).toBe(
      'The therapist started the Free text note for day 2026-05-01 (draft, not signed yet)',
    );
  });

  it('leaves a note title it does not recognise as it is', () => {
    expect(noteTitle('Free note', day)).toBe('Free note');
    expect(noteTitle('XYZ note for someday', day)).toBe('XYZ note for someday');
  });

  it('links homework events to the review page and note events to the notes', () => {
    expect(isAssignmentEvent('submitted')).toBe(true);
    expect(isAssignmentEvent('note_signed')).toBe(false);
    expect(timelineLink({ kind: 'reviewed', recordId: 'a 1' }, 'c1')).toBe('/assignments/a%201');
    expect(timelineLink({ kind: 'note_draft', recordId: 'n1' }, 'c1')).toBe('/couples/c1/show/notes');
  });

  it('groups consecutive events of a day, newest first as the API sends them', () => {
    const events = [
      event({ at: '2026-05-02T09:00:00.000Z', kind: 'reviewed' }),
      event({ at: '2026-05-01T18:00:00.000Z', kind: 'submitted' }),
      event({ at: '2026-05-01T08:00:00.000Z' }),
    ];
    const days = groupByDay(events, (iso) => iso.slice(0, 10));
    expect(days.map((group) => [group.day, group.events.map((e) => e.kind)])).toEqual([
      ['2026-05-02', ['reviewed']],
      ['2026-05-01', ['submitted', 'assigned']],
    ]);
    expect(groupByDay([])).toEqual([]);
  });
});
