// Exercise library types shared by the API and the dashboard.
import type { ExercisePhase, Prompt, PromptKind, StrategyKey } from '@trellis/domain';

/** Where an exercise comes from: the built-in catalog (everyone sees it) or the caller's clinic. */
export const EXERCISE_SOURCES = ['builtin', 'clinic'] as const;
export type ExerciseSource = (typeof EXERCISE_SOURCES)[number];

/**
 * Sorts of `GET /exercises`. `strategy` follows the seed article's strategy order (as in the
 * catalog), not the alphabet; ties are broken by title.
 */
export const EXERCISE_SORT_FIELDS = ['title', 'strategy', 'estimatedMinutes'] as const;
export type ExerciseSortField = (typeof EXERCISE_SORT_FIELDS)[number];

/** A row of the exercise library. */
export interface ExerciseSummary {
  id: string;
  /** Stable slug: unique among built-ins, and within a clinic's library (built-ins included). */
  key: string;
  title: string;
  strategy: StrategyKey;
  strategyName: string;
  purpose: string;
  estimatedMinutes: number;
  promptCount: number;
  /** The kinds of prompt the exercise uses, each once, in order of first appearance. */
  promptKinds: PromptKind[];
  source: ExerciseSource;
  /** Bumped whenever the prompts change; assignments keep the prompts they were given. */
  version: number;
  /** The exercise this one was duplicated from, if any. */
  basedOnId: string | null;
  /** The version of that exercise the copy was made from. */
  basedOnVersion: number | null;
  /**
   * The version the source is at now, when it is newer than the copy's: the library offers it
   * (a fresh copy); the copy itself is never changed.
   */
  newerSourceVersion: number | null;
  /** The phase of recovery it belongs to; null for a clinic exercise that does not say. */
  phase: ExercisePhase | null;
  /** Could become a tool of control: the assign dialog warns while a safety concern is open. */
  coercionSensitive: boolean;
}

/** One exercise with everything needed to preview it as a client will see it. */
export interface ExerciseDetail extends ExerciseSummary {
  instructions: string;
  prompts: Prompt[];
}

/** Body of `POST /exercises`; `PATCH /exercises/:id` takes any subset of it. */
export interface ExerciseInput {
  title: string;
  strategy: StrategyKey;
  purpose: string;
  instructions: string;
  estimatedMinutes: number;
  prompts: Prompt[];
  /** Optional; null or absent: no phase. */
  phase?: ExercisePhase | null;
  /** Optional; false when absent. */
  coercionSensitive?: boolean;
}
