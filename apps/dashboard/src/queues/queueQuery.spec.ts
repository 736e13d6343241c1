import { describe, expect, it } from '@jest/globals';
import { isJobGone, isQueuesUnavailable, jobPath, jobsPath } from './queueQuery';

describe('queue requests', () => {
  it('lists one queue’s jobs in one state, a page at a time', () => {
    expect(jobsPath('email', 'failed', 1)).toBe('/admin/queues/email/jobs?state=failed&page=1&perPage=25');
    expect(jobsPath('a b', 'delayed', 3, 10)).toBe('/admin/queues/a%20b/jobs?state=delayed&page=3&perPage=10');
  });

  it('encodes job ids, which BullMQ lets callers choose', () => {
    expect(jobPath('digests', 'pre-session-c1')).toBe('/admin/queues/digests/jobs/pre-session-c1');
    expect(jobPath('email', 'a/b')).toBe('/admin/queues/email/jobs/a%2Fb');
  });

  it('tells an unreachable Redis and a vanished job from other failures', () => {
    expect(isQueuesUnavailable({ status: 503 })).toBe(true);
    expect(isQueuesUnavailable({ status: 500 })).toBe(false);
    expect(isQueuesUnavailable(new Error('boom'))).toBe(false);
    expect(isJobGone({ status: 404 })).toBe(true);
    expect(isJobGone(undefined)).toBe(false);
  });
});
