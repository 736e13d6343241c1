/** RFC 9457 problem details, as the API sends them (`application/problem+json`). */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export interface ParsedProblem {
  message: string;
  /** `{ [field]: message }`: the shape react-admin forms read from `HttpError.body.errors`. */
  fieldErrors: Record<string, string>;
  problem: ProblemDetails;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const statusMessages: Record<number, string> = {
  401: 'Please sign in again.',
  403: 'You do not have access to this.',
  404: 'This could not be found. It may have been removed.',
  429: 'Too many attempts. Wait a minute and try again.',
};

const defaultMessage = (status: number): string => {
  if (statusMessages[status]) return statusMessages[status];
  return status >= 500 ? 'Something went wrong on our side. Try again in a moment.' : `The request failed (${status}).`;
};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/**
 * Turns any error body into a message and per-field errors. Defensive on purpose: a proxy or a
 * crash can answer with HTML or nothing at all, and the user still deserves a readable message.
 */
export const parseProblem = (status: number, body: unknown): ParsedProblem => {
  const problem: ProblemDetails = isRecord(body) ? (body as ProblemDetails) : {};
  const fieldErrors: Record<string, string> = {};
  for (const entry of Array.isArray(problem.errors) ? problem.errors : []) {
    const field = isRecord(entry) ? text(entry.field) : undefined;
    const message = isRecord(entry) ? text(entry.message) : undefined;
    if (!field || !message) continue;
    // The API words field errors as fragments ("must be an email address"); under a labelled input
    // they read as sentences.
    const sentence = message.charAt(0).toUpperCase() + message.slice(1);
    // Several rules can fail on one field; a form shows a single line per field.
    fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]} ${sentence}` : sentence;
  }
  return {
    message: text(problem.detail) ?? text(problem.title) ?? defaultMessage(status),
    fieldErrors,
    problem,
  };
};
