import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Why a password is not acceptable, in words a person can act on; null when it is fine.
 * Length over complexity rules (NIST SP 800-63B): long passphrases are easy to remember and hard
 * to guess; the checks refuse what attackers try first.
 */
export function passwordProblem(password: string, person: { email: string; name: string }): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `must be at least ${PASSWORD_MIN_LENGTH} characters — a few unrelated words make a strong one`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || new Set(lower).size <= 3) {
    return 'is one of the most common passwords — choose something less guessable';
  }
  const localPart = person.email.split('@')[0].toLowerCase();
  const nameParts = person.name
    .toLowerCase()
    .split(/\s+/)
    .filter((p) => p.length >= 3);
  if ((localPart.length >= 3 && lower.includes(localPart)) || nameParts.some((p) => lower.includes(p))) {
    return 'must not contain your name or email address';
  }
  return null;
}
