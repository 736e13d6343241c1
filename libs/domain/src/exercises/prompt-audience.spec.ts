import { longText, scale } from './prompt-builders';
import { audienceOf, partnerAnswersVisibleTo, readersNote, readersOf } from './prompt-audience';
import { validatePromptDefinitions } from './prompt-definition-validation';

const open = longText('open', 'What went well?');
const secret = longText('secret', 'Anything you would like your counselor to know?', { audience: 'counselor_only' });
const mood = scale('mood', 'How is it going?', 'Badly', 'Well');
const prompts = [open, secret, mood];
const answers = { open: 'We cooked together', secret: 'I am scared when he drinks', mood: 7 };
const both = new Date('2026-12-01T10:00:00Z');

describe('who reads an answer', () => {
  it('fails closed: a prompt with no audience, or an unknown one, is for the counselor only', () => {
    expect(audienceOf({})).toBe('counselor_only');
    expect(audienceOf({ audience: 'everyone' })).toBe('counselor_only');
    expect(audienceOf({ audience: 'shared' })).toBe('shared');
  });

  it('names the partner as a reader only for a shared prompt on homework with sharing on', () => {
    expect(readersOf(open, true)).toBe('counselor_and_partner');
    expect(readersOf(open, false)).toBe('counselor');
    expect(readersOf(secret, true)).toBe('counselor');
    expect(readersNote('counselor')).toMatch(/only your counselor/i);
    expect(readersNote('counselor_and_partner')).toMatch(/partner will too/i);
  });
});

describe('partnerAnswersVisibleTo', () => {
  const ask = (over: Partial<Parameters<typeof partnerAnswersVisibleTo>[0]> = {}) =>
    partnerAnswersVisibleTo({
      sharesAnswersAfterBoth: true,
      mySubmittedAt: both,
      partnerSubmittedAt: both,
      prompts,
      partnerAnswers: answers,
      sharingPausedSince: null,
      ...over,
    });

  it('never gives a partner a counselor-only answer, even with sharing on and both submitted', () => {
    const visible = ask();
    expect(visible).toEqual({ open: 'We cooked together', mood: 7 });
    expect(JSON.stringify(visible)).not.toContain('scared');
  });

  it('gives nothing before both submitted or with sharing off', () => {
    expect(ask({ mySubmittedAt: null })).toBeNull();
    expect(ask({ partnerSubmittedAt: null })).toBeNull();
    expect(ask({ sharesAnswersAfterBoth: false })).toBeNull();
  });

  it('drops answers keyed by an id that is not a prompt, and prompts without an audience', () => {
    const legacy = { ...open, id: 'legacy', audience: undefined } as unknown as typeof open;
    expect(
      ask({
        prompts: [open, legacy],
        partnerAnswers: { open: 'a', legacy: 'b', stray: 'c' } as Record<string, string>,
      }),
    ).toEqual({ open: 'a' });
  });

  it('while a safety pause is open, opens no sharing that was not open before it began', () => {
    const before = new Date(both.getTime() - 1000);
    const after = new Date(both.getTime() + 1000);
    // Both submitted before the pause: the page stays exactly as it was.
    expect(ask({ sharingPausedSince: after })).toEqual({ open: 'We cooked together', mood: 7 });
    // The second submission came at or after the pause: nothing is shared.
    expect(ask({ sharingPausedSince: before })).toBeNull();
    expect(ask({ sharingPausedSince: both })).toBeNull();
    expect(ask({ mySubmittedAt: before, partnerSubmittedAt: after, sharingPausedSince: both })).toBeNull();
    expect(ask({ mySubmittedAt: after, partnerSubmittedAt: before, sharingPausedSince: both })).toBeNull();
  });
});

describe('the audience in an authored exercise', () => {
  it('is required and must be one of the two', () => {
    const { audience: _dropped, ...missing } = open;
    expect(validatePromptDefinitions([missing, secret, mood])).toEqual([
      expect.objectContaining({ path: 'prompts[0].audience' }),
    ]);
    expect(validatePromptDefinitions([{ ...open, audience: 'partner' }, secret, mood])).toEqual([
      expect.objectContaining({ path: 'prompts[0].audience' }),
    ]);
    expect(validatePromptDefinitions(prompts)).toEqual([]);
  });
});
