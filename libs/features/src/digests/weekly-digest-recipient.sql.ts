/**
 * Who gets the Monday digest, for a `staff_user` aliased `s`: an active therapist who has not turned
 * it off. The schedules (syncSchedules) and each run (weekly) both ask this, so a therapist who
 * turns it off gets no digest even from a run already scheduled.
 */
export const WEEKLY_DIGEST_RECIPIENT = `s.status = 'active' AND s.role = 'therapist' AND s.weekly_digest`;
