import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trellis/config';
import { Assignment, Client, Couple, HomeworkResponse } from '@trellis/data';
import { planReminders } from '@trellis/domain';
import { JobName, JobPayloads, QUEUE_JOB_OPTIONS, QueueName, queueEmailInTransaction } from '@trellis/jobs';
import { APP_CONFIG } from '../worker.tokens';

type ReminderJob = Job<JobPayloads[JobName.PlanReminders] | JobPayloads[JobName.SendReminder], void, string>;

export function reminderJobId(responseId: string, n: number): string {
  return `reminder-${responseId}-${n}`;
}

/**
 * Reminders per open response: planned from the database (so a moved due date or a cancellation
 * simply re-plans), fired as delayed jobs with deterministic ids, and re-checked when they fire.
 */
@Processor(QueueName.Reminders)
export class RemindersProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(RemindersProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.worker.concurrency;
  }

  async process(job: ReminderJob): Promise<void> {
    if (job.name === JobName.PlanReminders) return this.plan((job.data as JobPayloads[JobName.PlanReminders]).responseId);
    if (job.name === JobName.SendReminder) return this.fire(job.data as JobPayloads[JobName.SendReminder]);
    this.logger.warn(`unknown reminders job ${job.name}`);
  }

  /** The state a reminder depends on, or null when nothing should be sent any more. */
  private async openState(responseId: string) {
    const response = await this.dataSource.getRepository(HomeworkResponse).findOneBy({ id: responseId });
    if (!response || response.submittedAt || response.linkRevokedAt) return null;
    const assignment = await this.dataSource.getRepository(Assignment).findOneBy({ id: response.assignmentId });
    if (!assignment || assignment.cancelledAt || assignment.reviewedAt) return null;
    const client = await this.dataSource.getRepository(Client).findOneBy({ id: response.clientId });
    const couple = await this.dataSource.getRepository(Couple).findOneBy({ id: assignment.coupleId });
    if (!client?.emailConsent || !couple || couple.status !== 'active') return null;
    return { response, assignment, client };
  }

  private async plan(responseId: string): Promise<void> {
    const slots = this.config.reminders.offsetsHours.length + 1;
    // Clear every slot first: a re-plan replaces the old schedule instead of adding to it.
    for (let n = 1; n <= slots; n += 1) {
      await this.queue.remove(reminderJobId(responseId, n)).catch(() => 0);
    }
    const state = await this.openState(responseId);
    if (!state) return;
    const now = Date.now();
    const plan = planReminders({
      dueAt: state.assignment.dueAt,
      timezone: state.client.timezone,
      now,
      offsetsHours: this.config.reminders.offsetsHours,
      overdueNudgeHours: this.config.reminders.overdueNudgeHours,
    });
    for (const slot of plan) {
      await this.queue.add(
        JobName.SendReminder,
        { responseId, clinicId: state.response.clinicId, n: slot.n, dueAtMs: state.assignment.dueAt.getTime() },
        { ...QUEUE_JOB_OPTIONS[QueueName.Reminders], jobId: reminderJobId(responseId, slot.n), delay: Math.max(0, slot.sendAt.getTime() - now) },
      );
    }
  }

  private async fire(data: JobPayloads[JobName.SendReminder]): Promise<void> {
    const state = await this.openState(data.responseId);
    // Stale: planned for a due date that has since moved (the re-plan made its own jobs).
    if (!state || state.assignment.dueAt.getTime() !== data.dueAtMs) return;
    const overdue = Date.now() > data.dueAtMs;
    await this.dataSource.transaction((manager) =>
      queueEmailInTransaction(manager, {
        clinicId: state.response.clinicId,
        template: 'homework-reminder',
        subjectIds: { responseId: data.responseId, kind: overdue ? 'overdue' : 'before_due' },
        // One email per slot per due date, however often the job runs.
        idempotencyKey: `reminder-${data.responseId}-${data.n}-${data.dueAtMs}`,
      }),
    );
  }
}
