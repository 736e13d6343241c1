import { type Instant, toEpochMs } from '../shared/instant';
import { localDateOf } from '../sessions/session-days';
import type { MeasureDefinition } from './measure.types';

/** One partner's scored check-in: which occurrence it answered, when, and its score. */
export interface ScorePoint {
  /** The check-in occurrence (see PlannedCheckIn): the two partners' answers to one check-in share it. */
  readonly occurrence: string;
  readonly at: Instant;
  readonly score: number;
}

export type PartnerNumber = 1 | 2;

/** A measure's scores for both partners, each in any order (the rule sorts by time). */
export interface PartnerScores {
  readonly measure: Pick<MeasureDefinition, 'higherIsBetter' | 'reliableChange'>;
  readonly partners: readonly [readonly ScorePoint[], readonly ScorePoint[]];
}

/** The clinic's thresholds, in score points of the measure they apply to. */
export interface OffTrackSettings {
  /** For an outcome measure without a reliable change: a drop this large over the last three check-ins. */
  readonly recentDrop: number;
  /** The gap between the partners growing this much over the last three check-ins both answered. */
  readonly gapWidening: number;
  /** A session check-out on the worse side of this (below it when higher is better). */
  readonly lowCheckOut: number;
  /** After this many sessions, a partner who has not improved (by the reliable change, else recentDrop). */
  readonly sessionsWithoutImprovement: number;
}

export interface OffTrackInput {
  /** The couple's outcome measure (the weekly check-in); null when they have none. */
  readonly outcome: PartnerScores | null;
  /** The session check-out scores; null when not used. */
  readonly checkOut: PartnerScores | null;
  /** Sessions held since the first outcome check-in: see `sessionsSinceBaseline`. */
  readonly sessionsSinceBaseline: number;
  readonly settings: OffTrackSettings;
}

export type OffTrackReason =
  /** Worse than the baseline by the reliable change, or, without one, than three check-ins ago by recentDrop. */
  | {
      readonly kind: 'worsening';
      readonly partner: PartnerNumber;
      readonly from: number;
      readonly to: number;
      readonly basis: 'reliable_change' | 'recent_drop';
    }
  /** The partners' scores drifting apart: the gap three check-ins ago and now. */
  | { readonly kind: 'widening_gap'; readonly from: number; readonly to: number }
  /** The partner's latest session check-out is low. */
  | { readonly kind: 'low_check_out'; readonly partner: PartnerNumber; readonly score: number }
  /** Sessions have gone by without a real improvement from the baseline (and no worsening either). */
  | {
      readonly kind: 'no_improvement';
      readonly partner: PartnerNumber;
      readonly sessions: number;
      readonly from: number;
      readonly to: number;
    };

/** "The last three check-ins": the latest and the two before it. */
const WINDOW = 3;
const PARTNERS: readonly PartnerNumber[] = [1, 2];

/**
 * Why a couple is off track, if it is: the reasons the home screen's Off-track panel lists, in a
 * fixed order (worsening, widening gap, low check-out, no improvement; partner 1 before 2). An
 * empty list means on track, or not enough check-ins to tell. Pure; throws RangeError for
 * settings that are not positive numbers.
 */
