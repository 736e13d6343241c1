import type { AppConfig } from '@trellis/config';
import {
  AGREEMENT_CONFIRMATION_LINK_LIFETIME_HOURS,
  AGREEMENT_REVIEW_LINK_LIFETIME_HOURS,
  CHECK_IN_LINK_LIFETIME_HOURS,
} from '@trellis/domain';

const HOUR_MS = 3600 * 1000;

/**
 * The longest a link minted for an email can work after it was issued, from the configured
 * lifetimes (staff invitation, password reset) and the fixed ones (check-in, agreement review and
 * confirmation). A homework link is not bounded this way (it lives until its due date plus the
 * clinic's link days): `pruneLinkSecrets` keeps a delivery whose homework link is still live.
 */
export function longestEmailedLinkLifetimeMs(config: AppConfig): number {
  return Math.max(
    config.auth.invitationTtlHours * HOUR_MS,
    config.auth.passwordResetTtlMinutes * 60 * 1000,
    CHECK_IN_LINK_LIFETIME_HOURS * HOUR_MS,
    AGREEMENT_REVIEW_LINK_LIFETIME_HOURS * HOUR_MS,
    AGREEMENT_CONFIRMATION_LINK_LIFETIME_HOURS * HOUR_MS,
  );
}
