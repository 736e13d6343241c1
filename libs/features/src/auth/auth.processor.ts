import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { JobHandlers, JobName, QueueName, runJob } from '@trellis/jobs';
import { PasswordResetRequestsService } from './password-reset-requests.service';

/** Account requests the API answered at once and left to the worker (password reset). */
@Processor(QueueName.Accounts)
export class AuthProcessor extends WorkerHost {
  constructor(private readonly resetRequests: PasswordResetRequestsService) {
    super();
  }

  private readonly handlers: JobHandlers<QueueName.Accounts> = {
    [JobName.RequestPasswordReset]: (data) => this.resetRequests.handle(data.requestId),
  };

  async process(job: Job): Promise<void> {
    return runJob(this.handlers, job);
  }
}
