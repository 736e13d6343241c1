import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trellis/config';
import { createFailFastRedis, QueueName, relayOutboxBatch } from '@trellis/jobs';
import { APP_CONFIG } from '@trellis/features';

/**
 * Polls the outbox and relays waiting rows to BullMQ. Polling (not LISTEN/NOTIFY) keeps it simple
 * and robust across reconnects; a full batch is followed at once by the next one.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private lastErrorLogged = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Producers on a fail-fast connection: while Redis is down an add fails at once (and the row
  // waits in PostgreSQL) instead of queueing in memory where a crash would lose it.
  private readonly connection = createFailFastRedis(this.config.redis.url).on('error', () => undefined);
  private readonly queues = new Map<QueueName, Queue>(
    Object.values(QueueName).map((name) => {
      const queue = new Queue(name, { connection: this.connection, prefix: this.config.redis.queuePrefix });
      // Outages are reported once by the relay loop (throttled), not per reconnect attempt.
      queue.on('error', () => undefined);
      return [name, queue] as const;
    }),
  );

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.connection.disconnect();
  }

  /** One pass; returns how many rows were relayed (also used by tests). */
  async relayOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const { relayed, failed } = await relayOutboxBatch(this.dataSource, this.queues);
      total += relayed;
      if (failed > 0 || relayed < 100) return total;
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.relayOnce()
        .then(() => undefined)
        .catch((error) => this.logThrottled(error))
        .finally(() => this.schedule(this.config.worker.relayIntervalMs));
    }, delay);
  }

  private logThrottled(error: unknown): void {
    if (Date.now() - this.lastErrorLogged < 30_000) return;
    this.lastErrorLogged = Date.now();
    this.logger.warn(`outbox relay paused: ${(error as Error).message}; rows wait in PostgreSQL`);
  }
}
