import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@trellis/config';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { SmtpCapture } from './smtp-capture';

/** The real worker (relay + processors) sending to a real SMTP listener owned by the test. */
export async function startWorkerWithMailbox(): Promise<{
  worker: INestApplicationContext;
  mailbox: SmtpCapture;
  stop: () => Promise<void>;
}> {
  const mailbox = new SmtpCapture();
  const smtpUrl = await mailbox.start();
  const worker = await createWorkerApp(
    loadConfig({ ...process.env, SMTP_URL: smtpUrl, OUTBOX_RELAY_INTERVAL_MS: '50' }),
  );
  return {
    worker,
    mailbox,
    stop: async () => {
      await worker.close();
      await mailbox.stop();
    },
  };
}
