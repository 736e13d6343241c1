import type { FieldError } from '@trellis/contracts';
import { type Prompt, validatePromptDefinitions } from '@trellis/domain';
import { validationProblem } from '../http/problem.exception';

/** `prompts[2].options[0].id` → `prompts.2.options.0.id`, the dotted form every other field error uses. */
function toField(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1');
}

export function promptFieldErrors(prompts: unknown): FieldError[] {
  return validatePromptDefinitions(prompts).map((problem) => ({
    field: toField(problem.path),
    message: problem.message,
  }));
}

/** The prompts as sent, once the domain rules accept them; otherwise a 400 naming each problem. */
export function checkedPrompts(prompts: unknown): Prompt[] {
  const errors = promptFieldErrors(prompts);
  if (errors.length > 0) throw validationProblem(errors);
  return prompts as Prompt[];
}
