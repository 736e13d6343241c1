import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '@trellis/config';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { SmtpCapture } from './smtp-capture';

export interface WorkerWithMailbox {
  worker: INestApplicationContext;
  mailbox: SmtpCapture;
  stop: () => Promise<void>;
}

/**
 * Like startWorkerWithMailbox, with settings of the caller's on top of the run's environment: the
 * browser tests give the worker the API's real origin as PUBLIC_URL, so emailed links open the app
 * under test. SMTP_URL always points at the test's own mailbox.
 */
export async function startWorkerWithMailboxUsing(env: NodeJS.ProcessEnv = {}): Promise<WorkerWithMailbox> {
  const mailbox = new SmtpCapture();
  const smtpUrl = await mailbox.start();
  let worker: INestApplicationContext;
  try {
    worker = await createWorkerApp(
      loadConfig({ ...process.env, OUTBOX_RELAY_INTERVAL_MS: '50', ...env, SMTP_URL: smtpUrl }),
    );
  } catch (error) {
    await mailbox.stop();
    throw error;
  }
  return {
    worker,
    mailbox,
    stop: async () => {
      await worker.close();
      await mailbox.stop();
    },
  };
}
