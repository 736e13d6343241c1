import { EntityManager } from 'typeorm';
import { Digest, EmailDelivery, StaffUser } from '@trellis/data';
import { renderDigestEmail } from './emails/digest.template';
import type { ComposedEmail } from '../email/composed-email';

/** A digest goes to its therapist while they are still active; the content was stored with the digest. */
export async function composeDigestEmail(
  delivery: EmailDelivery,
  manager: EntityManager,
  publicUrl: string,
): Promise<ComposedEmail | null> {
  const digest = await manager.findOneBy(Digest, { id: delivery.subjectIds.digestId });
  if (!digest) return null;
  const therapist = await manager.findOneBy(StaffUser, { id: digest.therapistId, status: 'active' });
  if (!therapist) return null;
  return {
    to: therapist.email,
    ...renderDigestEmail(digest.content, digest.kind, `${publicUrl}/#/digests/${digest.id}/show`),
  };
}
