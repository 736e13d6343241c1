import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trellis/config';
import {
  JobHandlers,
  JobName,
  JobPayloads,
  QUEUE_JOB_OPTIONS,
  QueueName,
  queueEmailInTransaction,
  runJob,
} from '@trellis/jobs';
import { APP_CONFIG } from '../config/config.tokens';
import { SessionNoticesRepository } from './session-notices.repository';
import { SessionScheduler } from './session-scheduler';
import { SessionsRepository } from './sessions.repository';

/**
 * How often the roll-forward sweep runs: a couple's next session moves on at most this long after
 * the one before it ends. The pre-session digest for the following session is planned 24 h ahead,
 * so minutes of lag cost nothing; the sweep is one indexed statement when nothing is due.
 */
export const ROLL_FORWARD_EVERY_MS = 5 * 60 * 1000;

/**
 * The schedule's worker side: appointment reminders (delayed jobs planned with each change, re-checked
 * when they fire) and the roll-forward sweep, which keeps each couple's stored `next_session_at`
 * current as sessions end, through `SessionScheduler.refreshNextSession` like every other change.
 */
@Processor(QueueName.Sessions)
export class SessionsProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Sessions) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: SessionScheduler,
    private readonly sessions: SessionsRepository,
    private readonly notices: SessionNoticesRepository,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker.concurrency = this.config.worker.concurrency;
    // One scheduler however many workers start: the id makes it an upsert.
    await this.queue.upsertJobScheduler(
      'roll-forward-next-sessions',
      { every: ROLL_FORWARD_EVERY_MS },
      {
        name: JobName.RollForwardNextSessions,
        data: { clinicId: null },
        opts: QUEUE_JOB_OPTIONS[QueueName.Sessions],
      },
    );
  }

  private readonly handlers: JobHandlers<QueueName.Sessions> = {
    [JobName.SendSessionReminder]: (data) => this.remind(data),
    [JobName.RollForwardNextSessions]: async () => {
      await this.rollForward();
    },
  };

  async process(job: Job): Promise<void> {
    return runJob(this.handlers, job);
  }

  /** Moves every couple whose next session has ended on to its following one; how many moved. */
  async rollForward(): Promise<number> {
    const due = await this.sessions.couplesToRollForward();
    // One small transaction per couple: a failure leaves the others done, and the next sweep retries it.
    for (const { coupleId, clinicId } of due) {
      await this.dataSource.transaction((manager) => this.scheduler.refreshNextSession(manager, clinicId, coupleId));
    }
    return due.length;
  }

  /**
   * A reminder firing: only for a session still scheduled at the start it was planned for, to a
   * partner who consents, of a couple not paused or discharged. The ledger key (session, partner,
   * start) makes a job that runs twice send once.
   */
  private async remind(data: JobPayloads[JobName.SendSessionReminder]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const state = await this.notices.reminderState(manager, data.sessionId, data.clientId, data.clinicId);
      if (
        !state ||
        state.status !== 'scheduled' ||
        state.startsAt.getTime() !== data.startsAtMs ||
        state.startsAt.getTime() <= Date.now() ||
        !state.emailConsent ||
        state.coupleStatus !== 'active'
      )
        return;
      await queueEmailInTransaction(manager, {
        clinicId: data.clinicId,
        template: 'session-reminder',
        subjectIds: { sessionId: data.sessionId, clientId: data.clientId, startsAtMs: String(data.startsAtMs) },
        idempotencyKey: `session-reminder-${data.sessionId}-${data.clientId}-${data.startsAtMs}`,
      });
    });
  }
}
