import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { writeFile, rm } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { QueueName } from '@trellis/jobs';
import { HEARTBEAT_FILE, HEARTBEAT_INTERVAL_MS } from './heartbeat-file';

/**
 * The worker has no HTTP port; it proves it is alive by touching a file while PostgreSQL and Redis
 * answer. `probe.js` (the orchestrator's exec probe) checks the file is fresh.
 */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Email) private readonly queue: Queue,
  ) {}

  onApplicationBootstrap(): void {
    void this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await rm(HEARTBEAT_FILE, { force: true });
  }

  private async beat(): Promise<void> {
    try {
      await this.dataSource.query('SELECT 1');
      // A cheap round trip through the same connection the processors use.
      await this.queue.count();
      await writeFile(HEARTBEAT_FILE, new Date().toISOString());
    } catch {
      // A stale file is the signal; the probe fails once it is older than the threshold.
    }
  }
}
