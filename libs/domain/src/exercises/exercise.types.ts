import { Prompt } from './prompt.types';
import { StrategyKey } from './strategies';
import type { ExercisePhase } from './phases';

/** An exercise as the library holds it: built-in (from the catalog) or written by a clinic. */
export interface ExerciseDefinition {
  /** Stable slug; a built-in exercise is found by it. */
  readonly key: string;
  readonly title: string;
  readonly strategy: StrategyKey;
  /** Why the couple is doing this, in one or two sentences. */
  readonly purpose: string;
  /** How to do it: a short paragraph shown above the prompts. */
  readonly instructions: string;
  readonly estimatedMinutes: number;
  /** Bumped whenever prompts change; assignments keep the prompts of the version they were given. */
  readonly version: number;
  readonly prompts: readonly Prompt[];
  /** The phase of recovery it belongs to; the assign dialog warns when it is ahead of the couple. */
  readonly phase: ExercisePhase;
  /**
   * Could be turned into a tool of control where violence or coercion is suspected (agreements,
   * openness, talking about the breach at home): the assign dialog warns while a safety concern is open.
   */
  readonly coercionSensitive: boolean;
}
