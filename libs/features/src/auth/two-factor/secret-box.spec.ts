import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(null, 'session-secret-that-is-long-enough-0123456789');

  it('round-trips and never stores the plaintext', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(sealed);
  });

  it('refuses tampered ciphertext and the wrong key', () => {
    const sealed = box.seal('secret');
    const [iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] ^= 1;
    expect(() => box.open([iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
    expect(() => new SecretBox('another-key-that-is-long-enough-0123456789', 'x').open(sealed)).toThrow();
  });
});
