import {
  AssignmentTimestamps,
  deriveAssignmentState,
  deriveAssignmentStatus,
  deriveResponseStatus,
  isResponseOpen,
} from './assignment-status';

const due = '2025-03-10T17:00:00.000Z';
const before = '2025-03-09T12:00:00.000Z';
const after = '2025-03-11T09:00:00.000Z';
const t = '2025-03-05T10:00:00.000Z';

function assignment(overrides: Partial<AssignmentTimestamps> = {}): AssignmentTimestamps {
  return { dueAt: due, cancelledAt: null, reviewedAt: null, responses: [{}, {}], ...overrides };
}

describe('deriveAssignmentStatus', () => {
  it.each([
    ['assigned', [{}, {}]],
    ['assigned', [{ startedAt: null, submittedAt: null }, {}]],
    ['in_progress', [{ startedAt: t }, {}]],
    ['in_progress', [{ startedAt: t }, { startedAt: t }]],
    ['partly_submitted', [{ startedAt: t, submittedAt: t }, {}]],
    ['partly_submitted', [{ startedAt: t, submittedAt: t }, { startedAt: t }]],
    [
      'completed',
      [
        { startedAt: t, submittedAt: t },
        { startedAt: t, submittedAt: t },
      ],
    ],
    ['completed', [{ submittedAt: t }, { submittedAt: t }]],
  ] as const)('is %s for responses %j', (status, responses) => {
    expect(deriveAssignmentStatus(assignment({ responses }), before)).toEqual({ status, overdue: false });
  });

  it('is cancelled whatever else happened, and never overdue', () => {
    const cancelled = assignment({ cancelledAt: t, reviewedAt: t, responses: [{ submittedAt: t }, {}] });
    expect(deriveAssignmentStatus(cancelled, after)).toEqual({ status: 'cancelled', overdue: false });
  });

  it('is reviewed once the therapist has reviewed, even if a partner never submitted', () => {
    expect(deriveAssignmentStatus(assignment({ reviewedAt: t, responses: [{ submittedAt: t }, {}] }), after)).toEqual({
      status: 'reviewed',
      overdue: false,
    });
  });

  it('treats an assignment without responses as assigned, not completed', () => {
    expect(deriveAssignmentStatus(assignment({ responses: [] }), before).status).toBe('assigned');
  });

  describe('overdue', () => {
    it.each(['assigned', 'in_progress', 'partly_submitted'] as const)(
      'applies to %s work after the due time',
      (status) => {
        const responses = {
          assigned: [{}, {}],
          in_progress: [{ startedAt: t }, {}],
          partly_submitted: [{ submittedAt: t }, { startedAt: t }],
        }[status];
        expect(deriveAssignmentStatus(assignment({ responses }), after)).toEqual({ status, overdue: true });
      },
    );

    it('starts strictly after the due time', () => {
      const dueMs = Date.parse(due);
      expect(deriveAssignmentStatus(assignment(), new Date(dueMs - 1)).overdue).toBe(false);
      expect(deriveAssignmentStatus(assignment(), new Date(dueMs)).overdue).toBe(false);
      expect(deriveAssignmentStatus(assignment(), new Date(dueMs + 1)).overdue).toBe(true);
    });

    it('never applies to completed or reviewed work, even if submitted late', () => {
      const late = '2025-03-12T09:00:00.000Z';
      const completed = assignment({ responses: [{ submittedAt: late }, { submittedAt: late }] });
      expect(deriveAssignmentStatus(completed, late)).toEqual({ status: 'completed', overdue: false });
      expect(deriveAssignmentStatus({ ...completed, reviewedAt: late }, late)).toEqual({
        status: 'reviewed',
        overdue: false,
      });
    });

    it('never applies without a due date', () => {
      expect(deriveAssignmentStatus(assignment({ dueAt: null }), after)).toEqual({
        status: 'assigned',
        overdue: false,
      });
    });
  });

  it('accepts Dates, ISO strings and epoch milliseconds alike', () => {
    const asDates = assignment({ dueAt: new Date(due), responses: [{ startedAt: new Date(t) }, {}] });
    const asNumbers = assignment({ dueAt: Date.parse(due), responses: [{ startedAt: Date.parse(t) }, {}] });
    expect(deriveAssignmentStatus(asDates, new Date(after))).toEqual({ status: 'in_progress', overdue: true });
    expect(deriveAssignmentStatus(asNumbers, Date.parse(after))).toEqual({ status: 'in_progress', overdue: true });
  });

  it('throws on a timestamp that is not a time, rather than guessing', () => {
    expect(() => deriveAssignmentStatus(assignment({ dueAt: 'tomorrow' }), before)).toThrow(RangeError);
    expect(() => deriveAssignmentStatus(assignment(), 'now')).toThrow(RangeError);
    expect(() => deriveAssignmentStatus(assignment({ responses: [{ submittedAt: 'soon' }, {}] }), before)).toThrow(
      /submittedAt/,
    );
  });
});

describe('deriveResponseStatus', () => {
  it('follows not started → draft → submitted', () => {
    expect(deriveResponseStatus({})).toBe('not_started');
    expect(deriveResponseStatus({ startedAt: t })).toBe('draft');
    expect(deriveResponseStatus({ startedAt: t, submittedAt: t })).toBe('submitted');
  });
});

describe('deriveAssignmentState', () => {
  it('is open and overdue for past-due work a partner has not submitted', () => {
    const state = deriveAssignmentState(assignment({ responses: [{ submittedAt: t }, {}] }), after);
    expect(state).toMatchObject({ status: 'partly_submitted', open: true, overdue: true, awaitingReview: false });
    expect(state.completedAt).toBeNull();
  });

  it('awaits review once both partners submitted, completed at the later submission', () => {
    const later = '2025-03-06T10:00:00.000Z';
    const state = deriveAssignmentState(assignment({ responses: [{ submittedAt: later }, { submittedAt: t }] }), after);
    expect(state).toMatchObject({ status: 'completed', open: false, overdue: false, awaitingReview: true });
    expect(state.completedAt).toBe(later);
  });

  it('counts reviewed homework as neither open, overdue nor awaiting review, even when one partner never submitted', () => {
    const state = deriveAssignmentState(assignment({ reviewedAt: t, responses: [{ submittedAt: t }, {}] }), after);
    expect(state).toMatchObject({ status: 'reviewed', open: false, overdue: false, awaitingReview: false });
  });
});

describe('isResponseOpen', () => {
  it('is open for an unsubmitted part of open homework only', () => {
    expect(isResponseOpen(assignment({ responses: [{ submittedAt: t }, {}] }), {})).toBe(true);
    expect(isResponseOpen(assignment(), { submittedAt: t })).toBe(false);
    expect(isResponseOpen(assignment({ reviewedAt: t }), {})).toBe(false);
    expect(isResponseOpen(assignment({ cancelledAt: t }), {})).toBe(false);
  });
});
