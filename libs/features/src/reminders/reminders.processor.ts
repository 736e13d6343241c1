import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { AppConfig } from '@trellis/config';
import { planReminders } from '@trellis/domain';
import { JobHandlers, JobName, JobPayloads, QUEUE_JOB_OPTIONS, QueueName, runJob } from '@trellis/jobs';
import { APP_CONFIG } from '../config/config.tokens';
import { ReminderSender } from './reminder-sender.service';
import { RemindersRepository } from './reminders.repository';
import { SafetyCheckInsService } from '../safety/safety-check-ins.service';

/** How often the check-in sweep looks for couples due one (intervals are whole days). */
const CHECK_IN_SWEEP_MS = 3600 * 1000;

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
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reminderSender: ReminderSender,
    private readonly reminders: RemindersRepository,
    private readonly checkIns: SafetyCheckInsService,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.worker.concurrency = this.config.worker.concurrency;
    // One scheduler however many workers start: the id makes it an upsert.
    await this.queue.upsertJobScheduler(
      'safety-check-ins',
      { every: CHECK_IN_SWEEP_MS },
      { name: JobName.SendSafetyCheckIns, data: { clinicId: null }, opts: QUEUE_JOB_OPTIONS[QueueName.Reminders] },
    );
  }

  private readonly handlers: JobHandlers<QueueName.Reminders> = {
    [JobName.PlanReminders]: (data) => this.plan(data.responseId),
    [JobName.SendReminder]: (data) => this.fire(data),
    [JobName.SendSafetyCheckIns]: async () => {
      await this.checkIns.sendDue();
    },
  };

  async process(job: Job): Promise<void> {
    return runJob(this.handlers, job);
  }

  private async plan(responseId: string): Promise<void> {
    const slots = this.config.reminders.offsetsHours.length + 1;
    // Clear every slot first: a re-plan replaces the old schedule instead of adding to it.
    for (let n = 1; n <= slots; n += 1) {
      await this.queue.remove(reminderJobId(responseId, n)).catch(() => 0);
    }
    const state = await this.reminders.openForReminders(responseId);
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
