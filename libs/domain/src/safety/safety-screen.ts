import { longText, singleChoice } from '../exercises/prompt-builders';
import type { DefinitionProblem } from '../exercises/prompt-definition-validation';
import {
  MAX_OPTIONS,
  MIN_OPTIONS,
  OPTION_LABEL_MAX_LENGTH,
  PROMPT_LABEL_MAX_LENGTH,
} from '../exercises/prompt-definition-validation';
import type { Prompt } from '../exercises/prompt.types';

/**
 * A clinic's own safety screen (issue 18: "a clinic may enter a validated screen of its own
 * instead" of the built-in check-in): its questions in the clinic's words, each a single choice
 * with the options that are concerning marked, and an optional free-text question. It becomes the
 * prompts of a check-in exactly like the built-in one's: single choices and one long text, all for
 * the counselor only, so `concerningCheckInAnswers` judges both by one rule.
 */
/** Which screen a clinic's check-ins send: Trellis's own, or the clinic's (once it has written one). */
export const SAFETY_CHECK_IN_SCREENS = ['built_in', 'clinic'] as const;
export type SafetyCheckInScreen = (typeof SAFETY_CHECK_IN_SCREENS)[number];

export const SAFETY_SCREEN_MIN_QUESTIONS = 1;
export const SAFETY_SCREEN_MAX_QUESTIONS = 10;
export const SAFETY_SCREEN_TITLE_MAX_LENGTH = 200;
export const SAFETY_SCREEN_INSTRUCTIONS_MAX_LENGTH = 4000;
/** The free-text answer's room (the built-in check-in's). */
export const SAFETY_SCREEN_FREE_TEXT_MAX_LENGTH = 2000;
/** The prompt id of the free-text question (the built-in check-in's too). */
export const SAFETY_SCREEN_FREE_TEXT_ID = 'anything_else';

export interface SafetyScreenOption {
  label: string;
  /** Choosing it pauses the couple's joint work and alerts the counselor. */
  concerning: boolean;
}

export interface SafetyScreenQuestion {
  label: string;
  options: SafetyScreenOption[];
}

/** The questions of a clinic's screen as an admin writes them (ids are Trellis's to give). */
export interface SafetyScreenQuestions {
  questions: SafetyScreenQuestion[];
  /** An optional last question answered in the partner's own words; null for none. */
  freeTextQuestion: string | null;
}

const questionId = (index: number) => `q${index + 1}`;
const optionId = (index: number) => `o${index + 1}`;

type Report = (path: string, message: string) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkLabel(value: unknown, path: string, max: number, empty: string, report: Report): void {
  if (typeof value !== 'string' || value.trim() === '') report(path, empty);
  else if (value.trim().length > max) report(path, `Keep this to ${max} characters or fewer (it has ${value.length}).`);
}

function checkFields(value: Record<string, unknown>, allowed: readonly string[], path: string, report: Report) {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) report(`${path}.${key}`, `Remove this field; only ${allowed.join(' and ')} are used.`);
  }
}

/**
 * Checks a screen's questions as sent (untrusted JSON); an empty list means valid. Paths name the
 * field: `questions[1].options[0].label`. Every question needs a calm answer (an option not marked
 * concerning: otherwise every check-in would pause joint work) and the screen needs at least one
 * concerning option (otherwise it could never alert anyone).
 */
