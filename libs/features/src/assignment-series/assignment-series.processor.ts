import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trellis/config';
import { JobHandlers, JobName, JobPayloads, QueueName, runJob } from '@trellis/jobs';
import type { AnonymousActor } from '../actor/actor';
import { APP_CONFIG } from '../config/config.tokens';
import { AssignmentSeriesRepository } from './assignment-series.repository';
import { SeriesAdvancer } from './series-advancer';

const SYSTEM: AnonymousActor = { kind: 'anonymous', ip: null, userAgent: null, requestId: 'assignment-series' };

/**
 * Each occurrence of a series after the first: a delayed job (deterministic id per series,
 * occurrence and revision, written through the outbox by whatever issued the one before or edited
 * the rule) that re-reads the series and the couple under a row lock when it fires. A stale job
 * (the series was edited, stopped or has moved on) does nothing, so one that runs twice issues once.
 */
@Processor(QueueName.AssignmentSeries)
export class AssignmentSeriesProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly seriesRows: AssignmentSeriesRepository,
    private readonly advancer: SeriesAdvancer,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.worker.concurrency;
  }

  private readonly handlers: JobHandlers<QueueName.AssignmentSeries> = {
    [JobName.IssueSeriesOccurrence]: (data) => this.issue(data),
  };

  async process(job: Job): Promise<void> {
    return runJob(this.handlers, job);
  }

  private async issue(data: JobPayloads[JobName.IssueSeriesOccurrence]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const found = await this.seriesRows.lockToAdvance(manager, data.clinicId, data.seriesId);
      if (!found) return;
      await this.advancer.advance(
        manager,
        found,
        { occurrence: data.occurrence, revision: data.revision },
        SYSTEM,
        new Date(),
      );
    });
  }
}
