/**
 * A stable name for things this device keeps about one link, derived from the token so the token
 * itself never lands in storage (a shared phone's other user, or a browser extension, reads storage).
 */
export const tokenKey = async (
  token: string,
  subtle: SubtleCrypto | null = globalThis.crypto?.subtle ?? null,
): Promise<string> => {
  if (subtle) {
    try {
      const digest = await subtle.digest('SHA-256', new TextEncoder().encode(`trellis-homework:${token}`));
      return `s${toHex(new Uint8Array(digest).slice(0, 16))}`;
    } catch {
      // Fall through: e.g. a page served over plain http outside localhost has no crypto.subtle.
    }
  }
  return `f${fnv1a(token, 0x811c9dc5)}${fnv1a(token, 0x01000193)}`;
};

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** FNV-1a, 32 bits: not secret-grade, but many tokens share each value, so it reveals none. */
const fnv1a = (text: string, seed: number): string => {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
};
