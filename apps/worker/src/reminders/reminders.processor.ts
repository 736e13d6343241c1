import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trellis/config';
import { planReminders } from '@trellis/domain';
import { JobName, JobPayloads, QUEUE_JOB_OPTIONS, QueueName } from '@trellis/jobs';
import { APP_CONFIG } from '../worker.tokens';
import { HOMEWORK_FACTS_JOINS, REMINDER_STILL_WANTED } from '../email/composers/homework.composer';
import { ReminderSender } from './reminder-sender.service';

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
    private readonly reminderSender: ReminderSender,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.worker.concurrency;
  }

  async process(job: ReminderJob): Promise<void> {
    if (job.name === JobName.PlanReminders)
      return this.plan((job.data as JobPayloads[JobName.PlanReminders]).responseId);
    if (job.name === JobName.SendReminder) return this.fire(job.data as JobPayloads[JobName.SendReminder]);
    this.logger.warn(`unknown reminders job ${job.name}`);
  }

  /** What a reminder needs of an open response, or null when nothing should be sent any more. */
  private async openState(responseId: string): Promise<{ clinicId: string; dueAt: Date; timezone: string } | null> {
    const rows: { clinic_id: string; due_at: Date; timezone: string }[] = await this.dataSource.query(
      `SELECT r.clinic_id, a.due_at, cl.timezone FROM homework_response r ${HOMEWORK_FACTS_JOINS} WHERE r.id = $1 AND ${REMINDER_STILL_WANTED}`,
      [responseId],
    );
    return rows[0] ? { clinicId: rows[0].clinic_id, dueAt: rows[0].due_at, timezone: rows[0].timezone } : null;
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
      dueAt: state.dueAt,
      timezone: state.timezone,
      now,
      offsetsHours: this.config.reminders.offsetsHours,
      overdueNudgeHours: this.config.reminders.overdueNudgeHours,
    });
    for (const slot of plan) {
      await this.queue.add(
        JobName.SendReminder,
        { responseId, clinicId: state.clinicId, n: slot.n, dueAtMs: state.dueAt.getTime() },
        {
          ...QUEUE_JOB_OPTIONS[QueueName.Reminders],
          jobId: reminderJobId(responseId, slot.n),
          delay: Math.max(0, slot.sendAt.getTime() - now),
        },
      );
    }
  }

  /** Batched with the other reminders firing now: see ReminderSender. */
  private fire(data: JobPayloads[JobName.SendReminder]): Promise<void> {
    return this.reminderSender.send(data);
  }
}