export function validateSafetyScreenQuestions(questions: unknown, freeTextQuestion: unknown): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });

  if (freeTextQuestion !== null && freeTextQuestion !== undefined) {
    checkLabel(
      freeTextQuestion,
      'freeTextQuestion',
      PROMPT_LABEL_MAX_LENGTH,
      'Write the free-text question, or leave it out (null).',
      report,
    );
  }
  if (!Array.isArray(questions)) {
    report('questions', 'Questions must be a list.');
    return problems;
  }
  if (questions.length < SAFETY_SCREEN_MIN_QUESTIONS || questions.length > SAFETY_SCREEN_MAX_QUESTIONS) {
    report(
      'questions',
      `A safety screen needs between ${SAFETY_SCREEN_MIN_QUESTIONS} and ${SAFETY_SCREEN_MAX_QUESTIONS} questions (it has ${questions.length}).`,
    );
  }
  let anyConcerning = false;
  questions.forEach((question: unknown, index) => {
    const path = `questions[${index}]`;
    if (!isRecord(question)) {
      report(path, 'Each question must be an object with a label and options.');
      return;
    }
    checkFields(question, ['label', 'options'], path, report);
    checkLabel(question['label'], `${path}.label`, PROMPT_LABEL_MAX_LENGTH, 'Write the question.', report);
    const options = question['options'];
    if (!Array.isArray(options) || options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
      report(`${path}.options`, `Give between ${MIN_OPTIONS} and ${MAX_OPTIONS} options.`);
      if (!Array.isArray(options)) return;
    }
    const seen = new Set<string>();
    options.forEach((option: unknown, optionIndex) => {
      const optionPath = `${path}.options[${optionIndex}]`;
      if (!isRecord(option)) {
        report(optionPath, 'Each option must be an object with a label and whether it is concerning.');
        return;
      }
      checkFields(option, ['label', 'concerning'], optionPath, report);
      checkLabel(option['label'], `${optionPath}.label`, OPTION_LABEL_MAX_LENGTH, 'Give this option a label.', report);
      const label = typeof option['label'] === 'string' ? option['label'].trim().toLowerCase() : null;
      if (label && seen.has(label)) report(`${optionPath}.label`, 'Another option of this question says the same.');
      if (label) seen.add(label);
      if (typeof option['concerning'] !== 'boolean') {
        report(`${optionPath}.concerning`, 'Say whether choosing this option is concerning (true or false).');
      } else if (option['concerning']) {
        anyConcerning = true;
      }
    });
    const allMarked = options.every((option) => isRecord(option) && option['concerning'] === true);
    if (options.length >= MIN_OPTIONS && allMarked) {
      report(
        `${path}.options`,
        'Leave at least one option not concerning: otherwise every answer would pause joint work.',
      );
    }
  });
  if (questions.length > 0 && !anyConcerning) {
    report('questions', 'Mark at least one option as concerning, so an answer can alert the counselor.');
  }
  return problems;
}

/**
 * The check-in's prompts for a valid screen (see `validateSafetyScreenQuestions`): one required
 * single choice per question, the concerning options marked, and the free-text question last;
 * every prompt for the counselor only, whatever was sent.
 */
export function safetyScreenPrompts(screen: SafetyScreenQuestions): Prompt[] {
  const prompts: Prompt[] = screen.questions.map((question, index) =>
    singleChoice(
      questionId(index),
      question.label.trim(),
      question.options.map((option, optionIndex) => [optionId(optionIndex), option.label.trim()] as const),
      {
        audience: 'counselor_only',
        concerning: question.options.flatMap((option, optionIndex) =>
          option.concerning ? [optionId(optionIndex)] : [],
        ),
      },
    ),
  );
  const freeText = screen.freeTextQuestion?.trim();
  if (freeText) {
    prompts.push(
      longText(SAFETY_SCREEN_FREE_TEXT_ID, freeText, {
        required: false,
        maxLength: SAFETY_SCREEN_FREE_TEXT_MAX_LENGTH,
        audience: 'counselor_only',
      }),
    );
  }
  return prompts;
}

/** A screen's prompts back in the editor's shape (what `safetyScreenPrompts` made them from). */
export function safetyScreenQuestionsOf(prompts: readonly Prompt[]): SafetyScreenQuestions {
  const freeText = prompts.find((prompt) => prompt.kind === 'long_text');
  return {
    questions: prompts.flatMap((prompt) =>
      prompt.kind === 'single_choice'
        ? [
            {
              label: prompt.label,
              options: prompt.options.map((option) => ({
                label: option.label,
                concerning: option.concerning === true,
              })),
            },
          ]
        : [],
    ),
    freeTextQuestion: freeText ? freeText.label : null,
  };
}

/** Minutes a partner needs: about one per two questions, and two for the free text. */
export function safetyScreenMinutes(screen: SafetyScreenQuestions): number {
  return Math.max(2, Math.ceil(screen.questions.length / 2) + (screen.freeTextQuestion ? 2 : 0));
}
