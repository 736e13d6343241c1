import { EntityManager } from 'typeorm';
import { Assignment, Client, Clinic, Couple, EmailDelivery, HomeworkResponse, mintSecretToken, StaffUser } from '@trellis/data';
import { firstName, formatDueLabel } from '@trellis/domain';
import { renderHomeworkEmail, renderHomeworkReminder } from '@trellis/mail';
import type { ComposedEmail } from '../email-composer.service';

const DAY_MS = 24 * 3600 * 1000;

/**
 * A partner's homework email. The personal link is minted here, at send time, inside the
 * delivery's transaction: a new link replaces (and so invalidates) any earlier one, only its hash
 * is stored, and nothing goes out for submitted or cancelled homework or without email consent.
 */
export async function composeHomeworkEmail(delivery: EmailDelivery, manager: EntityManager, publicUrl: string): Promise<ComposedEmail | null> {
  const response = await manager.findOneBy(HomeworkResponse, { id: delivery.subjectIds.responseId, clinicId: delivery.clinicId ?? undefined });
  if (!response || response.submittedAt) return null;
  // A therapist who revoked a link meant it: reminders stay silent (an explicit resend still works).
  if (delivery.template === 'homework-reminder' && response.linkRevokedAt) return null;
  const assignment = await manager.findOneByOrFail(Assignment, { id: response.assignmentId });
  if (assignment.cancelledAt) return null;
  // One after another: a transaction is one connection, which runs one query at a time.
  const client = await manager.findOneByOrFail(Client, { id: response.clientId });
  const couple = await manager.findOneByOrFail(Couple, { id: assignment.coupleId });
  const clinic = await manager.findOneByOrFail(Clinic, { id: assignment.clinicId });
  if (!client.emailConsent || couple.status === 'discharged') return null;
  const therapist = await manager.findOneByOrFail(StaffUser, { id: couple.therapistId });

  const { token, hash } = mintSecretToken();
  await manager.update(HomeworkResponse, { id: response.id }, {
    linkTokenHash: hash,
    linkExpiresAt: new Date(assignment.dueAt.getTime() + clinic.homeworkLinkDays * DAY_MS),
    linkRevokedAt: null,
  });
  const common = {
    clinicName: clinic.name,
    partnerFirstName: firstName(client.name),
    therapistName: therapist.name,
    exerciseTitle: assignment.title,
    dueLabel: formatDueLabel(assignment.dueAt, client.timezone),
    homeworkUrl: `${publicUrl}/h/${token}`,
  };
  if (delivery.template === 'homework-reminder') {
    return { to: client.email, ...renderHomeworkReminder({ ...common, overdue: delivery.subjectIds.kind === 'overdue' }) };
  }
  return {
    to: client.email,
    ...renderHomeworkEmail({
      clinicName: clinic.name,
      partnerFirstName: firstName(client.name),
      therapistName: therapist.name,
      exerciseTitle: assignment.title,
      dueLabel: formatDueLabel(assignment.dueAt, client.timezone),
      message: assignment.message,
      homeworkUrl: `${publicUrl}/h/${token}`,
      isFreshLink: delivery.template === 'homework-link',
    }),
  };
}
