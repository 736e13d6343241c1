import { SetMetadata } from '@nestjs/common';
import type { StaffRole } from '@trellis/contracts';

export const IS_PUBLIC = 'trellis:isPublic';
export const REQUIRED_ROLES = 'trellis:roles';

/** Reachable without a staff session (health, sign-in, the client's homework link). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route; others get 403 (the UI hides it from them too). */
export const Roles = (...roles: StaffRole[]) => SetMetadata(REQUIRED_ROLES, roles);
