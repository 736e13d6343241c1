// Pure domain logic for Trellis: no framework, no I/O, nothing from other workspace libraries.

export * from './shared/instant';
export * from './shared/slug';

export * from './exercises/prompt.types';
export * from './exercises/prompt-audience';
export * from './exercises/prompt-builders';
export * from './exercises/answer-validation';
export * from './exercises/prompt-definition-validation';
export * from './exercises/strategies';
export * from './exercises/partner-roles';
export * from './exercises/phases';
export * from './exercises/exercise.types';
export * from './exercises/catalog';

export * from './assignments/assignment-status';
export * from './assignments/homework-email-state';
export * from './assignments/default-due';
export * from './assignments/assignment-series';

export * from './reminders/timezone';
export * from './reminders/reminder-schedule';
export * from './reminders/reminder-rule';

export * from './sessions/session-schedule';
export * from './sessions/attendance';
export * from './sessions/session-days';

export * from './staff/password-policy';
export * from './shared/format-due';
export * from './emails/neutral-partner-email';

export * from './measures/measure.types';
export * from './measures/measure-scoring';
export * from './measures/measure-definition-validation';
export * from './measures/measure-answer-validation';
export * from './measures/built-in-measures';
export * from './measures/check-in-schedule';
export * from './measures/off-track';
export * from './measures/check-in-sharing';
export * from './measures/check-in-reminder';
export * from './measures/clinic-summary';

export * from './safety/safety-check-in';
export * from './safety/safety-screen';
export * from './safety/safety-pause';
export * from './safety/safety-concern';
export * from './staff/api-token-expiry';

export * from './programs/program.types';
export * from './programs/program-advance';
export * from './programs/program-definition-validation';
export * from './programs/trust-repair-program';
export * from './agreements/agreement-review';
export * from './agreements/agreement-emails';
export * from './engagement/engagement';
