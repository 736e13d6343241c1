/**
 * The questions of an exercise ("prompts") and the answers a partner gives to them.
 *
 * Prompts are plain JSON-compatible data: they are stored on the exercise, frozen onto each
 * assignment when it is made, and sent as-is to the homework page.
 */

import type { PromptAudience } from './prompt-audience';
import type { PromptRole } from './partner-roles';

export const PROMPT_KINDS = ['long_text', 'scale', 'checklist', 'single_choice'] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

/** A prompt id: a stable slug (see SLUG_PATTERN), unique within its exercise. */
export type PromptId = string;

/** Hard ceiling for a long-text answer, in UTF-16 code units (what a browser's maxlength counts). */
export const LONG_TEXT_MAX_LENGTH = 5000;
export const SCALE_DEFAULT_MIN = 0;
export const SCALE_DEFAULT_MAX = 10;
/** Scales never go beyond this range, whatever the author picks. */
export const SCALE_LOWEST = 0;
export const SCALE_HIGHEST = 10;

interface PromptBase {
  /** Stable slug; answers are keyed by it. */
  readonly id: PromptId;
  /** The question as the partner sees it. */
  readonly label: string;
  /** Optional hint shown under the question. */
  readonly help?: string;
  /** In submit mode a required prompt must be answered. */
  readonly required: boolean;
  /** Who reads the answer besides the counselor (see prompt-audience.ts). */
  readonly audience: PromptAudience;
  /** Asked only of the partner in this role (see partner-roles.ts); absent: asked of both. */
  readonly forRole?: PromptRole;
}

export interface LongTextPrompt extends PromptBase {
  readonly kind: 'long_text';
  /** At most LONG_TEXT_MAX_LENGTH. */
  readonly maxLength: number;
  /** Only enforced on submit, and only when the answer is not empty. */
  readonly minLength?: number;
}

export interface ScalePrompt extends PromptBase {
  readonly kind: 'scale';
  /** Whole numbers, SCALE_LOWEST ≤ min < max ≤ SCALE_HIGHEST; 0–10 by default. */
  readonly min: number;
  readonly max: number;
  /** What the lowest number means, e.g. "Not at all". */
  readonly minLabel: string;
  /** What the highest number means, e.g. "Completely". */
  readonly maxLabel: string;
}

export interface ChoiceOption {
  /** Stable slug, unique within its prompt. */
  readonly id: string;
  readonly label: string;
  /**
   * Safety check-ins only (a single-choice option of the built-in check-in or a clinic's own safety
   * screen): choosing it is a concerning answer, which pauses joint work and alerts the counselor
   * (`concerningCheckInAnswers`). Absent on every other option; never sent to a partner
   * (`promptsForRole` drops it).
   */
  readonly concerning?: true;
}

export interface ChecklistPrompt extends PromptBase {
  readonly kind: 'checklist';
  readonly options: readonly ChoiceOption[];
  /** Only enforced on submit. */
  readonly minSelected?: number;
  readonly maxSelected?: number;
}

export interface SingleChoicePrompt extends PromptBase {
  readonly kind: 'single_choice';
  readonly options: readonly ChoiceOption[];
}

export type Prompt = LongTextPrompt | ScalePrompt | ChecklistPrompt | SingleChoicePrompt;

export type LongTextAnswer = string;
/** A whole number within the prompt's min..max. */
export type ScaleAnswer = number;
/** Ids of the chosen options, each at most once. */
export type ChecklistAnswer = string[];
/** Id of the chosen option. */
export type SingleChoiceAnswer = string;

export interface AnswerByKind {
  long_text: LongTextAnswer;
  scale: ScaleAnswer;
  checklist: ChecklistAnswer;
  single_choice: SingleChoiceAnswer;
}

/** The answer type that belongs to a given prompt type. */
export type AnswerFor<P extends Prompt> = AnswerByKind[P['kind']];

export type Answer = AnswerByKind[PromptKind];

/** One partner's answers, keyed by prompt id. A missing key means "not answered yet". */
export type AnswerMap = Record<PromptId, Answer>;

export function isPromptKind(value: unknown): value is PromptKind {
  return typeof value === 'string' && (PROMPT_KINDS as readonly string[]).includes(value);
}
