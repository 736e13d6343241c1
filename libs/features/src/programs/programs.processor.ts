import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trellis/config';
import { JobHandlers, JobName, JobPayloads, QueueName, runJob } from '@trellis/jobs';
import { APP_CONFIG } from '../config/config.tokens';
import { ProgramAdvancer } from './program-advancer';

/**
 * Advances couples along their programs when something may have finished a step. The job carries
 * only ids and re-reads everything in one transaction (ProgramAdvancer): running it twice, or two
 * of them at once, opens the next step once.
 */
@Processor(QueueName.Programs)
export class ProgramsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly advancer: ProgramAdvancer,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.worker.concurrency;
  }

  private readonly handlers: JobHandlers<QueueName.Programs> = {
    [JobName.AdvanceProgram]: (data) => this.advance(data),
  };

  async process(job: Job): Promise<void> {
    return runJob(this.handlers, job);
  }

  private async advance({ coupleId, clinicId }: JobPayloads[JobName.AdvanceProgram]): Promise<void> {
    await this.dataSource.transaction((manager) => this.advancer.advance(manager, clinicId, coupleId));
  }
}
