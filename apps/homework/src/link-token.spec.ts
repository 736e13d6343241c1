import { describe, expect, it } from '@jest/globals';
import { tokenFromPath } from './link-token';

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
