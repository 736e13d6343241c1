/** Every BullMQ queue Trellis uses. */
export enum QueueName {
  Email = 'email',
  Reminders = 'reminders',
  Digests = 'digests',
  /** Account requests answered before anything is looked up (password reset). */
  Accounts = 'accounts',
  /** Measurement check-ins: planning each partner's next one per schedule, and sending it. */
  CheckIns = 'check-ins',
  /** Recurring homework: issuing each occurrence of a series when it is due to go out. */
  AssignmentSeries = 'assignment-series',
  /** Programs: moving a couple along its path when a step may be finished. */
  Programs = 'programs',
  /** The schedule's own jobs: appointment reminders and keeping each couple's next session current. */
  Sessions = 'sessions',
  /** Agreement reviews: planning each partner's weekly "did this hold?" and sending it. */
  Agreements = 'agreements',
}

/** Every job, by name. Payloads carry ids only: Redis keeps job data in clear text. */
export enum JobName {
  SendEmail = 'send-email',
  /** The daily sweep: drop `email_link_secret` rows older than any emailed link can live. */
  PruneLinkSecrets = 'prune-link-secrets',
  /** Recompute one response's reminders from the database (after assign, due-date change, cancel). */
  PlanReminders = 'plan-reminders',
  /** One planned reminder firing; re-checks the state before anything is sent. */
  SendReminder = 'send-reminder',
  /** Make the weekly-digest job schedulers match the active therapists (one place creates them). */
  SyncDigestSchedules = 'sync-digest-schedules',
  WeeklyDigest = 'weekly-digest',
  /** (Re)schedule a couple's pre-session digest 24 h before its next session. */
  PlanPreSessionDigest = 'plan-pre-session-digest',
  PreSessionDigest = 'pre-session-digest',
  /**
   * One password-reset request, answered already: find the account and, if active, send the link.
   * The endpoint does the same work for every address so its timing says nothing about who exists.
   */
  RequestPasswordReset = 'request-password-reset',
  /** Plan the next check-in of each partner on each of a couple's schedules (after any change to them). */
  PlanCheckIns = 'plan-check-ins',
  /** One planned check-in firing; re-plans first and sends only if it is still the one due. */
  SendCheckIn = 'send-check-in',
  /** A day after a check-in went out: remind the partner if it is still unanswered. */
  RemindCheckIn = 'remind-check-in',
  /** A program's check-in step sends its measure's check-in to one partner, once. */
  SendProgramCheckIn = 'send-program-check-in',
  /** The hourly sweep: send each couple due one its private safety check-in (one per partner). */
  SendSafetyCheckIns = 'send-safety-check-ins',
  /** One occurrence of a recurring series going out; re-reads the series and the couple first. */
  IssueSeriesOccurrence = 'issue-series-occurrence',
  /**
   * Something happened that may finish the open step of a couple's program (a partner submitted,
   * the therapist reviewed, a session was held, the path was resumed): re-read it and open the
   * next step at most once.
   */
  AdvanceProgram = 'advance-program',
  /** 24 h before a session (quiet hours respected): one partner's appointment reminder, re-checked when it fires. */
  SendSessionReminder = 'send-session-reminder',
  /** The periodic sweep: couples whose next session has ended move on to their following one. */
  RollForwardNextSessions = 'roll-forward-next-sessions',
  /** Plan each partner's next weekly agreement review (after the rhythm or the agreements changed). */
  PlanAgreementReviews = 'plan-agreement-reviews',
  /** One partner's weekly agreement review firing: re-checked, sent at most once, the next one planned. */
  SendAgreementReview = 'send-agreement-review',
  /** A day after a weekly agreement review went out: one gentle reminder if it is still unanswered. */
  RemindAgreementReview = 'remind-agreement-review',
}

/** Job name → payload. Enqueueing the wrong payload for a job is a compile error. */
/**
 * clinicId (an id, like everything here) lets the admin queue view show each clinic only its own
 * jobs; null for system mail that belongs to no clinic.
 */
