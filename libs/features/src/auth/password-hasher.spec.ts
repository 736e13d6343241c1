import { hashPassword, verifyPassword } from './password-hasher';

// Guards the native argon2 binding: a broken build fails here, not at a user's first sign-in.
describe('password hasher', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(verifyPassword(stored, 'correct horse battery staple')).resolves.toBe(true);
    await expect(verifyPassword(stored, 'wrong')).resolves.toBe(false);
  });

  it('treats a malformed stored hash as a mismatch', async () => {
    await expect(verifyPassword('not-a-hash', 'anything')).resolves.toBe(false);
  });
});
