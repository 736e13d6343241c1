import type {
  CoupleProgramStepView,
  CoupleProgramView,
  ProgramStepCheckInView,
  ProgramStepWarning,
} from '@trellis/contracts';

export const STEP_STATUS_LABELS: Record<CoupleProgramStepView['status'], string> = {
  pending: 'Not yet open',
  open: 'Open now',
  done: 'Done',
  skipped: 'Skipped',
};

/** When a step opens, in the therapist's words (the first step opens when the couple is enrolled). */
export const opensWhenText = (step: Pick<CoupleProgramStepView, 'opensWhen' | 'afterSessions'>, first: boolean) => {
  if (first) return 'Opens when the couple starts the program';
  if (step.opensWhen === 'reviewed') return 'Opens when you have reviewed the step before';
  if (step.opensWhen === 'after_sessions') {
    const n = step.afterSessions ?? 1;
    return `Opens after ${n} ${n === 1 ? 'session' : 'sessions'} held since the step before opened`;
  }
  return 'Opens when both partners have finished the step before';
};

/** "Step 3 of 12 — next: …", or how the path ended. */
export const whereTheCoupleIs = (enrolment: CoupleProgramView): string => {
  if (enrolment.status === 'completed') return 'The couple has finished this program.';
  if (enrolment.status === 'stopped') return 'This program was stopped.';
  const held = enrolment.status === 'paused' ? ' (paused: nothing new opens)' : '';
  if (!enrolment.current) return `Waiting for the next step to open${held}.`;
  const { step, total, title, nextTitle } = enrolment.current;
  return `Step ${step} of ${total}: ${title}${nextTitle ? ` — next: ${nextTitle}` : ' — the last step'}${held}.`;
};

/** The ids of the steps not yet open, with one moved up (-1) or down (+1): the reorder body. */
export const movedPending = (steps: readonly CoupleProgramStepView[], id: string, by: -1 | 1): string[] => {
  const pending = steps.filter((s) => s.status === 'pending').map((s) => s.id);
  const at = pending.indexOf(id);
  const to = at + by;
  if (at < 0 || to < 0 || to >= pending.length) return pending;
  [pending[at], pending[to]] = [pending[to], pending[at]];
  return pending;
};

/**
 * The cautions of a step, as the therapist reads them (the API computes them with the assign
 * dialog's rule). A coercion-sensitive step also says that it waits: the program does not open it
 * on its own while the safety concern is open.
 */
export const cautionLines = (warnings: readonly ProgramStepWarning[]): string[] =>
  warnings.map((warning) =>
    warning.code === 'coercion_sensitive_while_unsafe'
      ? `${warning.message} The program will not open this step on its own until the concern is closed.`
      : warning.message,
  );

const CHECK_IN_STATE_LABELS: Record<ProgramStepCheckInView['state'], string> = {
  answered: 'answered',
  sent: 'emailed, not answered yet',
  sending: 'on its way (after their quiet hours)',
  waiting: 'not sent',
};

/**
 * Where an open check-in step stands, for the step's line: each partner's state ("Partner 1:
 * answered · Partner 2: not sent"), and apart, what holds a check-in that was not sent, in the
 * API's words (which partner and why: no consent to email, a safety pause they raised) — the
 * therapist can fix that, or skip the step.
 */
export const checkInProgress = (
  checkIns: readonly ProgramStepCheckInView[],
): { summary: string | null; waiting: string[] } => ({
  summary: checkIns.length
    ? checkIns.map((c) => `Partner ${c.position}: ${CHECK_IN_STATE_LABELS[c.state]}`).join(' · ')
    : null,
  waiting: checkIns.flatMap((c) => (c.state === 'waiting' && c.message ? [c.message] : [])),
});
