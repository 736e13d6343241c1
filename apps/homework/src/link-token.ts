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
