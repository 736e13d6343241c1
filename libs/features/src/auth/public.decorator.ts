import { SetMetadata } from '@nestjs/common';
import type { StaffRole } from '@trellis/contracts';

export const IS_PUBLIC = 'trellis:isPublic';
export const REQUIRED_ROLES = 'trellis:roles';

/** Reachable without a staff session (health, sign-in, the client's homework link). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route; others get 403 (the UI hides it from them too). */
export const Roles = (...roles: StaffRole[]) => SetMetadata(REQUIRED_ROLES, roles);

export const ALLOW_DURING_2FA_ENROLLMENT = 'trellis:allowDuring2faEnrollment';

/** Reachable while a clinic-required second factor is still being set up (everything else: 403). */
export const AllowDuringTwoFactorEnrollment = () => SetMetadata(ALLOW_DURING_2FA_ENROLLMENT, true);

export const SESSION_ONLY = 'trellis:sessionOnly';

/**
 * Needs a signed-in person, never an API token (a token gets 403): managing API tokens, the
 * session itself, two-factor sign-in. An integration must not mint or keep its own credentials.
 */
export const SessionOnly = () => SetMetadata(SESSION_ONLY, true);
