import { createTransport, Transporter } from 'nodemailer';
import { RenderedEmail } from './rendered-email';

export interface OutgoingEmail extends RenderedEmail {
  to: string;
  /** Stable per delivery, so a receiving server can spot the rare duplicate after a crash mid-send. */
  messageId: string;
}

export interface MailSender {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

export function createMailSender(smtpUrl: string, from: string, maxConnections = 5): MailSender {
  // Pooled: a new SMTP connection (and TLS handshake) per message capped the pipeline at a few
  // dozen emails a second; a few kept-open connections remove that cost. nodemailer recycles a
  // pooled connection after 100 messages by default; 1,000 keeps that reconnect out of bursts
  // (10-20 % more emails a second in the benchmark) while still renewing connections now and then.
  // Timeouts in seconds, not nodemailer's minutes: a batch of reminders keeps its partners'
  // responses locked until every send settles, and a partner saving an answer waits on that lock.
  const transporter: Transporter = createTransport(
    {
      url: smtpUrl,
      pool: true,
      maxConnections,
      maxMessages: 1000,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    } as Parameters<typeof createTransport>[0],
    { from },
  );
  // Only the display name may change per email: the address stays the configured (authenticated) one.
  const fromAddress = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
  return {
    async send(email) {
      const info = await transporter.sendMail({
        ...(email.fromName ? { from: { name: email.fromName, address: fromAddress } } : {}),
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId: email.messageId,
        ...(email.calendar
          ? { icalEvent: { method: email.calendar.method, filename: 'invite.ics', content: email.calendar.content } }
          : {}),
      });
      return { messageId: info.messageId };
    },
    close() {
      transporter.close();
    },
  };
}
