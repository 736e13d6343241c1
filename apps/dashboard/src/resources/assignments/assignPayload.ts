import { isInFuture, isoOrNull } from '../../common/dates';

/** The API assigns one exercise to at most this many couples per request. */
export const MAX_ASSIGN_COUPLES = 50;

/** `POST /assignments` */
export interface AssignBody {
  exerciseId: string;
  coupleIds: string[];
  /** A fixed due date, or… */
  dueAt?: string;
  /** …due this many hours before each couple's next session, moving with it. */
  dueBeforeSessionHours?: number;
  message?: string;
  shareAnswersAfterBoth: boolean;
}

export const MESSAGE_MAX_LENGTH = 2000;
/** The API's limit: two weeks before the session. */
export const MAX_HOURS_BEFORE_SESSION = 336;
export const DEFAULT_HOURS_BEFORE_SESSION = 24;

const followsSession = (values: Values) => values.followSession === true;
const hoursBefore = (value: unknown): number | null => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_HOURS_BEFORE_SESSION ? n : null;
};

type Values = Record<string, unknown>;

const ids = (value: unknown): string[] => [
  ...new Set(
    (Array.isArray(value) ? value : value ? [value] : []).filter(
      (id): id is string => typeof id === 'string' && id !== '',
    ),
  ),
];

/**
 * Problems with the assign form before it is sent, keyed like the API's field errors so the same
 * inputs show both. The server checks again (a couple may have been paused meanwhile).
 */
export const assignProblems = (values: Values, now: Date = new Date()): Record<string, string> => {
  const problems: Record<string, string> = {};
  if (ids(values.exerciseId).length === 0) problems.exerciseId = 'Choose an exercise.';
  const couples = ids(values.coupleIds);
  if (couples.length === 0) problems.coupleIds = 'Choose at least one couple.';
  else if (couples.length > MAX_ASSIGN_COUPLES) {
    problems.coupleIds = `Choose at most ${MAX_ASSIGN_COUPLES} couples at once (${couples.length} chosen).`;
  }
  if (followsSession(values)) {
    if (hoursBefore(values.dueBeforeSessionHours) === null)
      problems.dueBeforeSessionHours = `Give a whole number of hours, 0 to ${MAX_HOURS_BEFORE_SESSION}.`;
  } else {
    const dueAt = isoOrNull(values.dueAt);
    if (!dueAt) problems.dueAt = 'Choose when the homework is due.';
    else if (!isInFuture(dueAt, now)) problems.dueAt = 'Choose a time in the future.';
  }
  if (typeof values.message === 'string' && values.message.length > MESSAGE_MAX_LENGTH) {
    problems.message = `Keep the message to ${MESSAGE_MAX_LENGTH} characters or fewer.`;
  }
  return problems;
};

/** The form's values as the API takes them: unique couples, an ISO due date, no blank message. */
export const assignBody = (values: Values): AssignBody => {
  const message = typeof values.message === 'string' ? values.message.trim() : '';
  return {
    exerciseId: ids(values.exerciseId)[0] ?? '',
    coupleIds: ids(values.coupleIds),
    ...(followsSession(values)
      ? { dueBeforeSessionHours: hoursBefore(values.dueBeforeSessionHours) ?? DEFAULT_HOURS_BEFORE_SESSION }
      : { dueAt: isoOrNull(values.dueAt) ?? '' }),
    ...(message ? { message } : {}),
    shareAnswersAfterBoth: values.shareAnswersAfterBoth === true,
  };
};