export interface JobPayloads {
  [JobName.SendEmail]: { deliveryId: string; clinicId: string | null };
  /** Every clinic's rows: the sweep reads the link lifetimes from the config when it runs. */
  [JobName.PruneLinkSecrets]: { clinicId: null };
  [JobName.PlanReminders]: { responseId: string; clinicId: string };
  /** dueAtMs: the due date the reminder was planned for; a moved due date makes it stale. */
  [JobName.SendReminder]: { responseId: string; clinicId: string; n: number; dueAtMs: number };
  [JobName.SyncDigestSchedules]: { clinicId: string | null };
  [JobName.WeeklyDigest]: { therapistId: string; clinicId: string };
  [JobName.PlanPreSessionDigest]: { coupleId: string; clinicId: string };
  /** sessionAtMs: the session it was planned for; a moved session makes it stale. */
  [JobName.PreSessionDigest]: { coupleId: string; clinicId: string; sessionAtMs: number };
  /**
   * The id of a `password_reset_request` row: the address typed stays in PostgreSQL (and is gone
   * once the job has run), never in Redis. clinicId is null: whose account it is is not known yet.
   */
  [JobName.RequestPasswordReset]: { requestId: string; clinicId: null };
  [JobName.PlanCheckIns]: { coupleId: string; clinicId: string };
  /** occurrence: the key planNextCheckIn gave it (no clinical text); a re-plan that differs makes it stale. */
  [JobName.SendCheckIn]: { scheduleId: string; clientId: string; clinicId: string; occurrence: string };
  /**
   * sendKey: the ledger key of the check-in email this reminder follows (absent: the check-in's
   * first, `check-in-<checkInId>`); a later send of the same check-in makes it stale.
   */
  [JobName.RemindCheckIn]: { checkInId: string; clinicId: string; sendKey?: string };
  [JobName.SendProgramCheckIn]: { programStepId: string; clientId: string; clinicId: string };
  /** Every clinic's couples: the sweep reads the intervals when it runs. */
  [JobName.SendSafetyCheckIns]: { clinicId: null };
  /**
   * occurrence: the number it issues; revision: the series' revision it was planned for (an edit
   * plans a new job under a new id and this one finds itself stale).
   */
  [JobName.IssueSeriesOccurrence]: { seriesId: string; clinicId: string; occurrence: number; revision: number };
  [JobName.AdvanceProgram]: { coupleId: string; clinicId: string };
  /** startsAtMs: the start it was planned for; a moved session makes it stale (its own job was planned). */
  [JobName.SendSessionReminder]: { sessionId: string; clientId: string; clinicId: string; startsAtMs: number };
  /** Every clinic's couples: the sweep reads which next sessions have ended when it runs. */
  [JobName.RollForwardNextSessions]: { clinicId: null };
  [JobName.PlanAgreementReviews]: { coupleId: string; clinicId: string };
  /** occurrence: `week-YYYY-MM-DD` (the local date in the clinic's zone); a re-plan that differs makes it stale. */
  [JobName.SendAgreementReview]: { coupleId: string; clientId: string; clinicId: string; occurrence: string };
  /** The id of the partner's `agreement_review_request` for the week. */
  [JobName.RemindAgreementReview]: { reviewRequestId: string; clinicId: string };
}

/** Which queue each job runs on, as a type: a processor's job union is derived from it. */
export interface JobQueues {
  [JobName.SendEmail]: QueueName.Email;
  [JobName.PruneLinkSecrets]: QueueName.Email;
  [JobName.PlanReminders]: QueueName.Reminders;
  [JobName.SendReminder]: QueueName.Reminders;
  [JobName.SyncDigestSchedules]: QueueName.Digests;
  [JobName.WeeklyDigest]: QueueName.Digests;
  [JobName.PlanPreSessionDigest]: QueueName.Digests;
  [JobName.PreSessionDigest]: QueueName.Digests;
  [JobName.RequestPasswordReset]: QueueName.Accounts;
  [JobName.PlanCheckIns]: QueueName.CheckIns;
  [JobName.SendCheckIn]: QueueName.CheckIns;
  [JobName.RemindCheckIn]: QueueName.CheckIns;
  [JobName.SendProgramCheckIn]: QueueName.CheckIns;
  [JobName.SendSafetyCheckIns]: QueueName.Reminders;
  [JobName.IssueSeriesOccurrence]: QueueName.AssignmentSeries;
  [JobName.AdvanceProgram]: QueueName.Programs;
  [JobName.SendSessionReminder]: QueueName.Sessions;
  [JobName.RollForwardNextSessions]: QueueName.Sessions;
  [JobName.PlanAgreementReviews]: QueueName.Agreements;
  [JobName.SendAgreementReview]: QueueName.Agreements;
  [JobName.RemindAgreementReview]: QueueName.Agreements;
}

export const JOB_QUEUE: JobQueues = {
  [JobName.SendEmail]: QueueName.Email,
  [JobName.PruneLinkSecrets]: QueueName.Email,
  [JobName.PlanReminders]: QueueName.Reminders,
  [JobName.SendReminder]: QueueName.Reminders,
  [JobName.SyncDigestSchedules]: QueueName.Digests,
  [JobName.WeeklyDigest]: QueueName.Digests,
  [JobName.PlanPreSessionDigest]: QueueName.Digests,
  [JobName.PreSessionDigest]: QueueName.Digests,
  [JobName.RequestPasswordReset]: QueueName.Accounts,
  [JobName.PlanCheckIns]: QueueName.CheckIns,
  [JobName.SendCheckIn]: QueueName.CheckIns,
  [JobName.RemindCheckIn]: QueueName.CheckIns,
  [JobName.SendProgramCheckIn]: QueueName.CheckIns,
  [JobName.SendSafetyCheckIns]: QueueName.Reminders,
  [JobName.IssueSeriesOccurrence]: QueueName.AssignmentSeries,
  [JobName.AdvanceProgram]: QueueName.Programs,
  [JobName.SendSessionReminder]: QueueName.Sessions,
  [JobName.RollForwardNextSessions]: QueueName.Sessions,
  [JobName.PlanAgreementReviews]: QueueName.Agreements,
  [JobName.SendAgreementReview]: QueueName.Agreements,
  [JobName.RemindAgreementReview]: QueueName.Agreements,
};

/** The names of the jobs that run on queue Q. */
export type JobNameOn<Q extends QueueName> = { [J in JobName]: JobQueues[J] extends Q ? J : never }[JobName];

export type JobOf<J extends JobName> = { name: J; data: JobPayloads[J] };
