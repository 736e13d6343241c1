import { EntityManager } from 'typeorm';
import { EmailDelivery, mintSecretToken } from '@trellis/data';
import { firstName, formatDueLabel } from '@trellis/domain';
import { renderHomeworkEmail, renderHomeworkReminder } from '@trellis/mail';
import type { ComposedEmail } from '../email-composer.service';

interface HomeworkEmailFacts {
  submitted_at: Date | null;
  link_revoked_at: Date | null;
  cancelled_at: Date | null;
  title: string;
  message: string;
  due_at: Date;
  client_name: string;
  client_email: string;
  client_timezone: string;
  email_consent: boolean;
  couple_status: string;
  clinic_name: string;
  therapist_name: string;
  link_expires_at: Date;
}

/**
 * Everything a homework email says, in one statement (an email is sent per partner, per reminder,
 * so a round trip per table showed up in the jobs benchmark). Scoped to the delivery's clinic.
 */
async function readFacts(manager: EntityManager, responseId: string, clinicId: string | null): Promise<HomeworkEmailFacts | undefined> {
  const rows: HomeworkEmailFacts[] = await manager.query(
    `SELECT r.submitted_at, r.link_revoked_at, a.cancelled_at, a.title, a.message, a.due_at,
            cl.name AS client_name, cl.email AS client_email, cl.timezone AS client_timezone, cl.email_consent,
            c.status AS couple_status, k.name AS clinic_name, t.name AS therapist_name,
            a.due_at + make_interval(days => k.homework_link_days) AS link_expires_at
     FROM homework_response r
     JOIN assignment a ON a.id = r.assignment_id
     JOIN client cl ON cl.id = r.client_id
     JOIN couple c ON c.id = a.couple_id
     JOIN clinic k ON k.id = a.clinic_id
     JOIN staff_user t ON t.id = c.therapist_id
     WHERE r.id = $1 AND r.clinic_id = $2`,
    [responseId, clinicId],
  );
  return rows[0];
}

/**
 * A partner's homework email. The personal link is minted here, at send time, inside the
 * delivery's transaction: a new link replaces (and so invalidates) any earlier one, only its hash
 * is stored, and nothing goes out for submitted or cancelled homework or without email consent.
 */
export async function composeHomeworkEmail(delivery: EmailDelivery, manager: EntityManager, publicUrl: string): Promise<ComposedEmail | null> {
  const responseId = delivery.subjectIds.responseId;
  const facts = await readFacts(manager, responseId, delivery.clinicId);
  if (!facts || facts.submitted_at || facts.cancelled_at) return null;
  // A therapist who revoked a link meant it: reminders stay silent (an explicit resend still works).
  if (delivery.template === 'homework-reminder' && facts.link_revoked_at) return null;
  if (!facts.email_consent || facts.couple_status === 'discharged') return null;

  const { token, hash } = mintSecretToken();
  await manager.query(
    `UPDATE homework_response SET link_token_hash = $2, link_expires_at = $3, link_revoked_at = NULL, updated_at = now() WHERE id = $1`,
    [responseId, hash, facts.link_expires_at],
  );
  const common = {
    clinicName: facts.clinic_name,
    partnerFirstName: firstName(facts.client_name),
    therapistName: facts.therapist_name,
    exerciseTitle: facts.title,
    dueLabel: formatDueLabel(facts.due_at, facts.client_timezone),
    homeworkUrl: `${publicUrl}/h/${token}`,
  };
  if (delivery.template === 'homework-reminder') {
    return { to: facts.client_email, ...renderHomeworkReminder({ ...common, overdue: delivery.subjectIds.kind === 'overdue' }) };
  }
  return { to: facts.client_email, ...renderHomeworkEmail({ ...common, message: facts.message, isFreshLink: delivery.template === 'homework-link' }) };
}
