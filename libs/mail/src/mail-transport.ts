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

export function createMailSender(smtpUrl: string, from: string): MailSender {
  const transporter: Transporter = createTransport(smtpUrl, { from });
  return {
    async send(email) {
      const info = await transporter.sendMail({
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId: email.messageId,
      });
      return { messageId: info.messageId };
    },
    close() {
      transporter.close();
    },
  };
}
