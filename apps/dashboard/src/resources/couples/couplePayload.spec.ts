import { describe, expect, it } from '@jest/globals';
import type { CoupleView } from '@trellis/contracts';
import { consentChoice, consentFromChoice, createCoupleBody, updateCoupleBody } from './couplePayload';

const couple: CoupleView = {
  id: 'c1',
  displayName: 'Alex & Sam',
  therapistId: 't1',
  therapistName: 'Dana Reyes',
  status: 'active',
  nextSessionAt: '2026-05-01T16:00:00.000Z',
  lastActivityAt: '2026-04-20T10:00:00.000Z',
  createdAt: '2026-01-01T10:00:00.000Z',
  phase: null,
  safetyConcern: null,
  partners: [
    {
      id: 'p1',
      position: 1,
      name: 'Alex',
      email: 'home@example.test',
      timezone: 'Europe/London',
      emailConsent: true,
      role: 'not_set',
    },
    {
      id: 'p2',
      position: 2,
      name: 'Sam',
      email: 'home@example.test',
      timezone: 'Europe/London',
      emailConsent: false,
      role: 'not_set',
    },
  ],
};

describe('updateCoupleBody: phase and roles', () => {
  const values = (over: Record<string, unknown> = {}) => ({ ...couple, ...over });
  it('sends the phase only when it changed, and null to clear it', () => {
    expect(updateCoupleBody(values(), couple)).toEqual({});
    expect(updateCoupleBody(values({ phase: 'understanding' }), couple)).toEqual({ phase: 'understanding' });
    expect(updateCoupleBody(values({ phase: '' }), { ...couple, phase: 'rebuilding' })).toEqual({ phase: null });
  });

  it('sends a partner role only when it changed, with that partner’s position', () => {
    const partners = [couple.partners[0], { ...couple.partners[1], role: 'hurt' }];
    expect(updateCoupleBody(values({ partners }), couple)).toEqual({ partners: [{ position: 2, role: 'hurt' }] });
    const before = { ...couple, partners: [{ ...couple.partners[0], role: 'hurt' as const }, couple.partners[1]] };
    const unknown = [{ ...couple.partners[0], role: 'victim' }, couple.partners[1]];
    expect(updateCoupleBody(values({ partners: unknown }), before)).toEqual({
      partners: [{ position: 1, role: 'not_set' }],
    });
  });
});

describe('createCoupleBody', () => {
  it('sends exactly what POST /couples knows, trimmed', () => {
    expect(
      createCoupleBody({
        displayName: ' Alex & Sam ',
        nextSessionAt: '',
        therapistId: '',
        extra: 'ignored',
        partners: [
          { name: ' Alex ', email: 'home@example.test', timezone: 'Europe/London', emailConsent: true, id: 'x' },
          { name: 'Sam', email: 'home@example.test', timezone: 'Europe/London' },
        ],
      }),
    ).toEqual({
      displayName: 'Alex & Sam',
      partners: [
        { name: 'Alex', email: 'home@example.test', timezone: 'Europe/London', emailConsent: true },
        { name: 'Sam', email: 'home@example.test', timezone: 'Europe/London', emailConsent: false },
      ],
    });
  });

  it('includes the next session and, for admins, the therapist', () => {
    const body = createCoupleBody({
      displayName: 'A',
      nextSessionAt: '2026-05-01T16:00:00.000Z',
      therapistId: 't2',
      partners: [],
    });
    expect(body).toMatchObject({ nextSessionAt: '2026-05-01T16:00:00.000Z', therapistId: 't2' });
    expect(body.partners).toHaveLength(2);
  });
});

describe('updateCoupleBody', () => {
  it('is empty when nothing changed', () => {
    expect(updateCoupleBody({ ...couple }, couple)).toEqual({});
  });

  it('sends changed fields only, partners by position with their changed fields', () => {
    const partners = [couple.partners[0], { ...couple.partners[1], email: 'sam@example.test', emailConsent: true }];
    expect(updateCoupleBody({ ...couple, displayName: 'Sam & Alex', partners }, couple)).toEqual({
      displayName: 'Sam & Alex',
      partners: [{ position: 2, email: 'sam@example.test', emailConsent: true }],
    });
  });

  it('clears the next session with null and reassigns when an admin picks someone else', () => {
    expect(updateCoupleBody({ ...couple, nextSessionAt: '', therapistId: 't2' }, couple)).toEqual({
      nextSessionAt: null,
      therapistId: 't2',
    });
  });
});

describe('the email-consent question', () => {
  it('starts unanswered for a new couple and round-trips both answers', () => {
    expect(consentChoice(null)).toBe('');
    expect(consentChoice(undefined)).toBe('');
    expect(consentChoice(true)).toBe('yes');
    expect(consentChoice(false)).toBe('no');
    expect(consentFromChoice('yes')).toBe(true);
    expect(consentFromChoice('no')).toBe(false);
    // Unanswered stays null, so the required check refuses to save rather than assuming "no".
    expect(consentFromChoice('')).toBeNull();
  });
});
