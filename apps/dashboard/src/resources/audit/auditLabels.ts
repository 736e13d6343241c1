import {
  AUDIT_ACTIONS,
  AUDIT_OUTCOMES,
  type AuditAction,
  type AuditActorType,
  type AuditEntryView,
  type AuditOutcome,
} from '@trellis/contracts';

// Every action the API records has its label (the type makes a missing one a compile error); a
// code the dashboard does not know yet (a newer API) still shows, by its code.
const ACTION_LABELS: Record<AuditAction, string> = {
  'auth.login': 'Sign-in',
  'auth.logout': 'Sign-out',
  'auth.invitation_accept': 'Invitation accepted',
  'auth.password_reset_request': 'Password reset requested',
  'auth.password_reset': 'Password reset',
  'staff.list': 'Staff list viewed',
  'staff.view': 'Staff member viewed',
  'staff.invite': 'Colleague invited',
  'staff.invitation_resend': 'Invitation resent',
  'staff.invitation_revoke': 'Invitation revoked',
  'staff.role_change': 'Role changed',
  'staff.deactivate': 'Staff member deactivated',
  'staff.reactivate': 'Staff member reactivated',
  'audit.list': 'Audit log viewed',
  'audit.export': 'Audit log exported',
  'auth.2fa_enable': 'Two-factor sign-in turned on',
  'auth.2fa_disable': 'Two-factor sign-in turned off',
  'auth.2fa_verify': 'Two-factor code checked',
  'api_token.create': 'API token created',
  'api_token.list': 'API tokens viewed',
  'api_token.revoke': 'API token revoked',
  'clinic.update': 'Clinic settings changed',
  'couple.list': 'Caseload viewed',
  'couple.view': 'Couple viewed',
  'couple.create': 'Couple added',
  'couple.update': 'Couple changed',
  'assignment.create': 'Homework assigned',
  'assignment.list': 'Homework list viewed',
  'assignment.view': 'Homework viewed',
  'assignment.update': 'Homework rescheduled or changed',
  'assignment.cancel': 'Homework cancelled',
  'assignment.review': 'Homework reviewed',
  'assignment_series.create': 'Repeating homework started',
  'assignment_series.list': 'Repeating homework listed',
  'assignment_series.update': 'Repeating homework changed',
  'assignment_series.stop': 'Repeating homework stopped',
  'homework.view': 'Partner opened their homework',
  'homework.draft': 'Partner saved a draft',
  'homework.submit': 'Partner submitted their homework',
  'homework.link_resend': 'Homework link resent',
  'homework.link_revoke': 'Homework link revoked',
  'note.list': 'Session notes viewed',
  'note.view': 'Session note viewed',
  'note.create': 'Session note started',
  'note.update': 'Session note draft changed',
  'note.sign': 'Session note signed',
  'note.addendum': 'Addendum added',
  'note.delete': 'Session note draft deleted',
  'session.list': 'Sessions viewed',
  'session.view': 'Session viewed',
  'session.create': 'Session booked',
  'session.update': 'Session rescheduled',
  'session.cancel': 'Session cancelled',
  'session.outcome': 'Session attendance recorded',
  'calendar_feed.create': 'Calendar feed link created',
  'calendar_feed.revoke': 'Calendar feed link revoked',
  'calendar_feed.read': 'Calendar feed read',
  'exercise.create': 'Exercise created',
  'exercise.update': 'Exercise changed',
  'exercise.archive': 'Exercise archived',
  'measure.create': 'Measure created',
  'measure.version_create': 'New measure version',
  'measure_response.submit': 'Check-in submitted',
  'measure_response.list': 'Check-in scores viewed',
  'measure.clinic_summary': 'Clinic progress summary viewed',
  'measure_response.export': 'Check-in scores exported',
  'check_in_schedule.list': 'Check-in schedules viewed',
  'check_in_schedule.create': 'Check-in schedule set',
  'check_in_schedule.update': 'Check-in schedule changed',
  'check_in_schedule.delete': 'Check-in schedule stopped',
  'check_in.view': 'Check-in trend seen by partner',
  'safety.flag': 'Partner said they do not feel safe',
  'safety.view': 'Safety concern viewed',
  'safety.lift': 'Safety pause lifted',
  'safety.check_in_send': 'Private check-in sent',
  'safety_screen.create': 'Clinic safety screen written',
  'safety_screen.update': 'Clinic safety screen changed',
  'program.create': 'Program created',
  'program.update': 'Program changed',
  'couple_program.view': 'Program path viewed',
  'couple_program.enrol': 'Couple started a program',
  'couple_program.update': 'Program paused, resumed or stopped',
  'couple_program.step_skip': 'Program step skipped',
  'couple_program.step_add': 'Program step added',
  'couple_program.reorder': 'Program steps reordered',
  'couple_program.step_open': 'Program step opened',
  'agreement.list': 'Agreements viewed',
  'agreement.create': 'Agreement added',
  'agreement.update': 'Agreement edited',
  'agreement.retire': 'Agreement retired',
  'agreement.candidates': 'Exercise answers viewed for agreements',
  'agreement_rhythm.view': 'Agreement review rhythm viewed',
  'agreement_rhythm.update': 'Agreement review rhythm changed',
  'agreement_review.view': 'Agreement review opened by partner',
  'agreement_review.submit': 'Agreement review sent by partner',
  'agreement_confirmation.view': 'Agreements to confirm opened by partner',
  'agreement_confirmation.submit': 'Agreements confirmed by partner',
  'engagement.view': 'Homework engagement viewed',
  'home.view': 'Home page viewed',
  'couple.timeline': 'Couple timeline viewed',
  'couple.export': 'Couple record exported',
  'digest.list': 'Digests viewed',
  'digest.view': 'Digest viewed',
  'digest.preferences_update': 'Digest choices changed',
  'queue.retry': 'Background job retried',
  'queue.remove': 'Background job removed',
};

