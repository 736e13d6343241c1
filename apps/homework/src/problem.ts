/**
 * Reading the API's RFC 9457 problem+json errors. Defensive on purpose: a proxy, a captive portal
 * or a crash can answer with HTML or nothing at all, and the person still deserves a calm sentence.
 */

export interface ParsedProblem {
  /** One sentence for the person, never a stack trace or a status code. */
  message: string;
  /** `{ [field]: message }`, e.g. `{ 'answers.feelings': 'Please answer this question.' }`. */
  fieldErrors: Record<string, string>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** Status 0 stands for "no answer at all": offline, DNS, a timeout. */
export const defaultMessage = (status: number): string => {
  if (status === 0) return 'We couldn’t reach Trellis. Check your internet connection and try again.';
  if (status === 429) return 'That was a lot of tries in a short time. Please wait a minute, then try again.';
  if (status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
  return 'Something went wrong. Please try again.';
};

const sentence = (message: string): string => message.charAt(0).toUpperCase() + message.slice(1);

export const parseProblem = (status: number, body: unknown): ParsedProblem => {
  const problem = isRecord(body) ? body : {};
  const fieldErrors: Record<string, string> = {};
  for (const entry of Array.isArray(problem.errors) ? problem.errors : []) {
    const field = isRecord(entry) ? text(entry.field) : undefined;
    const message = isRecord(entry) ? text(entry.message) : undefined;
    if (field === undefined || message === undefined) continue;
    // One line per field: several rules failing on one answer read as one paragraph.
    fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]} ${sentence(message)}` : sentence(message);
  }
  // Server wording only for the person's own mistakes; for outages our own calmer sentence.
  const own =
    status >= 400 && status < 500 && status !== 429 ? (text(problem.detail) ?? text(problem.title)) : undefined;
  return { message: own ?? defaultMessage(status), fieldErrors };
};

const ANSWER_FIELD = /^answers\.(.+)$/;

/**
 * Splits field errors into those about one prompt (`answers.<promptId>` → keyed by prompt id) and
 * the rest (e.g. `answers` as a whole), which the page shows as one general message.
 */
export const promptErrors = (
  fieldErrors: Record<string, string>,
  promptIds: readonly string[],
): { byPrompt: Record<string, string>; other: string[] } => {
  const known = new Set(promptIds);
  const byPrompt: Record<string, string> = {};
  const other: string[] = [];
  for (const [field, message] of Object.entries(fieldErrors)) {
    // A nested path (`answers.feelings.0`) still belongs to its prompt.
    const id = ANSWER_FIELD.exec(field)?.[1]?.split('.')[0];
    if (id !== undefined && known.has(id)) byPrompt[id] = byPrompt[id] ? `${byPrompt[id]} ${message}` : message;
    else other.push(message);
  }
  return { byPrompt, other };
};

const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** `Retry-After` as milliseconds from `now` (seconds or an HTTP date), capped at ten minutes. */
export const retryAfterMs = (header: string | null | undefined, now: number): number | undefined => {
  const value = header?.trim();
  if (!value) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
};
