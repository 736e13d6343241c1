/** Every BullMQ queue Trellis uses. */
export enum QueueName {
  Email = 'email',
}

/** Every job, by name. Payloads carry ids only: Redis keeps job data in clear text. */
export enum JobName {
  SendEmail = 'send-email',
}

/** Job name → payload. Enqueueing the wrong payload for a job is a compile error. */
export interface JobPayloads {
  [JobName.SendEmail]: { deliveryId: string };
}

export const JOB_QUEUE: { [J in JobName]: QueueName } = {
  [JobName.SendEmail]: QueueName.Email,
};

export type JobOf<J extends JobName> = { name: J; data: JobPayloads[J] };
