import { callApi } from '../data/api';

/** Puts a failed job back in the queue (202). */
export const retryJob = async (queue: string, jobId: string): Promise<void> => {
  await callApi('post', '/admin/queues/{name}/jobs/{id}/retry', { params: { name: queue, id: jobId } });
};

/** Deletes a job, whatever its state (204). */
export const removeJob = async (queue: string, jobId: string): Promise<void> => {
  await callApi('delete', '/admin/queues/{name}/jobs/{id}', { params: { name: queue, id: jobId } });
};
