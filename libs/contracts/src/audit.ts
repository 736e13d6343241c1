export const AUDIT_ACTOR_TYPES = ['staff', 'client_link', 'system', 'anonymous', 'api_token'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Actions recorded in the audit trail (grows with each feature). */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.invitation_accept',
  'auth.password_reset_request',
  'auth.password_reset',
  'auth.2fa_enable',
  'auth.2fa_disable',
  'auth.2fa_verify',
  'api_token.create',
  'api_token.list',
  'api_token.revoke',
  'clinic.update',
  'assignment.create',
  'assignment.list',
  'assignment.view',
  'assignment.update',
  'assignment.cancel',
  'assignment.review',
  'assignment_series.create',
  'assignment_series.list',
  'assignment_series.update',
  'assignment_series.stop',
  'couple.list',
  'couple.view',
  'couple.create',
  'couple.update',
  'home.view',
  'couple.timeline',
  'couple.export',
  'digest.list',
  'digest.view',
  'digest.preferences_update',
  'homework.view',
  'homework.draft',
  'homework.submit',
  'homework.link_resend',
  'homework.link_revoke',
  'note.list',
  'note.view',
  'note.create',
  'note.update',
  'note.sign',
  'note.addendum',
  'note.delete',
  'session.list',
  'session.view',
  'session.create',
  'session.update',
  'session.cancel',
  'session.outcome',
  'calendar_feed.create',
  'calendar_feed.revoke',
  'calendar_feed.read',
  'queue.retry',
  'queue.remove',
  'staff.list',
  'staff.view',
  'staff.invite',
  'staff.invitation_resend',
  'staff.invitation_revoke',
  'staff.role_change',
  'staff.deactivate',
  'staff.reactivate',
  'audit.list',
  'audit.export',
  'exercise.create',
  'exercise.update',
  'exercise.archive',
  'measure.create',
  'measure.version_create',
  'measure_response.submit',
  'measure_response.list',
  'measure_response.export',
  'check_in_schedule.list',
  'check_in_schedule.create',
  'check_in_schedule.update',
  'check_in_schedule.delete',
  'check_in.view',
  'measure.clinic_summary',
  'safety.flag',
  'safety.view',
  'safety.lift',
  'safety.check_in_send',
  'safety_screen.create',
  'safety_screen.update',
  'program.create',
  'program.update',
  'couple_program.view',
  'couple_program.enrol',
  'couple_program.update',
  'couple_program.step_skip',
  'couple_program.step_add',
  'couple_program.reorder',
  'couple_program.step_open',
  'agreement.list',
  'agreement.create',
  'agreement.update',
  'agreement.retire',
  'agreement.candidates',
  'agreement_rhythm.view',
  'agreement_rhythm.update',
  'agreement_review.view',
  'agreement_review.submit',
  'agreement_confirmation.view',
  'agreement_confirmation.submit',
  'engagement.view',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One row of the audit trail as admins see it. */
export interface AuditEntryView {
  id: string;
  occurredAt: string;
  actorType: AuditActorType;
  actorId: string | null;
  actorName: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  /** What the record is called (a couple's or person's name, a homework's title); null once it is gone. */
  recordName: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  userAgent: string | null;
}
