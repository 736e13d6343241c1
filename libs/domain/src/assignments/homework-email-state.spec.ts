import { homeworkEmailState } from './homework-email-state';

describe('homeworkEmailState', () => {
  const base = { emailConsent: true, lastSentAt: null, pending: false, failed: false };
  const sent = new Date('2026-12-01T10:00:00Z');

  it.each([
    ['queued for a consenting partner', { pending: true }, 'sending'],
    [
      'queued but consent withdrawn since: the worker will not send it',
      { pending: true, emailConsent: false },
      'no_consent',
    ],
    ['sent earlier, consent withdrawn since: it still went out', { lastSentAt: sent, emailConsent: false }, 'sent'],
    ['a fresh link queued after an earlier send', { lastSentAt: sent, pending: true }, 'sending'],
    ['sent', { lastSentAt: sent }, 'sent'],
    ['never queued, no consent', { emailConsent: false }, 'no_consent'],
    ['failed for good', { failed: true }, 'failed'],
    ['failed, then a later one sent', { failed: true, lastSentAt: sent }, 'sent'],
    ['nothing queued, nothing sent, consenting', {}, 'not_sent'],
  ] as const)('%s', (_name, facts, expected) => {
    expect(homeworkEmailState({ ...base, ...facts })).toBe(expected);
  });
});
