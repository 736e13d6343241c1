import type { ApiTokenScope, SessionUser } from '@trellis/contracts';

/** Where a request came from, as the audit trail records it. */
export interface Origin {
  /** A valid IPv4 or IPv6 address, else null. */
  ip: string | null;
  /** At most 500 characters; null when the request sent none. */
  userAgent: string | null;
  /** Fastify's id of the request: the key to its log lines. */
  requestId: string;
}

/** A signed-in staff member (the auth guard has checked the session). */
export interface StaffSessionActor extends Origin {
  kind: 'staff';
  staff: SessionUser;
}

/** The API token a request came with (the auth guard has checked it). */
export interface ApiTokenIdentity {
  id: string;
  name: string;
  scope: ApiTokenScope;
}

/**
 * An integration calling with `Authorization: Bearer <API token>`: it acts with the role, clinic
 * and caseload of the admin who created the token (`staff`, re-read on every request), within the
 * token's scope; the audit trail names the token, not the person.
 */
export interface ApiTokenActor extends Origin {
  kind: 'api_token';
  staff: SessionUser;
  token: ApiTokenIdentity;
}

/** Whoever acts with a staff member's permissions: in person, or through an integration's token. */
export type StaffActor = StaffSessionActor | ApiTokenActor;

/**
 * A partner in a homework session: one response, nothing else. Their client and clinic are known
 * once the response is read (see `identifiedPartner`).
 */
export interface PartnerActor extends Origin {
  kind: 'client_link';
  responseId: string;
  /** When the homework session was opened from the link (epoch ms): a later revocation ends it. */
  sessionOpenedAt: number;
  clientId: string | null;
  clinicId: string | null;
}

/** Nobody signed in: sign-in, account links, password reset. */
export interface AnonymousActor extends Origin {
  kind: 'anonymous';
}

/** Who is acting, and from where. Each `kind` is the audit trail's actor type. */
export type Actor = StaffSessionActor | ApiTokenActor | PartnerActor | AnonymousActor;

function originOf(actor: Actor): Origin {
  return { ip: actor.ip, userAgent: actor.userAgent, requestId: actor.requestId };
}

/** The same request, now on behalf of the staff member who just proved who they are. */
export function asStaff(actor: Actor, staff: SessionUser): StaffSessionActor {
  return { kind: 'staff', staff, ...originOf(actor) };
}

/** The partner, once their response has been read: the audit trail names their client and clinic. */
export function identifiedPartner(actor: PartnerActor, response: { clientId: string; clinicId: string }): PartnerActor {
  return { ...actor, clientId: response.clientId, clinicId: response.clinicId };
}
