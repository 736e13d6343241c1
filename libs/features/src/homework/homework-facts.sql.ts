import { engagementJoin, reachedThreshold } from '../engagement/engagement.sql';

/**
 * Whether the partner's misses in a row reached the clinic's gentleReminderAfterMisses, at send
 * time, from the one SQL definition of engagement (engagement.sql.ts): one small read of the
 * partner's own responses.
 */
const GENTLE_REMINDER = `(SELECT ${reachedThreshold('eg.missed_in_a_row', 'k.gentle_reminder_after_misses')}
    FROM (VALUES (1)) AS one (x) ${engagementJoin('r.client_id')}) AS gentle_reminder`;

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
  /** The clinic chose neutral subjects and sender names for partners' emails. */
  neutral_partner_emails: boolean;
  therapist_name: string;
  link_expires_at: Date;
  /** A link was emailed before (live, expired or revoked): only then can an email say it replaces one. */
  had_link: boolean;
  /** The partner missed the clinic's number of homeworks in a row: a reminder uses the gentler wording. */
  gentle_reminder: boolean;
}

/**
 * The facts of a response (`r`) in one statement: an email goes out per partner and per reminder,
 * so a round trip per table showed up in the jobs benchmark. Shared with the batched reminder sender.
 */
export const HOMEWORK_FACTS_COLUMNS = `r.id AS response_id, r.submitted_at, r.link_revoked_at, a.cancelled_at, a.title, a.message, a.due_at,
  cl.name AS client_name, cl.email AS client_email, cl.timezone AS client_timezone, cl.email_consent,
  c.status AS couple_status, k.name AS clinic_name, k.neutral_partner_emails, t.name AS therapist_name,
  (r.link_token_hash IS NOT NULL OR r.link_revoked_at IS NOT NULL) AS had_link,
  -- whole 24-hour days, whatever the database session's time zone does across DST
  a.due_at + make_interval(hours => 24 * k.homework_link_days) AS link_expires_at,
  ${GENTLE_REMINDER}`;
export const HOMEWORK_FACTS_JOINS = `JOIN assignment a ON a.id = r.assignment_id
  JOIN client cl ON cl.id = r.client_id
  JOIN couple c ON c.id = a.couple_id
  JOIN clinic k ON k.id = a.clinic_id
  JOIN staff_user t ON t.id = c.therapist_id`;