export function offTrackReasons(input: OffTrackInput): OffTrackReason[] {
  checkSettings(input.settings, input.sessionsSinceBaseline);
  const { settings } = input;
  const reasons: OffTrackReason[] = [];
  const worsened = new Set<PartnerNumber>();

  const outcome = input.outcome;
  const series = outcome ? outcome.partners.map(chronological) : [[], []];
  if (outcome) {
    const better = betterBy(outcome.measure.higherIsBetter);
    const reliable = outcome.measure.reliableChange;
    PARTNERS.forEach((partner) => {
      const points = series[partner - 1];
      if (points.length < 2) return;
      const latest = points[points.length - 1].score;
      if (reliable !== null) {
        const baseline = points[0].score;
        if (better(latest, baseline) <= -reliable) {
          reasons.push({ kind: 'worsening', partner, from: baseline, to: latest, basis: 'reliable_change' });
          worsened.add(partner);
        }
      } else if (points.length >= WINDOW) {
        const earlier = points[points.length - WINDOW].score;
        if (better(latest, earlier) <= -settings.recentDrop) {
          reasons.push({ kind: 'worsening', partner, from: earlier, to: latest, basis: 'recent_drop' });
          worsened.add(partner);
        }
      }
    });

    const gaps = pairedGaps(series[0], series[1]);
    if (gaps.length >= WINDOW) {
      const from = gaps[gaps.length - WINDOW];
      const to = gaps[gaps.length - 1];
      if (to - from >= settings.gapWidening) reasons.push({ kind: 'widening_gap', from, to });
    }
  }

  if (input.checkOut) {
    const worse = (score: number) =>
      input.checkOut?.measure.higherIsBetter ? score < settings.lowCheckOut : score > settings.lowCheckOut;
    PARTNERS.forEach((partner) => {
      const points = chronological(input.checkOut?.partners[partner - 1] ?? []);
      const latest = points[points.length - 1];
      if (latest && worse(latest.score)) reasons.push({ kind: 'low_check_out', partner, score: latest.score });
    });
  }

  if (outcome && input.sessionsSinceBaseline >= settings.sessionsWithoutImprovement) {
    const better = betterBy(outcome.measure.higherIsBetter);
    const needed = outcome.measure.reliableChange ?? settings.recentDrop;
    PARTNERS.forEach((partner) => {
      const points = series[partner - 1];
      if (points.length < 2 || worsened.has(partner)) return;
      const from = points[0].score;
      const to = points[points.length - 1].score;
      if (better(to, from) < needed) {
        reasons.push({ kind: 'no_improvement', partner, sessions: input.sessionsSinceBaseline, from, to });
      }
    });
  }
  return reasons;
}

/**
 * Sessions held since the baseline, as the rule counts them: the couple's session days (see
 * `coupleSessionDays`) on or after the day, on the clinic's clock, of the first outcome check-in
 * either partner gave. None before there is one. Pure.
 */
export function sessionsSinceBaseline(
  sessionDays: readonly string[],
  outcome: PartnerScores | null,
  timeZone: string,
): number {
  const points = outcome ? [...outcome.partners[0], ...outcome.partners[1]] : [];
  if (points.length === 0) return 0;
  const baseline = localDateOf(Math.min(...points.map((point) => toEpochMs(point.at, 'at'))), timeZone);
  return sessionDays.filter((day) => day >= baseline).length;
}

/** How much better `to` is than `from` (negative: worse), whichever way the measure runs. */
function betterBy(higherIsBetter: boolean): (to: number, from: number) => number {
  return (to, from) => (higherIsBetter ? to - from : from - to);
}

function chronological(points: readonly ScorePoint[]): ScorePoint[] {
  return points
    .map((point, index) => ({ point, index, ms: toEpochMs(point.at, 'at') }))
    .sort((a, b) => a.ms - b.ms || a.index - b.index)
    .map(({ point }) => point);
}

/** The gap between the partners at each check-in both answered, in partner 1's order. */
function pairedGaps(first: readonly ScorePoint[], second: readonly ScorePoint[]): number[] {
  const secondBy = new Map(second.map((point) => [point.occurrence, point.score]));
  const gaps: number[] = [];
  for (const point of first) {
    const other = secondBy.get(point.occurrence);
    if (other !== undefined) gaps.push(Math.abs(point.score - other));
  }
  return gaps;
}

function checkSettings(settings: OffTrackSettings, sessions: number): void {
  for (const name of ['recentDrop', 'gapWidening'] as const) {
    const value = settings[name];
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number: ${value}`);
  }
  if (!Number.isFinite(settings.lowCheckOut))
    throw new RangeError(`lowCheckOut must be a number: ${settings.lowCheckOut}`);
  const n = settings.sessionsWithoutImprovement;
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`sessionsWithoutImprovement must be a whole number ≥ 1: ${n}`);
  if (!Number.isInteger(sessions) || sessions < 0)
    throw new RangeError(`sessionsSinceBaseline must be ≥ 0: ${sessions}`);
}
