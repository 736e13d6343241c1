import { describe, expect, it } from '@jest/globals';
import { attemptsText, jobDataEntries, jobNameLabel, jobTimeText, queueDescription, queueLabel } from './queueLabels';

const now = new Date('2026-05-01T12:00:00Z');
const job = {
  state: 'failed' as const,
  createdAt: '2026-05-01T09:00:00.000Z',
  processedAt: '2026-05-01T10:00:00.000Z',
  finishedAt: '2026-05-01T11:00:00.000Z',
  delayUntil: null,
};

describe('queue labels', () => {
  it('names queues and jobs, and shows an unknown one by its code', () => {
    expect(queueLabel('digests')).toBe('Digests');
    expect(queueDescription('email')).toMatch(/invitations/);
    expect(queueLabel('exports')).toBe('exports');
    expect(queueDescription('exports')).toBeUndefined();
    expect(jobNameLabel('send-reminder')).toBe('Send a reminder');
    expect(jobNameLabel('reindex')).toBe('reindex');
  });

  it('counts attempts', () => {
    expect(attemptsText({ attemptsMade: 3, maxAttempts: 8 })).toBe('3 of 8 attempts');
    expect(attemptsText({ attemptsMade: 1, maxAttempts: 1 })).toBe('1 of 1 attempt');
  });

  it('says when, in the terms of the job’s state', () => {
    expect(jobTimeText(job, now)).toBe('Failed 1 hour ago');
    expect(jobTimeText({ ...job, state: 'waiting' }, now)).toBe('Queued 3 hours ago');
    expect(jobTimeText({ ...job, state: 'active' }, now)).toBe('Started 2 hours ago');
    expect(jobTimeText({ ...job, state: 'completed' }, now)).toBe('Finished 1 hour ago');
    expect(jobTimeText({ ...job, state: 'delayed' }, now)).toBe('Scheduled');
    expect(jobTimeText({ ...job, state: 'delayed', delayUntil: '2026-05-02T12:00:00.000Z' }, now)).toMatch(
      /^Runs .+ \(tomorrow\)$/,
    );
  });

  it('lists a payload’s ids, without the clinic, timestamps as dates', () => {
    const entries = jobDataEntries({
      responseId: 'r1',
      clinicId: 'c1',
      n: 2,
      dueAtMs: Date.parse('2026-05-01T16:00:00Z'),
      extra: null,
    });
    expect(entries.slice(0, 2)).toEqual([
      ['responseId', 'r1'],
      ['n', '2'],
    ]);
    expect(entries[2][0]).toBe('dueAt');
    expect(entries[2][1]).toMatch(/2026/);
    expect(entries).toHaveLength(3);
  });
});
