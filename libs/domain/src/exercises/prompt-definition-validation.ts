import { isSlug, SLUG_MAX_LENGTH } from '../shared/slug';
import { isPromptAudience } from './prompt-audience';
import { hasRolePrompts, isPromptRole, PROMPT_ROLES } from './partner-roles';
import { isPromptKind, LONG_TEXT_MAX_LENGTH, PromptKind, SCALE_HIGHEST, SCALE_LOWEST } from './prompt.types';

export const MIN_PROMPTS_PER_EXERCISE = 3;
export const MAX_PROMPTS_PER_EXERCISE = 6;
export const PROMPT_LABEL_MAX_LENGTH = 300;
export const PROMPT_HELP_MAX_LENGTH = 1000;
export const OPTION_LABEL_MAX_LENGTH = 300;
/** Scale end labels sit under a slider on a phone: keep them short. */
export const SCALE_LABEL_MAX_LENGTH = 80;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 12;

export interface DefinitionProblem {
  /** Where the problem is, e.g. `prompts[2].options[0].id`; `prompts` for the list as a whole. */
  readonly path: string;
  /** Plain English for the therapist writing the exercise. */
  readonly message: string;
}

const COMMON_FIELDS = ['kind', 'id', 'label', 'help', 'required', 'audience', 'forRole'];
const FIELDS_BY_KIND: Record<PromptKind, readonly string[]> = {
  long_text: [...COMMON_FIELDS, 'maxLength', 'minLength'],
  scale: [...COMMON_FIELDS, 'min', 'max', 'minLabel', 'maxLabel'],
  checklist: [...COMMON_FIELDS, 'options', 'minSelected', 'maxSelected'],
  single_choice: [...COMMON_FIELDS, 'options'],
};
const OPTION_FIELDS = ['id', 'label'];

const SLUG_MESSAGE =
  `Use a short id of lowercase letters and numbers, separated by single hyphens or underscores, ` +
  `starting with a letter (at most ${SLUG_MAX_LENGTH} characters).`;

type Report = (path: string, message: string) => void;

/**
 * Checks the prompts of a therapist-authored exercise (and, in tests, of every built-in one).
 * Input is treated as untrusted JSON, so the parameter is `unknown`; an empty list means valid.
 */
export function validatePromptDefinitions(prompts: unknown): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });

  if (!Array.isArray(prompts)) {
    report('prompts', 'Prompts must be a list.');
    return problems;
  }
  // Prompts for one role count only for that side: each partner answers between the limits.
  const sides: [string, number][] = hasRolePrompts(prompts.filter(isRecord))
    ? PROMPT_ROLES.map((role) => [
        ` for the partner who ${role === 'hurt' ? 'was hurt' : 'broke trust'}`,
        prompts.filter((p) => !isRecord(p) || p['forRole'] === undefined || p['forRole'] === role).length,
      ])
    : [['', prompts.length]];
  for (const [side, count] of sides) {
    if (count < MIN_PROMPTS_PER_EXERCISE || count > MAX_PROMPTS_PER_EXERCISE) {
      report(
        'prompts',
        `An exercise needs between ${MIN_PROMPTS_PER_EXERCISE} and ${MAX_PROMPTS_PER_EXERCISE} prompts${side} (it has ${count}).`,
      );
    }
  }

  const seenIds = new Set<string>();
  prompts.forEach((prompt: unknown, index) => {
    const path = `prompts[${index}]`;
    if (!isRecord(prompt)) {
      report(path, 'Each prompt must be an object.');
      return;
    }
    if (isSlug(prompt['id'])) {
      if (seenIds.has(prompt['id'])) report(`${path}.id`, 'Another prompt already uses this id.');
      seenIds.add(prompt['id']);
    } else {
      report(`${path}.id`, SLUG_MESSAGE);
    }
    checkText(prompt['label'], `${path}.label`, PROMPT_LABEL_MAX_LENGTH, 'Give this prompt a label.', report);
    if (prompt['help'] !== undefined) {
      checkText(
        prompt['help'],
        `${path}.help`,
        PROMPT_HELP_MAX_LENGTH,
        'Leave the help text out rather than empty.',
        report,
      );
    }
    if (typeof prompt['required'] !== 'boolean') {
      report(`${path}.required`, 'Say whether this prompt is required (true or false).');
    }
    if (!isPromptAudience(prompt['audience'])) {
      report(
        `${path}.audience`,
        'Say who reads the answer: shared (the partner too, after both submit, if sharing is on) or counselor_only.',
      );
    }
    if (prompt['forRole'] !== undefined && !isPromptRole(prompt['forRole'])) {
      report(
        `${path}.forRole`,
        'Say who is asked: leave it out for both partners, or hurt or broke_trust for one side only.',
      );
    }

    const kind = prompt['kind'];
    if (!isPromptKind(kind)) {
      report(`${path}.kind`, 'Choose a prompt type: long_text, scale, checklist or single_choice.');
      return;
    }
    for (const key of Object.keys(prompt)) {
      if (!FIELDS_BY_KIND[kind].includes(key)) {
        report(`${path}.${key}`, `Remove this field; it is not used by ${kind} prompts.`);
      }
    }
    switch (kind) {
      case 'long_text':
        checkLongText(prompt, path, report);
        break;
      case 'scale':
        checkScale(prompt, path, report);
        break;
      case 'checklist':
        checkOptions(prompt['options'], `${path}.options`, report);
        checkSelectionLimits(prompt, path, report);
        break;
      case 'single_choice':
        checkOptions(prompt['options'], `${path}.options`, report);
        break;
    }
  });

  // Each side must have something required to answer, so neither can submit an empty page.
  const anyRequired = prompts.some(
    (prompt) => isRecord(prompt) && prompt['required'] === true && prompt['forRole'] === undefined,
  );
  const requiredFor = (role: string) =>
    prompts.some((prompt) => isRecord(prompt) && prompt['required'] === true && prompt['forRole'] === role);
  if (prompts.length > 0 && !anyRequired && !(requiredFor('hurt') && requiredFor('broke_trust'))) {
    report('prompts', 'Mark at least one prompt as required, so an empty submission is not possible.');
  }
  return problems;
}

