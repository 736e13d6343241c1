import { createHash, randomBytes } from 'node:crypto';

/** 256 bits of randomness, URL-safe. Only its hash is stored, so a database leak leaks no link. */
export function mintSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecretToken(token) };
}

/** SHA-256 is enough here: the input is random, not a guessable password. */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
