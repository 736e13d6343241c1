/**
 * The token from a homework link, `<base><token>` (base is `/h/`), or `undefined` when the path
 * has none.
 */
export const tokenFromPath = (pathname: string, base: string): string | undefined => {
  if (!pathname.startsWith(base)) return undefined;
  const segment = pathname.slice(base.length).split('/')[0];
  if (!segment || segment === 'index.html') return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    // A mangled escape (an email client's doing) is still worth asking the API about.
    return segment;
  }
};

const TOKEN = /^[A-Za-z0-9_-]{43}/;

/**
 * The link token (43 base64url characters), or undefined when the path cannot hold one. An email
 * client that glued punctuation onto the link ("…/h/<token>).") still opens the homework.
 */
export const cleanToken = (raw: string | undefined): string | undefined => {
  const match = raw === undefined ? null : TOKEN.exec(raw.trim());
  return match ? match[0] : undefined;
};
