import { createHash, randomBytes } from 'node:crypto';

// Unambiguous letters and digits (no 0/o, 1/l/i) so a code read off paper types right first time.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 10 codes like `k7mq-3xr9-tb2p` (≈70 bits each). */
export function generateRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(12);
    const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** Normalises what a person typed (case, spaces, missing dashes) before hashing. */
export function hashRecoveryCode(code: string): string {
  const normalised = code.toLowerCase().replace(/[^a-z0-9]/g, '');
  return createHash('sha256').update(normalised).digest('hex');
}
