/**
 * "This couple has a safety pause open" (raised and not yet lifted), as a SQL condition on the
 * couple id expression `coupleId` (a column such as `c.id`). Every feature that holds back joint
 * work while a partner feels unsafe — reminders, series, programs, agreement reviews, the safety
 * concern — asks it this way; the partial unique index on open pauses serves it.
 */
export const openSafetyPauseSql = (coupleId: string): string =>
  `EXISTS (SELECT 1 FROM safety_pause open_pause WHERE open_pause.couple_id = ${coupleId} AND open_pause.lifted_at IS NULL)`;

/**
 * "This partner said they do not feel safe, under a pause still open" (`reminderStillWanted`'s
 * `flaggedUnsafeUnderOpenPause`): their own flag on the couple's open pause. Served by the partial
 * unique index on open pauses and the flag's pause index.
 */
export const partnerFlaggedUnderOpenPauseSql = (coupleId: string, clientId: string): string =>
  `EXISTS (SELECT 1 FROM safety_pause flagged_pause JOIN safety_flag own_flag ON own_flag.pause_id = flagged_pause.id
    WHERE flagged_pause.couple_id = ${coupleId} AND flagged_pause.lifted_at IS NULL AND own_flag.client_id = ${clientId})`;
