import type { SafetyScreenRequest, SafetyScreenView } from '@trellis/contracts';
import {
  concerningCheckInAnswers,
  type Prompt,
  SAFETY_CHECK_IN_EXERCISE,
  SAFETY_SCREEN_INSTRUCTIONS_MAX_LENGTH,
  SAFETY_SCREEN_TITLE_MAX_LENGTH,
  safetyScreenPrompts,
  safetyScreenQuestionsOf,
  type SafetyScreenQuestion,
  validateSafetyScreenQuestions,
} from '@trellis/domain';
import type { FormErrors } from '../data/formErrors';

/** The editor's state: the request, with the free-text question as a switch and its wording. */
export interface SafetyScreenDraft {
  title: string;
  instructions: string;
  questions: SafetyScreenQuestion[];
  freeTextOn: boolean;
  freeTextQuestion: string;
}

/** A clinic without a screen starts from Trellis's own check-in: its questions, its concerning answers. */
export function starterDraft(): SafetyScreenDraft {
  const { questions, freeTextQuestion } = safetyScreenQuestionsOf(SAFETY_CHECK_IN_EXERCISE.prompts);
  return {
    title: SAFETY_CHECK_IN_EXERCISE.title,
    instructions: SAFETY_CHECK_IN_EXERCISE.instructions,
    questions,
    freeTextOn: freeTextQuestion !== null,
    freeTextQuestion: freeTextQuestion ?? '',
  };
}

export function draftOf(screen: SafetyScreenView): SafetyScreenDraft {
  return {
    title: screen.title,
    instructions: screen.instructions,
    questions: screen.questions.map((q) => ({ label: q.label, options: q.options.map((o) => ({ ...o })) })),
    freeTextOn: screen.freeTextQuestion !== null,
    freeTextQuestion: screen.freeTextQuestion ?? '',
  };
}

export function requestOf(draft: SafetyScreenDraft): SafetyScreenRequest {
  return {
    title: draft.title.trim(),
    instructions: draft.instructions.trim(),
    questions: draft.questions.map((q) => ({
      label: q.label.trim(),
      options: q.options.map((o) => ({ label: o.label.trim(), concerning: o.concerning })),
    })),
    freeTextQuestion: draft.freeTextOn ? draft.freeTextQuestion.trim() : null,
  };
}

const toField = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

/** The API's rules, said before saving (the one definition, from the domain); keys are the API's field names. */
export function screenProblems(request: SafetyScreenRequest): FormErrors {
  const errors: FormErrors = {};
  if (!request.title) errors.title = 'Give the screen a title.';
  else if (request.title.length > SAFETY_SCREEN_TITLE_MAX_LENGTH)
    errors.title = `At most ${SAFETY_SCREEN_TITLE_MAX_LENGTH} characters.`;
  if (!request.instructions) errors.instructions = 'Say how to answer (shown above the questions).';
  else if (request.instructions.length > SAFETY_SCREEN_INSTRUCTIONS_MAX_LENGTH)
    errors.instructions = `At most ${SAFETY_SCREEN_INSTRUCTIONS_MAX_LENGTH} characters.`;
  for (const problem of validateSafetyScreenQuestions(request.questions, request.freeTextQuestion)) {
    const field = toField(problem.path);
    errors[field] ??= problem.message;
  }
  return errors;
}

/**
 * The errors to show after an edit: none until a save has shown some; from then on the form's own
 * problems as they are now, so a fixed field loses its message at once and a question's message
 * follows it when questions are added or removed (the API's, if any, come back on the next save).
 */
export function errorsAfterEdit(shown: FormErrors, request: SafetyScreenRequest): FormErrors {
  return Object.keys(shown).length === 0 ? shown : screenProblems(request);
}

/** What partners get, built as the API builds it (only when the screen is valid). */
export function previewPrompts(request: SafetyScreenRequest): Prompt[] | null {
  const problems = validateSafetyScreenQuestions(request.questions, request.freeTextQuestion);
  return problems.length ? null : safetyScreenPrompts(request);
}

/** "Which answers pause joint work": each question with its concerning options, by the one rule. */
export function concerningSummary(prompts: readonly Prompt[]): { question: string; answers: string[] }[] {
  return prompts.flatMap((prompt) => {
    if (prompt.kind !== 'single_choice') return [];
    const answers = prompt.options
      .filter((option) => concerningCheckInAnswers({ prompts }, { [prompt.id]: option.id }).includes(prompt.id))
      .map((option) => option.label);
    return [{ question: prompt.label, answers }];
  });
}
