import { describe, expect, it } from '@jest/globals';
import { tokenKey } from './token-key';

const token = 'q7Yl0m1m3pBqXf8y2rJxK9cWbE4hT6uZsN5vD0aG1iL';

describe('tokenKey', () => {
  it('is stable per token, differs between tokens, and does not contain the token', async () => {
    const key = await tokenKey(token);
    expect(key).toMatch(/^s[0-9a-f]{32}$/);
    expect(await tokenKey(token)).toBe(key);
    expect(await tokenKey(`${token.slice(0, -1)}M`)).not.toBe(key);
    expect(key).not.toContain(token.slice(0, 8));
  });

  it('falls back to a plain hash where crypto.subtle is missing (http outside localhost)', async () => {
    const key = await tokenKey(token, null);
    expect(key).toMatch(/^f[0-9a-f]{16}$/);
    expect(await tokenKey(token, null)).toBe(key);
    expect(await tokenKey('another', null)).not.toBe(key);
  });
});
