import {
  audienceOf,
  type ChoiceOption,
  type Prompt,
  SCALE_DEFAULT_MAX,
  SCALE_DEFAULT_MIN,
  LONG_TEXT_MAX_LENGTH,
} from '@trellis/domain';
import type { HomeworkGreeting, HomeworkStatus, HomeworkView as ContractHomeworkView } from '@trellis/contracts';
import { sanitizeAnswers } from './answers';

// Response shapes of /api/v1/homework/* come from the contracts the API publishes; the page still
// checks every response against them (a captive portal can answer 200 with anything).

/** `POST /homework/link`: who the link is for, and nothing else. */
export type HomeworkLink = HomeworkGreeting;

export type { HomeworkStatus };

/** `GET /homework/current`: this partner's homework (the response id is kept by api.ts). */
export type HomeworkView = Omit<ContractHomeworkView, 'responseId'>;

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const optStr = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const int = (value: unknown, fallback: number): number => (Number.isInteger(value) ? (value as number) : fallback);

export const toHomeworkLink = (body: unknown): HomeworkLink | undefined =>
  isRecord(body) && typeof body.partnerFirstName === 'string' && typeof body.clinicName === 'string'
    ? { partnerFirstName: body.partnerFirstName, clinicName: body.clinicName }
    : undefined;

const toOptions = (value: unknown): ChoiceOption[] =>
  Array.isArray(value)
    ? value.filter((o): o is ChoiceOption => isRecord(o) && typeof o.id === 'string' && typeof o.label === 'string')
    : [];

/**
 * One prompt as the page can render it, or undefined for a shape it does not know (a newer kind):
 * the page shows what it can rather than nothing at all.
 */
export const toPrompt = (value: unknown): Prompt | undefined => {
  if (!isRecord(value) || typeof value.id !== 'string' || value.id === '' || typeof value.label !== 'string') {
    return undefined;
  }
  const base = {
    id: value.id,
    label: value.label,
    required: value.required === true,
    // Fails closed: a prompt whose audience is missing or unknown is read as counselor-only.
    audience: audienceOf(value),
    ...(typeof value.help === 'string' && value.help !== '' ? { help: value.help } : {}),
  };
  switch (value.kind) {
    case 'long_text': {
      const maxLength = Math.min(Math.max(int(value.maxLength, LONG_TEXT_MAX_LENGTH), 1), LONG_TEXT_MAX_LENGTH);
      const minLength = int(value.minLength, 0);
      return { ...base, kind: 'long_text', maxLength, ...(minLength > 0 ? { minLength } : {}) };
    }
    case 'scale': {
      let min = int(value.min, SCALE_DEFAULT_MIN);
      let max = int(value.max, SCALE_DEFAULT_MAX);
      if (min >= max || max - min > 100) [min, max] = [SCALE_DEFAULT_MIN, SCALE_DEFAULT_MAX];
      return { ...base, kind: 'scale', min, max, minLabel: str(value.minLabel), maxLabel: str(value.maxLabel) };
    }
    case 'single_choice': {
      const options = toOptions(value.options);
      return options.length > 0 ? { ...base, kind: 'single_choice', options } : undefined;
    }
    case 'checklist': {
      const options = toOptions(value.options);
      if (options.length === 0) return undefined;
      const minSelected = int(value.minSelected, -1);
      const maxSelected = int(value.maxSelected, -1);
      return {
        ...base,
        kind: 'checklist',
        options,
        ...(minSelected > 0 ? { minSelected } : {}),
        ...(maxSelected > 0 ? { maxSelected } : {}),
      };
    }
    default:
      return undefined;
  }
};

const STATUSES: readonly HomeworkStatus[] = ['not_started', 'draft', 'submitted'];

const toComments = (value: unknown): HomeworkView['therapistComments'] =>
  Array.isArray(value)
    ? value
        .filter(isRecord)
        .filter((c) => typeof c.body === 'string' && c.body !== '')
        .map((c) => ({ authorName: str(c.authorName), body: str(c.body), createdAt: str(c.createdAt) }))
    : [];

/** The couple's path, when this homework is a step of it: numbers that make sense, or nothing. */
const toPath = (value: unknown): HomeworkView['path'] => {
  if (!isRecord(value)) return null;
  const step = int(value.step, 0);
  const total = int(value.total, 0);
  if (step < 1 || total < step) return null;
  return { step, total, nextTitle: optStr(value.nextTitle) };
};

/** Checks and tidies a `GET /current` body; undefined when it is not homework at all. */
export const toHomeworkView = (body: unknown): HomeworkView | undefined => {
  if (!isRecord(body) || typeof body.title !== 'string' || !Array.isArray(body.prompts)) return undefined;
  const prompts = body.prompts.map(toPrompt).filter((p): p is Prompt => p !== undefined);
  const status = STATUSES.includes(body.status as HomeworkStatus) ? (body.status as HomeworkStatus) : 'draft';
  const minutes = body.estimatedMinutes;
  return {
    partnerFirstName: str(body.partnerFirstName),
    clinicName: str(body.clinicName),
    therapistName: str(body.therapistName) || 'your therapist',
    title: body.title,
    purpose: str(body.purpose),
    instructions: str(body.instructions),
    message: str(body.message),
    dueAt: str(body.dueAt),
    dueLabel: str(body.dueLabel),
    estimatedMinutes: typeof minutes === 'number' && minutes > 0 ? Math.round(minutes) : null,
    prompts,
    answers: sanitizeAnswers(prompts, body.answers),
    status,
    lastSavedAt: optStr(body.lastSavedAt),
    submittedAt: optStr(body.submittedAt),
    sharesAnswersAfterBoth: body.sharesAnswersAfterBoth === true,
    partnerAnswers: isRecord(body.partnerAnswers) ? sanitizeAnswers(prompts, body.partnerAnswers) : null,
    partnerName: optStr(body.partnerName),
    therapistComments: toComments(body.therapistComments),
    notSafeReportedAt: optStr(body.notSafeReportedAt),
    path: toPath(body.path),
  };
};
