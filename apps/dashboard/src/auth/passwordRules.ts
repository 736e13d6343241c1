import { PASSWORD_MIN_LENGTH, passwordProblem } from '@trellis/domain';

/** Shown under the new-password input before anything is typed. */
export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong one that is easy to remember.`;

type Person = { email: string; name: string };

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The API's own password rules (shared through @trellis/domain), checked as the person types so
 * they learn before submitting. The server checks again and has the last word. Without the person
 * (a reset link does not say whose it is) the name-and-email rule waits for the server.
 */
export const passwordPolicy =
  (person?: Person) =>
  (value: unknown): string | undefined => {
    if (typeof value !== 'string' || value === '') return undefined;
    const problem = passwordProblem(value, person ?? { email: '', name: '' });
    return problem ? sentence(problem) : undefined;
  };

/** For the "confirm password" input. */
export const matchesPassword = (value: unknown, allValues: { password?: unknown }): string | undefined =>
  value === allValues.password ? undefined : 'The two passwords do not match.';
