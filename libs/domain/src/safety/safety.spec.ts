import { concerningCheckInAnswers, isConcerningCheckIn, SAFETY_CHECK_IN_EXERCISE } from './safety-check-in';
import { openSafetyConcern } from './safety-concern';
import { safetyCheckInDue } from './safety-pause';
import { validateAnswers } from '../exercises/answer-validation';

const calm = { safe_at_home: 'yes', afraid_of_partner: 'never', frightened_or_hurt: 'no', joint_exercises_safe: 'yes' };

describe('the safety check-in', () => {
  it('keeps every answer for the counselor only', () => {
    expect(SAFETY_CHECK_IN_EXERCISE.prompts.every((p) => p.audience === 'counselor_only')).toBe(true);
  });

  it('accepts calm answers as a complete submission', () => {
    expect(validateAnswers(SAFETY_CHECK_IN_EXERCISE.prompts, calm, { mode: 'submit' })).toEqual([]);
    expect(isConcerningCheckIn(calm)).toBe(false);
  });

  it.each([
    ['safe_at_home', 'no'],
    ['safe_at_home', 'unsure'],
    ['afraid_of_partner', 'sometimes'],
    ['afraid_of_partner', 'often'],
    ['frightened_or_hurt', 'yes'],
    ['frightened_or_hurt', 'rather_not_say'],
    ['joint_exercises_safe', 'no'],
    ['joint_exercises_safe', 'unsure'],
  ])('finds %s = %s concerning on its own', (promptId, value) => {
    const answers = { ...calm, [promptId]: value };
    expect(concerningCheckInAnswers(answers)).toEqual([promptId]);
    expect(isConcerningCheckIn(answers)).toBe(true);
  });

  it('names every concerning answer, and never judges the free text', () => {
    expect(
      concerningCheckInAnswers({ ...calm, safe_at_home: 'no', joint_exercises_safe: 'no', anything_else: 'hit me' }),
    ).toEqual(['safe_at_home', 'joint_exercises_safe']);
    expect(isConcerningCheckIn({ ...calm, anything_else: 'all fine' })).toBe(false);
  });

  it('ignores values that are not options and answers to other prompts', () => {
    expect(isConcerningCheckIn({ safe_at_home: ['no'] as unknown as string, other: 'no' })).toBe(false);
    expect(isConcerningCheckIn({})).toBe(false);
  });
});

describe('safetyCheckInDue', () => {
  const now = new Date('2026-12-05T12:00:00Z');
  const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 3600 * 1000);

  it('sends nothing when the clinic has no interval', () => {
    expect(safetyCheckInDue(null, null, now)).toBe(false);
    expect(safetyCheckInDue(daysAgo(400), null, now)).toBe(false);
  });

  it('sends the first check-in at once', () => {
    expect(safetyCheckInDue(null, 28, now)).toBe(true);
  });

  it('sends the next one when the interval has passed, not before', () => {
    expect(safetyCheckInDue(daysAgo(27), 28, now)).toBe(false);
    expect(safetyCheckInDue(daysAgo(28), 28, now)).toBe(true);
    expect(safetyCheckInDue(daysAgo(40), 28, now)).toBe(true);
  });
});

describe('openSafetyConcern', () => {
  const concerning = { ...calm, afraid_of_partner: 'often' };

  it('is none with no pause and only calm check-ins (or none at all)', () => {
    expect(openSafetyConcern({ pauseOpen: false, latestCheckIns: [] })).toBeNull();
    expect(openSafetyConcern({ pauseOpen: false, latestCheckIns: [calm, calm] })).toBeNull();
  });

  it('names the open pause first, whatever the check-ins say', () => {
    expect(openSafetyConcern({ pauseOpen: true, latestCheckIns: [] })).toBe('pause_open');
    expect(openSafetyConcern({ pauseOpen: true, latestCheckIns: [concerning] })).toBe('pause_open');
  });

  it('stays open after the pause is lifted while either partner’s latest check-in is concerning', () => {
    expect(openSafetyConcern({ pauseOpen: false, latestCheckIns: [calm, concerning] })).toBe('concerning_check_in');
    expect(
      openSafetyConcern({ pauseOpen: false, latestCheckIns: [{ ...calm, anything_else: 'he hit me' }] }),
    ).toBeNull();
  });
});