function checkLongText(prompt: Record<string, unknown>, path: string, report: Report): void {
  const max = prompt['maxLength'];
  const maxOk = isWholeNumber(max) && max >= 1 && max <= LONG_TEXT_MAX_LENGTH;
  if (!maxOk) {
    report(`${path}.maxLength`, `Set a maximum length from 1 to ${LONG_TEXT_MAX_LENGTH} characters.`);
  }
  const min = prompt['minLength'];
  const minOk = isWholeNumber(min) && min >= 0 && (!maxOk || min <= (max as number));
  if (min !== undefined && !minOk) {
    report(`${path}.minLength`, 'The minimum length must be a whole number no larger than the maximum length.');
  }
}

function checkScale(prompt: Record<string, unknown>, path: string, report: Report): void {
  const { min, max } = prompt;
  const inRange = (n: unknown): n is number => isWholeNumber(n) && n >= SCALE_LOWEST && n <= SCALE_HIGHEST;
  const rangeMessage = `Scales use whole numbers from ${SCALE_LOWEST} to ${SCALE_HIGHEST}.`;
  if (!inRange(min)) report(`${path}.min`, rangeMessage);
  if (!inRange(max)) report(`${path}.max`, rangeMessage);
  if (inRange(min) && inRange(max) && min >= max) {
    report(`${path}.max`, 'The top of the scale must be higher than the bottom.');
  }
  const labelLimit = SCALE_LABEL_MAX_LENGTH;
  checkText(prompt['minLabel'], `${path}.minLabel`, labelLimit, 'Say what the lowest number means.', report);
  checkText(prompt['maxLabel'], `${path}.maxLabel`, labelLimit, 'Say what the highest number means.', report);
}

function checkOptions(options: unknown, path: string, report: Report): void {
  if (!Array.isArray(options) || options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
    report(path, `Give between ${MIN_OPTIONS} and ${MAX_OPTIONS} options.`);
    if (!Array.isArray(options)) return;
  }
  const seen = new Set<string>();
  options.forEach((option: unknown, index) => {
    const optionPath = `${path}[${index}]`;
    if (!isRecord(option)) {
      report(optionPath, 'Each option must be an object with an id and a label.');
      return;
    }
    if (isSlug(option['id'])) {
      if (seen.has(option['id'])) {
        report(`${optionPath}.id`, 'Another option of this prompt already uses this id.');
      }
      seen.add(option['id']);
    } else {
      report(`${optionPath}.id`, SLUG_MESSAGE);
    }
    checkText(option['label'], `${optionPath}.label`, OPTION_LABEL_MAX_LENGTH, 'Give this option a label.', report);
    for (const key of Object.keys(option)) {
      if (!OPTION_FIELDS.includes(key)) {
        report(`${optionPath}.${key}`, 'Remove this field; options only have an id and a label.');
      }
    }
  });
}

function checkSelectionLimits(prompt: Record<string, unknown>, path: string, report: Report): void {
  const count = Array.isArray(prompt['options']) ? prompt['options'].length : MAX_OPTIONS;
  const limit = (value: unknown, lowest: number): value is number | undefined =>
    value === undefined || (isWholeNumber(value) && value >= lowest && value <= count);
  const { minSelected, maxSelected } = prompt;
  const minOk = limit(minSelected, 0);
  const maxOk = limit(maxSelected, 1);
  if (!minOk) {
    report(`${path}.minSelected`, `The minimum must be a whole number from 0 to ${count} (the number of options).`);
  }
  if (!maxOk) {
    report(`${path}.maxSelected`, `The maximum must be a whole number from 1 to ${count} (the number of options).`);
  }
  if (minOk && maxOk && minSelected !== undefined && maxSelected !== undefined && minSelected > maxSelected) {
    report(`${path}.maxSelected`, 'The maximum cannot be lower than the minimum.');
  }
}

function checkText(value: unknown, path: string, maxLength: number, emptyMessage: string, report: Report): void {
  if (typeof value !== 'string' || value.trim() === '') {
    report(path, emptyMessage);
  } else if (value.length > maxLength) {
    report(path, `Keep this to ${maxLength} characters or fewer (it has ${value.length}).`);
  }
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
