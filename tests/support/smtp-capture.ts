import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CapturedEmail {
  to: string[];
  raw: string;
  subject: string;
  /** When the message was accepted (ms since the epoch): benchmarks time the last one. */
  acceptedAt: number;
}

/** A real SMTP listener on a free local port; records every message it accepts. */
export class SmtpCapture {
  readonly messages: CapturedEmail[] = [];
  /** Set to an Error to make the server refuse messages (SMTP outage). */
  refuseWith: Error | null = null;
  /** While set, messages are read but not answered: the sender is stuck mid-send (crash tests). */
  holdReplies = false;
  /** Messages received while holding, not yet accepted. */
  held = 0;
  /**
   * Called with each message once it is recorded as delivered, before the sender hears "250":
   * a crash test kills the sender here, so the message is delivered and its sender never knew.
   */
  onAccepted: ((email: CapturedEmail) => void) | null = null;
  private server: SMTPServer;

  async start(): Promise<string> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.refuseWith) return callback(this.refuseWith);
          // Never answered: only a message whose DATA was acknowledged counts as delivered.
          if (this.holdReplies) {
            this.held += 1;
            return;
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          const subject = /^Subject: (.*)$/im.exec(raw)?.[1]?.trim() ?? '';
          const email = { to: session.envelope.rcptTo.map((r) => r.address), raw, subject, acceptedAt: Date.now() };
          this.messages.push(email);
          this.onAccepted?.(email);
          callback();
        });
      },
    });
    // A sender killed mid-conversation (the reliability tests SIGKILL workers) resets its
    // connection: expected there, and the message it was sending simply never counts.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** Waits for the first message to `address` (matching `subject` when given). */
  async waitForMessageTo(address: string, subject?: RegExp, timeoutMs = 10_000): Promise<CapturedEmail> {
    const started = Date.now();
    for (;;) {
      const found = this.messages.find((m) => m.to.includes(address) && (!subject || subject.test(m.subject)));
      if (found) return found;
      if (Date.now() - started > timeoutMs) throw new Error(`no email to ${address} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  messagesTo(address: string): CapturedEmail[] {
    return this.messages.filter((m) => m.to.includes(address));
  }

  async waitFor(count: number, timeoutMs = 10_000): Promise<CapturedEmail[]> {
    const started = Date.now();
    while (this.messages.length < count) {
      if (Date.now() - started > timeoutMs) {
        throw new Error(`expected ${count} email(s), got ${this.messages.length} within ${timeoutMs} ms`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.messages;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
