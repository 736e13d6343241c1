import type { JobState, JobView } from '@trellis/contracts';
import { formatDateTime, relativeTime } from '../common/dates';

// Keyed by string: a queue or job added on the server still shows, by its code.
const QUEUES: Record<string, { label: string; description: string }> = {
  email: {
    label: 'Email',
    description: 'Every email Trellis sends: invitations, password resets, homework links, reminders and digests.',
  },
  reminders: {
    label: 'Homework reminders',
    description: 'Plans and sends the reminders partners get before homework is due.',
  },
  digests: { label: 'Digests', description: 'Weekly digests and the digest sent the day before each session.' },
  accounts: {
    label: 'Account requests',
    description: 'Password-reset requests, looked up after the answer so it never depends on the address.',
  },
};

export const queueLabel = (name: string): string => QUEUES[name]?.label ?? name;
export const queueDescription = (name: string): string | undefined => QUEUES[name]?.description;

const JOB_NAMES: Record<string, string> = {
  'send-email': 'Send an email',
  'plan-reminders': 'Plan reminders',
  'send-reminder': 'Send a reminder',
  'sync-digest-schedules': 'Update digest schedules',
  'weekly-digest': 'Weekly digest',
  'request-password-reset': 'Password-reset request',
  'plan-pre-session-digest': 'Plan a before-session digest',
  'pre-session-digest': 'Before-session digest',
};

export const jobNameLabel = (name: string): string => JOB_NAMES[name] ?? name;

export const JOB_STATE_LABELS: Record<JobState, string> = {
  waiting: 'Waiting',
  active: 'Running',
  delayed: 'Scheduled',
  failed: 'Failed',
  completed: 'Completed',
};

/** What an empty list of jobs in each state means. */
export const JOB_STATE_EMPTY: Record<JobState, string> = {
  failed: 'No failed jobs. A job that fails every attempt stays here, with its error, until you retry or remove it.',
  waiting: 'Nothing waiting: the worker is keeping up.',
  active: 'Nothing running right now.',
  delayed: 'Nothing scheduled. Reminders and before-session digests wait here until it is their time.',
  completed: 'No finished jobs kept. Trellis clears them after a while.',
};

/** "3 of 8 attempts". */
export const attemptsText = (job: Pick<JobView, 'attemptsMade' | 'maxAttempts'>): string =>
  `${job.attemptsMade} of ${job.maxAttempts} ${job.maxAttempts === 1 ? 'attempt' : 'attempts'}`;

/** When the job did (or will do) what its state says. */
export const jobTimeText = (
  job: Pick<JobView, 'state' | 'createdAt' | 'processedAt' | 'finishedAt' | 'delayUntil'>,
  now: Date = new Date(),
): string => {
  switch (job.state) {
    case 'waiting':
      return `Queued ${relativeTime(job.createdAt, now)}`;
    case 'active':
      return `Started ${relativeTime(job.processedAt ?? job.createdAt, now)}`;
    case 'delayed':
      return job.delayUntil
        ? `Runs ${formatDateTime(job.delayUntil)} (${relativeTime(job.delayUntil, now)})`
        : 'Scheduled';
    case 'failed':
      return `Failed ${relativeTime(job.finishedAt ?? job.processedAt ?? job.createdAt, now)}`;
    case 'completed':
      return `Finished ${relativeTime(job.finishedAt ?? job.createdAt, now)}`;
  }
};

/**
 * A job's payload as label/value pairs. Payloads hold ids only; the clinic id is left out (it is
 * always the viewer's own), and `…AtMs` timestamps are shown as dates.
 */
export const jobDataEntries = (data: Record<string, unknown>): [string, string][] =>
  Object.entries(data)
    .filter(([key, value]) => key !== 'clinicId' && value !== null && value !== undefined)
    .map(([key, value]) => {
      if (key.endsWith('AtMs') && typeof value === 'number')
        return [key.slice(0, -2), formatDateTime(new Date(value).toISOString())];
      return [key, typeof value === 'object' ? JSON.stringify(value) : String(value)];
    });
