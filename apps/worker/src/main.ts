import './register-paths';
import { exitOnStartupFailure, loadConfig } from '@trellis/config';
import { prepareDatabase } from '@trellis/data';
import { assertRedisReachable, evictionPolicyWarning } from '@trellis/jobs';
import { createWorkerApp } from './create-worker-app';

async function main(): Promise<void> {
  const config = loadConfig();
  await prepareDatabase({ url: config.database.url }, { migrate: config.database.migrateOnStart });
  await assertRedisReachable(config.redis.url);
  const warning = await evictionPolicyWarning(config.redis.url);
  if (warning) console.warn(`Trellis worker: ${warning}`);
  const app = await createWorkerApp(config);

  // SIGTERM/SIGINT: stop taking jobs, let in-flight ones finish (BullMQ's worker.close waits for
  // them), then exit. A second signal forces the exit.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`Trellis worker: ${signal} received, finishing in-flight jobs…`);
    app
      .close()
      .then(() => process.exit(0))
      .catch((error) => {
        console.error(`Trellis worker: shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  console.log(
    `Trellis worker running (concurrency ${config.worker.concurrency}, queue prefix "${config.redis.queuePrefix}", heartbeat ${config.worker.heartbeatFile})`,
  );
}

main().catch(exitOnStartupFailure('Trellis worker'));
