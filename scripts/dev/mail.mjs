import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { say } from './log.mjs';
import { assertPortFree } from './ports.mjs';

/** Uses SMTP_URL when set; otherwise runs MailDev so invitation and homework emails can be opened. */
export async function ensureMail(root, env) {
  if (env.SMTP_URL) {
    say(`SMTP: ${new URL(env.SMTP_URL).host}`);
    return { url: env.SMTP_URL, webUrl: null, stop: async () => undefined };
  }
  const { MailDev } = await import('maildev');
  const mailDirectory = join(root, '.data', 'mail');
  // Emails may name clients: readable by this user only.
  mkdirSync(mailDirectory, { recursive: true, mode: 0o700 });
  const smtp = Number(env.MAILDEV_SMTP_PORT ?? 1025);
  const web = Number(env.MAILDEV_WEB_PORT ?? 1080);
  await assertPortFree(smtp, {
    what: 'the development mail sink (MailDev SMTP)',
    hint: 'Stop what uses it, or set MAILDEV_SMTP_PORT to a free port (or SMTP_URL to an SMTP server you have).',
  });
  await assertPortFree(web, {
    what: "the development mail sink's web page (MailDev)",
    hint: 'Stop what uses it, or set MAILDEV_WEB_PORT to a free port.',
  });
  const maildev = new MailDev({ smtp, web, ip: '127.0.0.1', webIp: '127.0.0.1', silent: true, mailDirectory });
  await maildev.start();
  return { url: `smtp://127.0.0.1:${smtp}`, webUrl: `http://localhost:${web}`, stop: () => maildev.stop() };
}
