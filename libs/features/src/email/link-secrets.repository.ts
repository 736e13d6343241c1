import type { DataSource, EntityManager } from 'typeorm';
import type { EmailTemplateName } from '@trellis/contracts';

/** A link's secret for one email: the raw token goes only into the message, the hash is stored. */
export interface LinkSecret {
  token: string;
  hash: string;
}

/** The templates whose email carries a personal link minted at send time. */
export const LINK_TEMPLATES: ReadonlySet<EmailTemplateName> = new Set<EmailTemplateName>([
  'staff-invitation',
  'password-reset',
  'homework-assigned',
  'homework-link',
  'homework-reminder',
  'homework-reply',
  'check-in',
  'agreement-review',
  'agreement-confirmation',
]);

/*
 * Why a link secret is recorded before its email is sent (issue 21).
 *
 * A link is minted at send time and its hash stored on the record it opens in the same transaction
 * as the send, which commits just after the SMTP server accepted the message. A worker killed in
 * between loses that hash; the email queue sends the delivery again with a new secret under the
 * same Message-ID, and a mail server that drops duplicates by Message-ID keeps the first email,
 * whose link would never work.
 *
 * So each secret's hash is first committed on its own (`recordIssuedLinkSecrets`, autocommit,
 * before the send's transaction opens), under the delivery's idempotency key, which is what the
 * Message-ID is made of. The send's transaction marks the one it stored (`markLinkSecretsStored`),
 * or drops it when it is the delivery's only one (the usual case: nothing else needs to find it).
 * A look-up (`currentLinkHash`) turns the hash of any secret minted for a delivery into the hash
 * that delivery finally stored, and continues with it: the first email's link then opens what the
 * resend's link opens, no more, and stops when it stops (expiry, revocation, use, a newer link
 * from another email). Secrets stay random (nothing is derived from ids) and only hashes are kept.
 */

/** Commits the hashes on their own, before anything is sent; one statement. */
export async function recordIssuedLinkSecrets(
  dataSource: DataSource,
  secrets: readonly { deliveryKey: string; hash: string }[],
): Promise<void> {
  if (!secrets.length) return;
  await dataSource.query(
    `INSERT INTO email_link_secret (token_hash, delivery_key)
     SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
    [secrets.map((s) => s.hash), secrets.map((s) => s.deliveryKey)],
  );
}

/**
 * In the send's transaction: these are the hashes the records now hold. A secret alone for its
 * delivery (the usual case: the first attempt went through) is dropped instead, since no other
 * email's link needs to find it; so the table keeps only deliveries that were sent more than once.
 * A crash before the commit rolls the drop back with the rest.
 */
export async function markLinkSecretsStored(manager: EntityManager, hashes: readonly string[]): Promise<void> {
  if (!hashes.length) return;
  await manager.query(
    `WITH alone AS (
       SELECT m.token_hash FROM email_link_secret m
       WHERE m.token_hash = ANY($1::text[])
         AND NOT EXISTS (SELECT 1 FROM email_link_secret o
                         WHERE o.delivery_key = m.delivery_key AND o.token_hash <> m.token_hash)
     ), dropped AS (
       DELETE FROM email_link_secret WHERE token_hash IN (SELECT token_hash FROM alone)
     )
     UPDATE email_link_secret SET stored = true
     WHERE token_hash = ANY($1::text[]) AND token_hash NOT IN (SELECT token_hash FROM alone)`,
    [hashes],
  );
}

/**
 * The hash to look a link up by: for the secret of an email whose delivery was sent again after a
 * lost commit, the hash that delivery stored; otherwise the hash itself.
 */
export async function currentLinkHash(manager: EntityManager, hash: string): Promise<string> {
  const [row]: { hash: string }[] = await manager.query(
    `SELECT s.token_hash AS hash
     FROM email_link_secret a JOIN email_link_secret s ON s.delivery_key = a.delivery_key AND s.stored
     WHERE a.token_hash = $1 AND NOT a.stored
     LIMIT 1`,
    [hash],
  );
  return row?.hash ?? hash;
}

/**
 * Retention: drops the secrets issued before `issuedBefore` (the caller passes now minus the
 * longest lifetime a link minted for an email can have, so every link they could continue with has
 * expired). A homework link is the exception, since it lives until its due date plus the clinic's
 * link days, however far off that is: a delivery whose stored secret is still the live link of its
 * homework response keeps its rows until that link expires, is revoked or replaced. Returns how
 * many rows were dropped.
 */
export async function pruneLinkSecrets(dataSource: DataSource, issuedBefore: Date): Promise<number> {
  const rows: unknown[] = await dataSource.query(
    `DELETE FROM email_link_secret m
     WHERE m.issued_at < $1
       AND NOT EXISTS (
         SELECT 1 FROM email_link_secret s JOIN homework_response r ON r.link_token_hash = s.token_hash
         WHERE s.delivery_key = m.delivery_key AND s.stored
           AND r.link_expires_at > now() AND r.link_revoked_at IS NULL)
     RETURNING 1`,
    [issuedBefore],
  );
  return rows.length;
}
