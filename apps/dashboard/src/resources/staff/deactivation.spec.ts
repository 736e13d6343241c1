import { describe, expect, it } from '@jest/globals';
import type { StaffMember } from '@trellis/contracts';
import { handoverPrompt, handoverRequest, promotionConfirmation, successorChoices } from './deactivation';

// Shaped like react-admin's HttpError after request.ts: message from the problem, field map in body.
const httpError = (status: number, message: string, errors?: Record<string, string>) =>
  Object.assign(new Error(message), { status, body: { title: message, status, errors } });

const member = (id: string, name: string, overrides: Partial<StaffMember> = {}): StaffMember => ({
  id,
  name,
  email: `${id}@example.test`,
  role: 'therapist',
  status: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe('deactivating someone with couples', () => {
  it('recognises the API’s request to choose a successor', () => {
    const error = httpError(409, 'Robin Hale has 2 couple(s): choose who takes them over.', {
      reassignCouplesTo: 'Choose a therapist to take over 2 couple(s)',
    });
    expect(handoverRequest(error)).toBe('Robin Hale has 2 couple(s): choose who takes them over.');
    expect(handoverRequest(httpError(409, '', { reassignCouplesTo: 'Choose a therapist' }))).toBe('Choose a therapist');
  });

  it('leaves every other refusal alone', () => {
    expect(handoverRequest(httpError(409, 'This is the clinic’s last active admin.'))).toBeUndefined();
    expect(
      handoverRequest(httpError(400, 'Bad Request', { reassignCouplesTo: 'Must be another active staff member' })),
    ).toBeUndefined();
    expect(handoverRequest(undefined)).toBeUndefined();
  });

  it('offers the other active staff, by name', () => {
    const staff = [
      member('u3', 'Sky Park', { role: 'admin' }),
      member('u1', 'Robin Hale'),
      member('u2', 'Avery Lin'),
      member('u4', 'Jo Invited', { status: 'invited' }),
      member('u5', 'Max Gone', { status: 'deactivated' }),
    ];
    expect(successorChoices(staff, 'u1')).toEqual([
      { id: 'u2', name: 'Avery Lin (Therapist)' },
      { id: 'u3', name: 'Sky Park (Administrator)' },
    ]);
  });
});

describe('asking before it matters', () => {
  it('asks who takes the couples over in the first dialog, from the count on the staff page', () => {
    expect(handoverPrompt({ name: 'Robin Hale', openCoupleCount: 1 })).toBe(
      'Robin Hale has 1 active or paused couple: choose who takes them over.',
    );
    expect(handoverPrompt({ name: 'Robin Hale', openCoupleCount: 3 })).toBe(
      'Robin Hale has 3 active or paused couples: choose who takes them over.',
    );
    expect(handoverPrompt({ name: 'Robin Hale', openCoupleCount: 0 })).toBeUndefined();
  });

  it('confirms a promotion to administrator, and nothing else', () => {
    expect(promotionConfirmation({ name: 'Robin Hale', role: 'therapist' }, 'admin')?.title).toBe(
      'Make Robin Hale an administrator?',
    );
    expect(promotionConfirmation({ name: 'Robin Hale', role: 'admin' }, 'admin')).toBeUndefined();
    expect(promotionConfirmation({ name: 'Robin Hale', role: 'admin' }, 'therapist')).toBeUndefined();
    expect(promotionConfirmation({ name: 'Robin Hale', role: 'therapist' }, 'therapist')).toBeUndefined();
  });
});
