import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trellis/config';
import { planReminders } from '@trellis/domain';
import { JobHandlers, JobName, JobPayloads, QUEUE_JOB_OPTIONS, QueueName, runJob } from '@trellis/jobs';
import { APP_CONFIG } from '../config/config.tokens';
import { HOMEWORK_FACTS_JOINS } from '../homework/homework-email.composer';
import { REMINDER_STILL_WANTED } from './reminder-rule.sql';
import { ReminderSender } from './reminder-sender.service';

export function reminderJobId(responseId: string, n: number): string {
  return `reminder-${responseId}-${n}`;
}

/**
 * Reminders per open response: planned from the database (so a moved due date or a cancellation
 * simply re-plans), fired as delayed jobs with deterministic ids, and re-checked when they fire.
 */
@Processor(QueueName.Reminders)
export class RemindersProcessor extends WorkerHost implements OnApplicationBootstrap {
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

  private readonly handlers: JobHandlers<QueueName.Reminders> = {
    [JobName.PlanReminders]: (data) => this.plan(data.responseId),
    [JobName.SendReminder]: (data) => this.fire(data),
  };

  async process(job: Job): Promise<void> {
    return runJob(this.handlers, job);
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
