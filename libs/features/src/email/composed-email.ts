import type { EntityManager } from 'typeorm';
import type { EmailDelivery } from '@trellis/data';
import type { RenderedEmail } from '@trellis/mail';
import type { LinkSecret } from './link-secrets.repository';

/** A rendered message and its one recipient, ready for the transport. */
export interface ComposedEmail extends RenderedEmail {
  to: string;
}

/**
 * Turns one ledger row into a message, reading what it needs at send time; null when it should no
 * longer go out. Each feature owns the composers of its templates; the email feature only picks
 * one by template name, so the dependency runs one way (features → email), never in a circle.
 * `link` is the secret minted for this attempt, its hash already committed on its own (see
 * email/link-secrets.repository.ts): a composer whose email carries a personal link stores
 * `link.hash` on the record the link opens and puts `link.token` in the message.
 */
export type EmailComposerFn = (
  delivery: EmailDelivery,
  manager: EntityManager,
  link: LinkSecret,
) => Promise<ComposedEmail | null>;
