import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '@trellis/config';
import { APP_CONFIG } from '@trellis/features';
import { QueueName } from '@trellis/jobs';
import { HEARTBEAT_INTERVAL_MS, removeHeartbeat, writeHeartbeat } from './heartbeat-file';

/**
 * The worker has no HTTP port; it proves it is alive by rewriting its heartbeat file (HEARTBEAT_FILE,
 * with its pid) while PostgreSQL and Redis answer. `probe.js` (the orchestrator's exec probe) checks
 * the file is fresh and that its writer still runs.
 */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HeartbeatService.name);
  private timer: NodeJS.Timeout | undefined;
  private warned = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Email) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get file(): string {
    return this.config.worker.heartbeatFile;
  }

  onApplicationBootstrap(): void {
    void this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await removeHeartbeat(this.file);
  }

  private async beat(): Promise<void> {
    try {
      await this.dataSource.query('SELECT 1');
      // A cheap round trip through the same connection the processors use.
      await this.queue.count();
    } catch {
      // A stale file is the signal; the probe fails once it is older than the threshold.
      return;
    }
    try {
      await writeHeartbeat(this.file, { pid: process.pid, at: new Date().toISOString() });
    } catch (error) {
      // An unwritable path fails every probe: say why once, instead of leaving only "missing".
      if (!this.warned) this.logger.error(`cannot write the heartbeat ${this.file}: ${(error as Error).message}`);
      this.warned = true;
    }
  }
}
