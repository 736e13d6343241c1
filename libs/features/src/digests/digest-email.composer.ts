import { EntityManager } from 'typeorm';
import { EmailDelivery } from '@trellis/data';
import type { DigestsRepository } from './digests.repository';
import { renderDigestEmail } from './emails/digest.template';
import type { ComposedEmail } from '../email/composed-email';

/** A digest goes to its therapist while they are still active; the content was stored with the digest. */
export async function composeDigestEmail(
  delivery: EmailDelivery,
  manager: EntityManager,
  publicUrl: string,
  digests: DigestsRepository,
): Promise<ComposedEmail | null> {
  const digest = await digests.findById(manager, delivery.subjectIds.digestId);
  if (!digest) return null;
  const therapist = await digests.activeTherapist(manager, digest.therapistId);
  if (!therapist) return null;
  return {
    to: therapist.email,
    ...renderDigestEmail(
      digest.content,
      digest.kind,
      `${publicUrl}/#/digests/${digest.id}/show`,
      await digests.emailDetail(manager, digest.clinicId),
      publicUrl,
    ),
  };
}
