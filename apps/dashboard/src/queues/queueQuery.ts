import type { JobState } from '@trellis/contracts';

/** The queue counts refresh this often while the page is visible. */
export const QUEUE_REFRESH_MS = 10_000;

export const JOBS_PER_PAGE = 25;

export const DEFAULT_JOB_STATE: JobState = 'failed';

const queuePath = (queue: string) => `/admin/queues/${encodeURIComponent(queue)}`;

/** `GET /admin/queues/{name}/jobs`'s query (page counted from 1, as the API does). */
export const jobsQuery = (state: JobState, page: number, perPage = JOBS_PER_PAGE): URLSearchParams =>
  new URLSearchParams({ state, page: String(page), perPage: String(perPage) });

/** `GET /admin/queues/:name/jobs?state&page&perPage` (page counted from 1, as the API does). */
export const jobsPath = (queue: string, state: JobState, page: number, perPage = JOBS_PER_PAGE): string =>
  `${queuePath(queue)}/jobs?${new URLSearchParams({ state, page: String(page), perPage: String(perPage) }).toString()}`;

/** One job, for retry (`POST …/retry`) and remove (`DELETE`). */
export const jobPath = (queue: string, jobId: string): string =>
  `${queuePath(queue)}/jobs/${encodeURIComponent(jobId)}`;

const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
    ? (error as { status: number }).status
    : undefined;

/** 503: Redis is down. Not a crash; the page says so calmly and keeps checking. */
export const isQueuesUnavailable = (error: unknown): boolean => statusOf(error) === 503;

/** 404 on a job: it finished, was retried or removed meanwhile (or belongs to another clinic). */
export const isJobGone = (error: unknown): boolean => statusOf(error) === 404;