export const actionLabel = (action: string): string => (ACTION_LABELS as Record<string, string>)[action] ?? action;

export const actionChoices = AUDIT_ACTIONS.map((id) => ({ id, name: actionLabel(id) }));

export const OUTCOME_LABELS: Record<AuditOutcome, string> = {
  success: 'Succeeded',
  failure: 'Failed',
  denied: 'Refused',
};

export const outcomeChoices = AUDIT_OUTCOMES.map((id) => ({ id, name: OUTCOME_LABELS[id] }));

const ACTOR_TYPE_LABELS: Record<AuditActorType, string> = {
  staff: 'Staff member',
  client_link: 'Client (homework link)',
  system: 'Trellis (automatic)',
  anonymous: 'Not signed in',
  api_token: 'API token',
};

/** Who did it, in words: the staff member's name, else what kind of actor it was. */
export const actorLabel = (entry: Pick<AuditEntryView, 'actorType' | 'actorName'>): string => {
  // An integration acts through a token: say so, with the name the admin gave it.
  if (entry.actorType === 'api_token' && entry.actorName) return `API token “${entry.actorName}”`;
  return entry.actorName ?? ACTOR_TYPE_LABELS[entry.actorType] ?? entry.actorType;
};

const RECORD_TYPE_LABELS: Record<string, string> = {
  staff_user: 'Staff member',
  clinic: 'Clinic',
  couple: 'Couple',
  assignment: 'Homework',
  homework_response: 'Partner’s homework',
  session_note: 'Session note',
  exercise: 'Exercise',
  digest: 'Digest',
  job: 'Background job',
  api_token: 'API token',
};

/**
 * Which record, in words: its name when it still has one ("Couple: Alex & Sam"), else a short id
 * (the full one is in the CSV export).
 */
export const recordLabel = (
  entry: Pick<AuditEntryView, 'recordType' | 'recordId'> & { recordName?: string | null },
): string | null => {
  if (!entry.recordType) return null;
  const type = RECORD_TYPE_LABELS[entry.recordType] ?? entry.recordType;
  if (entry.recordName) return `${type}: ${entry.recordName}`;
  return entry.recordId ? `${type} ${entry.recordId.slice(0, 8)}` : type;
};
