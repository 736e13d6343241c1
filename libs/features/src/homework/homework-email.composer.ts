import { EntityManager } from 'typeorm';
import type { EmailTemplateName } from '@trellis/contracts';
import { EmailDelivery, mintSecretToken } from '@trellis/data';
import { firstName, formatDueLabel } from '@trellis/domain';
import { renderHomeworkEmail, renderHomeworkReminder } from './emails/homework-assigned.template';
import type { ComposedEmail } from '../email/composed-email';
import { REMINDER_STILL_WANTED } from '../reminders/reminder-rule.sql';

/** What a homework email says and the state that decides whether it goes out at all. */
export interface HomeworkEmailFacts {
  response_id: string;
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
 * The facts of a response (`r`) in one statement: an email goes out per partner and per reminder,
 * so a round trip per table showed up in the jobs benchmark. Shared with the batched reminder sender.
 */
export const HOMEWORK_FACTS_COLUMNS = `r.id AS response_id, r.submitted_at, r.link_revoked_at, a.cancelled_at, a.title, a.message, a.due_at,
  cl.name AS client_name, cl.email AS client_email, cl.timezone AS client_timezone, cl.email_consent,
  c.status AS couple_status, k.name AS clinic_name, t.name AS therapist_name,
  -- whole 24-hour days, whatever the database session's time zone does across DST
  a.due_at + make_interval(hours => 24 * k.homework_link_days) AS link_expires_at`;
export const HOMEWORK_FACTS_JOINS = `JOIN assignment a ON a.id = r.assignment_id
  JOIN client cl ON cl.id = r.client_id
  JOIN couple c ON c.id = a.couple_id
  JOIN clinic k ON k.id = a.clinic_id
  JOIN staff_user t ON t.id = c.therapist_id`;

/** Renders a homework email for `facts` with the personal link carrying `token`. */
export function renderHomeworkFacts(
  facts: HomeworkEmailFacts,
  template: EmailTemplateName,
  kind: string | undefined,
  token: string,
  publicUrl: string,
): ComposedEmail {
  const common = {
    clinicName: facts.clinic_name,
    partnerFirstName: firstName(facts.client_name),
    therapistName: facts.therapist_name,
    exerciseTitle: facts.title,
    dueLabel: formatDueLabel(facts.due_at, facts.client_timezone),
    homeworkUrl: `${publicUrl}/h/${token}`,
  };
  if (template === 'homework-reminder') {
    return { to: facts.client_email, ...renderHomeworkReminder({ ...common, overdue: kind === 'overdue' }) };
  }
  return {
    to: facts.client_email,
    ...renderHomeworkEmail({ ...common, message: facts.message, isFreshLink: template === 'homework-link' }),
  };
}

/**
 * A partner's homework email. The personal link is minted here, at send time, inside the
 * delivery's transaction: a new link replaces (and so invalidates) any earlier one, only its hash
 * is stored, and nothing goes out for submitted or cancelled homework or without email consent.
 */
export async function composeHomeworkEmail(
  delivery: EmailDelivery,
  manager: EntityManager,
  publicUrl: string,
): Promise<ComposedEmail | null> {
  const [facts]: (HomeworkEmailFacts & { reminder_wanted: boolean })[] = await manager.query(
    // Locked for the send: a revocation or submission committed meanwhile is seen, not undone.
    // A reminder retried by the email queue (its first send failed, minutes ago) is checked as when
    // it fired, due date included (rows recorded before dueAtMs was kept skip that part).
    `SELECT ${HOMEWORK_FACTS_COLUMNS},
            ${REMINDER_STILL_WANTED} AND ($3::bigint IS NULL OR floor(extract(epoch FROM a.due_at) * 1000)::bigint = $3::bigint) AS reminder_wanted
     FROM homework_response r ${HOMEWORK_FACTS_JOINS} WHERE r.id = $1 AND r.clinic_id = $2 FOR UPDATE OF r`,
    [delivery.subjectIds.responseId, delivery.clinicId, delivery.subjectIds.dueAtMs ?? null],
  );
  if (!facts || facts.submitted_at || facts.cancelled_at) return null;
  // Reviewed homework, a paused couple, a revoked link (the therapist meant it; an explicit resend
  // still works) or a moved due date: a reminder stays silent.
  if (delivery.template === 'homework-reminder' && !facts.reminder_wanted) return null;
  if (!facts.email_consent || facts.couple_status === 'discharged') return null;

  const { token, hash } = mintSecretToken();
  await manager.query(
    `UPDATE homework_response SET link_token_hash = $2, link_expires_at = $3, link_revoked_at = NULL, updated_at = now() WHERE id = $1`,
    [facts.response_id, hash, facts.link_expires_at],
  );
  return renderHomeworkFacts(facts, delivery.template, delivery.subjectIds.kind, token, publicUrl);
}
