import { describe, expect, it } from '@jest/globals';
import type { CoupleProgramStepView, CoupleProgramView } from '@trellis/contracts';
import { cautionLines, checkInProgress, movedPending, opensWhenText, whereTheCoupleIs } from './programPath';

const step = (id: string, status: CoupleProgramStepView['status']): CoupleProgramStepView => ({
  id,
  position: Number(id),
  title: `Step ${id}`,
  kind: 'exercise',
  exerciseId: null,
  measureId: null,
  measureTitle: null,
  opensWhen: 'both_submitted',
  afterSessions: null,
  dueInDays: 7,
  status,
  assignmentId: null,
  openedAt: null,
  finishedAt: null,
  warnings: [],
  checkIns: [],
});

const enrolment = (overrides: Partial<CoupleProgramView>): CoupleProgramView => ({
  id: 'e',
  coupleId: 'c',
  programId: 'p',
  title: 'Rebuilding trust',
  status: 'active',
  createdAt: '2026-12-01T10:00:00Z',
  completedAt: null,
  current: { step: 3, total: 12, title: 'Our support map', nextTitle: 'Agreements' },
  steps: [],
  ...overrides,
});

describe('a couple’s path in words', () => {
  it('says where the couple is and what comes next', () => {
    expect(whereTheCoupleIs(enrolment({}))).toBe('Step 3 of 12: Our support map — next: Agreements.');
    expect(whereTheCoupleIs(enrolment({ status: 'paused' }))).toContain('(paused: nothing new opens)');
    expect(whereTheCoupleIs(enrolment({ status: 'completed', current: null }))).toBe(
      'The couple has finished this program.',
    );
  });

  it('says when each step opens', () => {
    expect(opensWhenText({ opensWhen: 'reviewed', afterSessions: null }, true)).toContain('starts');
    expect(opensWhenText({ opensWhen: 'after_sessions', afterSessions: 2 }, false)).toContain('2 sessions');
    expect(opensWhenText({ opensWhen: 'both_submitted', afterSessions: null }, false)).toContain('both partners');
  });

  it('moves a step not yet open up or down among the others, never past the ends', () => {
    const steps = [
      step('0', 'done'),
      step('1', 'open'),
      step('2', 'pending'),
      step('3', 'pending'),
      step('4', 'pending'),
    ];
    expect(movedPending(steps, '3', -1)).toEqual(['3', '2', '4']);
    expect(movedPending(steps, '2', -1)).toEqual(['2', '3', '4']);
    expect(movedPending(steps, '4', 1)).toEqual(['2', '3', '4']);
  });
});

describe('a step’s cautions', () => {
  it('gives each in plain words, and says a coercion-sensitive step waits for the concern to close', () => {
    expect(cautionLines([])).toEqual([]);
    const lines = cautionLines([
      { code: 'later_phase', message: 'Later phase.' },
      { code: 'coercion_sensitive_while_unsafe', message: 'A safety concern is open.' },
    ]);
    expect(lines[0]).toBe('Later phase.');
    expect(lines[1]).toMatch(/^A safety concern is open\. The program will not open this step on its own/);
  });
});

describe('an open check-in step', () => {
  it('says where each partner stands, and which one it waits on and why', () => {
    expect(checkInProgress([])).toEqual({ summary: null, waiting: [] });
    const message = 'Sam has not agreed to email, so the check-in was not sent. It goes out when they agree.';
    expect(
      checkInProgress([
        { position: 1, state: 'answered', waitingReason: null, message: null },
        { position: 2, state: 'waiting', waitingReason: 'no_email_consent', message },
      ]),
    ).toEqual({ summary: 'Partner 1: answered · Partner 2: not sent', waiting: [message] });
    expect(
      checkInProgress([
        { position: 1, state: 'sent', waitingReason: null, message: null },
        { position: 2, state: 'sending', waitingReason: null, message: null },
      ]).waiting,
    ).toEqual([]);
  });
});
