export const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface QueueCounts {
  name: string;
  counts: Record<JobState, number>;
}

/** A job as admins see it: ids and outcome only (payloads hold ids, never clinical text). */
export interface JobView {
  id: string;
  queue: string;
  name: string;
  state: JobState;
  data: Record<string, unknown>;
  attemptsMade: number;
  maxAttempts: number;
  failedReason: string | null;
  createdAt: string;
  processedAt: string | null;
  finishedAt: string | null;
  delayUntil: string | null;
}
