import { describe, expect, it } from '@jest/globals';
import { cleanToken, tokenFromPath } from './link-token';

describe('tokenFromPath', () => {
  it('reads the token after the base', () => {
    expect(tokenFromPath('/h/abc_DEF-123', '/h/')).toBe('abc_DEF-123');
    expect(tokenFromPath('/h/abc/', '/h/')).toBe('abc');
  });

  it('finds no token on the bare page', () => {
    expect(tokenFromPath('/h/', '/h/')).toBeUndefined();
    expect(tokenFromPath('/h', '/h/')).toBeUndefined();
    expect(tokenFromPath('/h/index.html', '/h/')).toBeUndefined();
    expect(tokenFromPath('/other/abc', '/h/')).toBeUndefined();
  });

  it('decodes escapes and keeps a malformed one as it is', () => {
    expect(tokenFromPath('/h/a%2Bb', '/h/')).toBe('a+b');
    expect(tokenFromPath('/h/a%E0b', '/h/')).toBe('a%E0b');
  });
});

describe('cleanToken', () => {
  const token = 'q7Yl0m1m3pBqXf8y2rJxK9cWbE4hT6uZsN5vD0aG1iL';

  it('accepts a 43-character base64url token', () => {
    expect(cleanToken(token)).toBe(token);
  });

  it('drops punctuation an email client glued on', () => {
    expect(cleanToken(`${token}).`)).toBe(token);
  });

  it('refuses what cannot be a token', () => {
    expect(cleanToken(undefined)).toBeUndefined();
    expect(cleanToken('short')).toBeUndefined();
    expect(cleanToken(`${token.slice(0, 20)}+${token.slice(21)}`)).toBeUndefined();
  });
});
