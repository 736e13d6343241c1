import type { EntityManager } from 'typeorm';
import type { EmailDelivery } from '@trellis/data';
import type { ComposedEmail } from '../email/composed-email';
import { renderSafetyAlert } from './emails/safety-alert.template';
import type { SafetyRepository } from './safety.repository';

/**
 * The couple's therapist, told a safety pause is waiting for them. Read at send time: a pause
 * already lifted sends nothing, and nor does a deactivated therapist's address.
 */
export async function composeSafetyAlertEmail(
  delivery: EmailDelivery,
  manager: EntityManager,
  publicUrl: string,
  safety: SafetyRepository,
): Promise<ComposedEmail | null> {
  const pauseId = delivery.subjectIds.pauseId;
  if (!pauseId) return null;
  const facts = await safety.alertFacts(manager, pauseId, delivery.clinicId);
  if (!facts || facts.lifted_at || facts.therapist_status !== 'active') return null;
  return {
    to: facts.therapist_email,
    ...renderSafetyAlert({ clinicName: facts.clinic_name, dashboardUrl: `${publicUrl}/#/` }),
  };
}
