import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job, Queue } from 'bullmq';
import type { Server } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trellis/config';
import {
  APP_CONFIG,
  cachedFor,
  closeMetricsServer,
  registerDatabasePoolMetrics,
  serveMetrics,
} from '@trellis/features';
import { JobName, QueueName } from '@trellis/jobs';
import { MailSender } from '@trellis/mail';
import { readOutboxBacklog } from './outbox-backlog.query';

/** Queue states an operator acts on; `completed` only grows and says nothing about health. */
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** Scrapes within this window share one read of Redis and one of PostgreSQL. */
const SCRAPE_CACHE_MS = 5_000;

/**
 * The worker's metrics: queues and outbox (read on scrape, cached briefly), pool use, emails sent
 * and failed (counted where every message passes: the SMTP sender), and reminder lateness (when a
 * reminder job starts against when it was planned). Served on METRICS_PORT when it is set.
 */
@Injectable()
export class WorkerMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly registry = new Registry();
  private server: Server | undefined;

  private readonly emails = new Counter({
    name: 'trellis_emails_total',
    help: 'Messages handed to SMTP, by outcome (sent: accepted by the server; failed: refused or unreachable)',
    labelNames: ['outcome'],
    registers: [this.registry],
  });

  private readonly reminderLateness = new Histogram({
    name: 'trellis_reminder_lateness_seconds',
    help: 'When a reminder job started minus when it was planned to (first attempts only)',
    buckets: [1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 24 * 3600],
    registers: [this.registry],
  });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly discovery: DiscoveryService,
  ) {
    collectDefaultMetrics({ register: this.registry });
    registerDatabasePoolMetrics(this.registry, dataSource);
    this.registerQueueGauges();
    this.registerOutboxGauges();
    // Zero from the start, so a rate() over the first failures has a point to start from.
    this.emails.inc({ outcome: 'sent' }, 0);
    this.emails.inc({ outcome: 'failed' }, 0);
  }

  /** Counts every message the worker sends, whichever path (email queue, batched reminders) sends it. */
  countSends(sender: MailSender): MailSender {
    return {
      send: async (email) => {
        try {
          const result = await sender.send(email);
          this.emails.inc({ outcome: 'sent' });
          return result;
        } catch (error) {
          this.emails.inc({ outcome: 'failed' });
          throw error;
        }
      },
      close: () => sender.close(),
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    this.watchReminderStarts();
    if (this.config.metrics) this.server = await serveMetrics(this.registry, this.config.metrics);
  }

  async onApplicationShutdown(): Promise<void> {
    await closeMetricsServer(this.server);
  }

  private registerQueueGauges(): void {
    // Looked up on first scrape: the queue providers may not exist yet while this one is built.
    const queue = (name: QueueName) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
    const counts = cachedFor(SCRAPE_CACHE_MS, () =>
      Promise.all(
        Object.values(QueueName).map(async (name) => [name, await queue(name).getJobCounts(...QUEUE_STATES)] as const),
      ),
    );
    new Gauge({
      name: 'trellis_queue_jobs',
      help: 'Jobs per queue and state (waiting, active, delayed, failed)',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        for (const [queue, byState] of await counts()) {
          for (const state of QUEUE_STATES) this.set({ queue, state }, byState[state] ?? 0);
        }
      },
    });
  }

  private registerOutboxGauges(): void {
    const backlog = cachedFor(SCRAPE_CACHE_MS, () => readOutboxBacklog(this.dataSource));
    new Gauge({
      name: 'trellis_outbox_backlog_rows',
      help: 'Outbox rows written by a transaction and not yet relayed to Redis',
      registers: [this.registry],
      async collect() {
        this.set((await backlog()).rows);
      },
    });
    new Gauge({
      name: 'trellis_outbox_oldest_age_seconds',
      help: 'Age of the oldest outbox row not yet relayed (0 when none waits)',
      registers: [this.registry],
      async collect() {
        this.set((await backlog()).oldestAgeSeconds);
      },
    });
  }

  /** Every BullMQ worker of this process reports its starts; reminders are timed against their plan. */
  private watchReminderStarts(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const host = wrapper.instance as unknown;
      if (!(host instanceof WorkerHost)) continue;
      host.worker.on('active', (job: Job) => {
        if (job.name !== JobName.SendReminder || job.attemptsMade > 0) return;
        const planned = job.timestamp + (job.opts.delay ?? 0);
        this.reminderLateness.observe(Math.max(0, ((job.processedOn ?? Date.now()) - planned) / 1000));
      });
    }
  }
}
