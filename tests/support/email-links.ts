/**
 * Reading links out of real emails captured by SmtpCapture, the way a mail client would: each MIME
 * part is decoded (quoted-printable or base64) before looking for the link.
 */

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
