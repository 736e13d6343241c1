import { coercionSensitiveWhileUnsafe } from '../exercises/phases';
import type { AdvanceGate, OpensWhen, OpenStepFacts, StepProgress } from './program.types';

/** What advancing an enrolment does now: nothing, finish the open step and open another, or finish the path. */
export type ProgramMove =
  | { readonly kind: 'wait' }
  | { readonly kind: 'open'; readonly finish: number | null; readonly open: number }
  | { readonly kind: 'complete'; readonly finish: number | null };

const WAIT: ProgramMove = { kind: 'wait' };

/** Whether a paused couple, a paused path or an open safety concern holds everything where it is. */
export function advanceBlocked(gate: AdvanceGate): boolean {
  return gate.enrolmentStatus !== 'active' || gate.coupleStatus !== 'active' || gate.safetyPaused;
}

/**
 * Whether this step, due to open, must wait because of an open safety concern: an exercise that
 * could be used to control or pressure a partner (the assign dialog's caution, the same rule)
 * never opens on its own while one is open. It opens when the concern closes (the pause is lifted
 * and each partner's latest check-in is calm), or the therapist skips it.
 */
export function heldForSafety(gate: AdvanceGate, step: Pick<StepProgress, 'coercionSensitive'>): boolean {
  return coercionSensitiveWhileUnsafe(step, gate);
}

/**
 * Whether the open step is finished in the sense the next step asks for. A "discuss" step has no
 * homework: it is finished once a session has been held after it opened. A check-in step is
 * finished when both partners answered its check-in, whether the next step asks for both
 * submissions or a review.
 */
export function stepFinished(
  open: Pick<StepProgress, 'kind'>,
  facts: OpenStepFacts,
  opensWhen: OpensWhen,
  afterSessions: number | null,
): boolean {
  if (opensWhen === 'after_sessions') return facts.sessionsHeld >= Math.max(1, afterSessions ?? 1);
  if (open.kind === 'discuss') return facts.sessionsHeld >= 1;
  // A check-in has nothing for the therapist to mark reviewed (its scores are on the couple page
  // as soon as they come in): "reviewed" waits, like "both submitted", for both partners' answers.
  if (opensWhen === 'reviewed' && open.kind !== 'check_in') return facts.reviewed;
  return facts.partners > 0 && facts.submitted >= facts.partners;
}

/**
 * The one rule of a path: the next pending step (in position order) opens when the open step is
 * finished as that next step asks; when no step is open (just enrolled, or the open one was
 * skipped) it opens at once. The last step finishes when both partners are done or the therapist
 * reviewed it (for "discuss": a session was held), and the path is complete. Nothing moves while
 * the gate is closed, and a coercion-sensitive step does not open while a safety concern is open
 * (`heldForSafety`): the step before stays open until it may.
 */
export function nextProgramMove(
  gate: AdvanceGate,
  steps: readonly StepProgress[],
  facts: OpenStepFacts | null,
): ProgramMove {
  if (advanceBlocked(gate)) return WAIT;
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  const open = ordered.find((s) => s.status === 'open') ?? null;
  const next = ordered.find((s) => s.status === 'pending') ?? null;
  if (next && heldForSafety(gate, next)) return WAIT;
  if (!open) return next ? { kind: 'open', finish: null, open: next.position } : { kind: 'complete', finish: null };
  if (!facts) return WAIT;
  if (next) {
    return stepFinished(open, facts, next.opensWhen, next.afterSessions)
      ? { kind: 'open', finish: open.position, open: next.position }
      : WAIT;
  }
  const lastDone = stepFinished(open, facts, 'both_submitted', null) || stepFinished(open, facts, 'reviewed', null);
  return lastDone ? { kind: 'complete', finish: open.position } : WAIT;
}

/** Where a couple is on its path, for the couple page and each partner's page: titles only. */
export interface PathPosition {
  /** 1-based number of the open step among the steps not skipped. */
  readonly step: number;
  readonly total: number;
  readonly nextTitle: string | null;
}

export function pathPosition(
  steps: readonly (Pick<StepProgress, 'position' | 'status'> & { readonly title: string })[],
  currentPosition: number,
): PathPosition | null {
  const walked = [...steps].filter((s) => s.status !== 'skipped').sort((a, b) => a.position - b.position);
  const index = walked.findIndex((s) => s.position === currentPosition);
  if (index < 0) return null;
  const next = walked.slice(index + 1).find((s) => s.status === 'pending') ?? null;
  return { step: index + 1, total: walked.length, nextTitle: next?.title ?? null };
}
