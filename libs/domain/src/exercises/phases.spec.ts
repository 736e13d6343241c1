import { longText } from './prompt-builders';
import {
  assignmentWarnings,
  AssignmentWarningCouple,
  AssignmentWarningExercise,
  coercionSensitiveWhileUnsafe,
} from './phases';

const plain = [longText('a', 'A')];
const exercise = (over: Partial<AssignmentWarningExercise> = {}): AssignmentWarningExercise => ({
  phase: 'understanding',
  coercionSensitive: false,
  prompts: plain,
  ...over,
});
const couple = (over: Partial<AssignmentWarningCouple> = {}): AssignmentWarningCouple => ({
  phase: 'crisis_and_impact',
  partnerRoles: ['hurt', 'broke_trust'],
  safetyConcernOpen: false,
  ...over,
});
const codes = (e: AssignmentWarningExercise, c: AssignmentWarningCouple) => assignmentWarnings(e, c).map((w) => w.code);

describe('assignmentWarnings', () => {
  it('warns when the exercise belongs to a later phase than the couple', () => {
    expect(codes(exercise({ phase: 'moving_on' }), couple())).toEqual(['later_phase']);
    expect(assignmentWarnings(exercise({ phase: 'moving_on' }), couple())[0].message).toMatch(
      /Moving on.*Crisis and impact/,
    );
  });

  it('says nothing for the same or an earlier phase, or when either phase is unknown', () => {
    expect(codes(exercise({ phase: 'crisis_and_impact' }), couple())).toEqual([]);
    expect(codes(exercise({ phase: 'understanding' }), couple({ phase: 'rebuilding' }))).toEqual([]);
    expect(codes(exercise({ phase: 'moving_on' }), couple({ phase: null }))).toEqual([]);
    expect(codes(exercise({ phase: null }), couple())).toEqual([]);
  });

  it('warns about a coercion-sensitive exercise only while a safety concern is open', () => {
    const sensitive = exercise({ phase: 'crisis_and_impact', coercionSensitive: true });
    expect(codes(sensitive, couple({ safetyConcernOpen: true }))).toEqual(['coercion_sensitive_while_unsafe']);
    expect(codes(sensitive, couple({ safetyConcernOpen: false }))).toEqual([]);
    expect(codes(exercise({ phase: 'crisis_and_impact' }), couple({ safetyConcernOpen: true }))).toEqual([]);
  });

  it('warns when role prompts meet a partner whose role is not set', () => {
    const byRole = exercise({ phase: 'crisis_and_impact', prompts: [longText('x', 'X', { forRole: 'hurt' })] });
    expect(codes(byRole, couple({ partnerRoles: ['hurt', 'not_set'] }))).toEqual(['roles_not_set']);
    expect(codes(byRole, couple())).toEqual([]);
    expect(codes(exercise({ phase: 'crisis_and_impact' }), couple({ partnerRoles: ['not_set', 'not_set'] }))).toEqual(
      [],
    );
  });

  it('can give every warning at once', () => {
    const all = exercise({
      phase: 'rebuilding',
      coercionSensitive: true,
      prompts: [longText('x', 'X', { forRole: 'broke_trust' })],
    });
    expect(codes(all, couple({ safetyConcernOpen: true, partnerRoles: ['not_set', 'not_set'] }))).toEqual([
      'later_phase',
      'coercion_sensitive_while_unsafe',
      'roles_not_set',
    ]);
  });
});

describe('coercionSensitiveWhileUnsafe', () => {
  it('is the condition of the coercion warning, and of a program holding such a step', () => {
    expect(coercionSensitiveWhileUnsafe({ coercionSensitive: true }, { safetyConcernOpen: true })).toBe(true);
    expect(coercionSensitiveWhileUnsafe({ coercionSensitive: true }, { safetyConcernOpen: false })).toBe(false);
    expect(coercionSensitiveWhileUnsafe({ coercionSensitive: false }, { safetyConcernOpen: true })).toBe(false);
  });
});
