// The jobs benchmark's baseline: a bare BullMQ worker with a processor that does nothing, in a
// process of its own as the real worker is. Usage: node noop-worker.mjs <queue> <concurrency>
// (REDIS_URL and QUEUE_PREFIX from the environment). Prints "ready" once it is listening.
import { Worker } from 'bullmq';

const [queue, concurrency] = process.argv.slice(2);
const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const worker = new Worker(queue, async () => undefined, {
  connection: {
    host: url.hostname,
    port: Number(url.port || 6379),
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    maxRetriesPerRequest: null,
  },
  prefix: process.env.QUEUE_PREFIX,
  concurrency: Number(concurrency),
});
await worker.waitUntilReady();
process.stdout.write('ready\n');
process.on('SIGTERM', () => worker.close().then(() => process.exit(0)));
