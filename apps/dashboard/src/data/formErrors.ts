/** Field errors in the shape react-admin forms accept as a submit result: `{ [field]: message }`. */
export type FormErrors = Record<string, string>;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * What a form should show under its inputs after a failed submit, or undefined when the failure is
 * not about a field (then the caller notifies). A 409 has no field list, but some conflicts belong
 * to one input: `conflictField` names it, e.g. "this email already has an account" under Email.
 */
export const submissionErrors = (error: unknown, conflictField?: string): FormErrors | undefined => {
  if (!isRecord(error)) return undefined;
  const body = isRecord(error.body) ? error.body : undefined;
  if (body && isRecord(body.errors) && Object.keys(body.errors).length > 0) return body.errors as FormErrors;
  if (error.status === 409 && conflictField && typeof error.message === 'string' && error.message !== '') {
    return { [conflictField]: error.message };
  }
  return undefined;
};

/** A readable message for any thrown value. */
export const errorMessage = (error: unknown, fallback = 'Something went wrong. Try again in a moment.'): string =>
  isRecord(error) && typeof error.message === 'string' && error.message !== '' ? error.message : fallback;
