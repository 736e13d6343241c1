import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for small secrets at rest (TOTP seeds). The key is DATA_ENCRYPTION_KEY, or — when
 * unset — derived from SESSION_SECRET with HKDF, so rotating the session secret alone then also
 * requires re-enrolling two-factor sign-in (documented in the README).
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(dataEncryptionKey: string | null, sessionSecret: string) {
    const material = dataEncryptionKey ?? sessionSecret;
    this.key = Buffer.from(hkdfSync('sha256', material, 'trellis', 'data-encryption-v1', 32));
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
  }

  open(sealed: string): string {
    const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  }
}
