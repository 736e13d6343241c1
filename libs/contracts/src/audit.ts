export const AUDIT_ACTOR_TYPES = ['staff', 'client_link', 'system', 'anonymous'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Actions recorded in the audit trail (grows with each feature). */
export const AUDIT_ACTIONS = ['auth.login', 'auth.logout', 'staff.list'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
