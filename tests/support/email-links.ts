/**
 * Reading links out of real emails captured by SmtpCapture, the way a mail client would: each MIME
 * part is decoded (quoted-printable or base64) before looking for the link.
 */
import request from 'supertest';

function decodeQuotedPrintable(body: string): string {
  const softBreaksRemoved = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < softBreaksRemoved.length; i++) {
    const char = softBreaksRemoved[i];
    const hex = softBreaksRemoved.slice(i + 1, i + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodePart(part: string): string {
  const split = /\r?\n\r?\n/.exec(part);
  if (!split) return part;
  const headers = part.slice(0, split.index);
  const body = part.slice(split.index + split[0].length);
  const encoding = /^Content-Transfer-Encoding:\s*([\w-]+)/im.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** Every part of a raw message, decoded, joined (headers of the parts are kept: harmless here). */
export function decodedEmailText(raw: string): string {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/gi)].map((m) => m[1]);
  if (boundaries.length === 0) return decodePart(raw);
  const pattern = new RegExp(boundaries.map((b) => `--${b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?`).join('|'));
  return raw
    .split(pattern)
    .map((part) => decodePart(part.replace(/^\r?\n/, '')))
    .join('\n');
}

/** The message's HTML part, decoded, as a mail client would render it. */
export function emailHtml(raw: string): string {
  const boundaries = [...raw.matchAll(/boundary="?([^";\r\n]+)"?/gi)].map((m) => m[1]);
  const pattern = new RegExp(boundaries.map((b) => `--${escapeRegExp(b)}(?:--)?`).join('|'));
  const parts = boundaries.length ? raw.split(pattern) : [raw];
  const html = parts.find((part) => /^Content-Type:\s*text\/html/im.test(part));
  if (!html) throw new Error('no HTML part in the email');
  return decodePart(html.replace(/^\r?\n/, ''));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The homework link (`<origin>/h/<token>`) in an email; fails if it points anywhere else. */
export function homeworkLinkFromEmail(raw: string, origin: string): string {
  const match = new RegExp(`${escapeRegExp(origin)}/h/[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`).exec(decodedEmailText(raw));
  if (!match) throw new Error(`no homework link to ${origin} in the email:\n${decodedEmailText(raw).slice(0, 2000)}`);
  return match[0];
}

/** A dashboard link such as `<origin>/#/accept-invitation?token=…`. */
export function dashboardLinkFromEmail(raw: string, origin: string, route: string): string {
  const match = new RegExp(`${escapeRegExp(origin)}/#/${escapeRegExp(route)}\\?token=[A-Za-z0-9_-]+`).exec(
    decodedEmailText(raw),
  );
  if (!match) throw new Error(`no ${route} link to ${origin} in the email:\n${decodedEmailText(raw).slice(0, 2000)}`);
  return match[0];
}

/** The links Trellis emails, each with the look-up that tells whether it works and changes nothing. */
const EMAILED_LINKS = {
  invitation: { token: /#\/accept-invitation\?token=([A-Za-z0-9_-]+)/, lookup: '/api/v1/auth/invitations/lookup' },
  'password-reset': {
    token: /#\/reset-password\?token=([A-Za-z0-9_-]+)/,
    lookup: '/api/v1/auth/password-reset/lookup',
  },
  homework: { token: /\/h\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/, lookup: '/api/v1/homework/link' },
  'check-in': { token: /\/h\/c\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/, lookup: '/api/v1/check-ins/link' },
  'agreement-review': {
    token: /\/h\/a\/([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
    lookup: '/api/v1/agreement-reviews/link',
  },
} as const;

export type EmailedLinkKind = keyof typeof EMAILED_LINKS;

/** The token of the link of that kind in an email (decoded first); fails if there is none. */
export function tokenFromEmail(raw: string, kind: EmailedLinkKind): string {
  const text = decodedEmailText(raw);
  const match = EMAILED_LINKS[kind].token.exec(text);
  if (!match) throw new Error(`no ${kind} link in the email:\n${text.slice(0, 2000)}`);
  return match[1];
}

/**
 * Follows an emailed link the way its recipient would: reads the token, then asks the link's
 * look-up (which changes nothing) until it answers (200, or a status in `settlesWith`: a link that
 * works but is refused, say), and returns the token with that answer.
 *
 * The worker stores a link's hash in the transaction that sends its email, and that transaction
 * commits just after the SMTP server accepted the message; a test (or a very quick person) can
 * hold the email before the link works (docs/reliability.md, "An emailed link in its first
 * milliseconds"). Reading the token and using it at once made tests flaky; every test that answers
 * an emailed link comes through here. The look-ups back off (50 ms doubling to 1 s) because they
 * count against the per-address link limit, 30 per 15 minutes, which a 429 here reports plainly.
 */
export async function followEmailedLink(
  server: Parameters<typeof request>[0],
  raw: string,
  kind: EmailedLinkKind,
  { settlesWith = [200], timeoutMs = 15_000 }: { settlesWith?: number[]; timeoutMs?: number } = {},
): Promise<{ token: string; answer: request.Response }> {
  const token = tokenFromEmail(raw, kind);
  const started = Date.now();
  for (let pause = 50; ; pause = Math.min(pause * 2, 1000)) {
    const answer = await request(server).post(EMAILED_LINKS[kind].lookup).send({ token });
    if (settlesWith.includes(answer.status)) return { token, answer };
    if (answer.status === 429) throw new Error(`the ${kind} link look-up limit is used up in this test file`);
    if (answer.status !== 404 || Date.now() - started > timeoutMs)
      throw new Error(`the emailed ${kind} link does not work: ${answer.status} ${JSON.stringify(answer.body)}`);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
