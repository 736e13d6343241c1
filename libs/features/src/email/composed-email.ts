import type { EntityManager } from 'typeorm';
import type { EmailDelivery } from '@trellis/data';
import type { RenderedEmail } from '@trellis/mail';

/** A rendered message and its one recipient, ready for the transport. */
export interface ComposedEmail extends RenderedEmail {
  to: string;
}

/**
 * Turns one ledger row into a message, reading what it needs at send time; null when it should no
 * longer go out. Each feature owns the composers of its templates; the email feature only picks
 * one by template name, so the dependency runs one way (features → email), never in a circle.
 */
export type EmailComposerFn = (delivery: EmailDelivery, manager: EntityManager) => Promise<ComposedEmail | null>;
