import { httpClient } from '../data/httpClient';
import { jobPath } from './queueQuery';

/** Puts a failed job back in the queue (202). */
export const retryJob = async (queue: string, jobId: string): Promise<void> => {
  await httpClient<void>(`${jobPath(queue, jobId)}/retry`, { method: 'POST' });
};

/** Deletes a job, whatever its state (204). */
export const removeJob = async (queue: string, jobId: string): Promise<void> => {
  await httpClient<void>(jobPath(queue, jobId), { method: 'DELETE' });
};
