import { describe, expect, it } from '@jest/globals';
import { toHomeworkLink, toHomeworkView, toPrompt } from './homework-data';

const body = {
  partnerFirstName: 'Sam',
  clinicName: 'Northside Counselling',
  therapistName: 'Dr Rivera',
  title: 'Small wins',
  purpose: 'Noticing what went well.',
  instructions: 'Take ten minutes.',
  message: '',
  dueAt: '2025-12-05T18:00:00Z',
  dueLabel: 'Friday 5 December, 18:00',
  estimatedMinutes: 10,
  prompts: [
    { kind: 'long_text', id: 'win', label: 'A small win', required: true, maxLength: 2000 },
    { kind: 'scale', id: 'hope', label: 'Hope', required: false, min: 0, max: 10, minLabel: 'None', maxLabel: 'Lots' },
    { kind: 'hologram', id: 'future', label: 'Newer kind' },
  ],
  answers: { win: 'We laughed', hope: 42, future: 'x' },
  status: 'draft',
  lastSavedAt: '2025-12-01T10:00:00Z',
  submittedAt: null,
  partnerAnswers: null,
  partnerName: null,
};

describe('toHomeworkView', () => {
  it('accepts the contract shape, dropping prompts and answers it cannot show', () => {
    const view = toHomeworkView(body);
    expect(view?.prompts.map((p) => p.id)).toEqual(['win', 'hope']);
    expect(view?.answers).toEqual({ win: 'We laughed' });
    expect(view?.status).toBe('draft');
    expect(view?.message).toBe('');
    expect(view?.partnerAnswers).toBeNull();
  });

  it('reads shared partner answers', () => {
    const view = toHomeworkView({
      ...body,
      status: 'submitted',
      partnerAnswers: { win: 'Dinner' },
      partnerName: 'Alex',
    });
    expect(view?.partnerAnswers).toEqual({ win: 'Dinner' });
    expect(view?.partnerName).toBe('Alex');
  });

  it('reads where the homework sits on the couple’s path, and nothing that does not add up', () => {
    expect(toHomeworkView(body)?.path).toBeNull();
    expect(toHomeworkView({ ...body, path: { step: 2, total: 16, nextTitle: 'Our support map' } })?.path).toEqual({
      step: 2,
      total: 16,
      nextTitle: 'Our support map',
    });
    expect(toHomeworkView({ ...body, path: { step: 3, total: 3, nextTitle: null } })?.path?.nextTitle).toBeNull();
    expect(toHomeworkView({ ...body, path: { step: 5, total: 3 } })?.path).toBeNull();
    expect(toHomeworkView({ ...body, path: 'step 1' })?.path).toBeNull();
  });

  it('refuses what is not homework', () => {
    expect(toHomeworkView(undefined)).toBeUndefined();
    expect(toHomeworkView({ title: 'x' })).toBeUndefined();
    expect(toHomeworkView('<html>')).toBeUndefined();
  });
});

describe('toPrompt', () => {
  it('tidies limits it cannot trust', () => {
    expect(toPrompt({ kind: 'long_text', id: 'a', label: 'A', maxLength: 999_999 })).toMatchObject({ maxLength: 5000 });
    expect(toPrompt({ kind: 'scale', id: 's', label: 'S', min: 5, max: 5 })).toMatchObject({ min: 0, max: 10 });
    expect(toPrompt({ kind: 'checklist', id: 'c', label: 'C', options: [] })).toBeUndefined();
    expect(
      toPrompt({ kind: 'single_choice', id: 'c', label: 'C', options: [{ id: 'x', label: 'X' }, { id: 1 }] }),
    ).toEqual({
      kind: 'single_choice',
      id: 'c',
      label: 'C',
      required: false,
      // No audience sent: read as counselor-only, never as shared.
      audience: 'counselor_only',
      options: [{ id: 'x', label: 'X' }],
    });
    expect(toPrompt({ kind: 'long_text', id: 'a', label: 'A', audience: 'shared' })).toMatchObject({
      audience: 'shared',
    });
  });
});

describe('toHomeworkLink', () => {
  it('reads the two names and nothing else', () => {
    expect(toHomeworkLink({ partnerFirstName: 'Sam', clinicName: 'Northside', extra: 1 })).toEqual({
      partnerFirstName: 'Sam',
      clinicName: 'Northside',
    });
    expect(toHomeworkLink({ partnerFirstName: 'Sam' })).toBeUndefined();
  });
});
