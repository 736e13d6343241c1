const API_ROOT = '/api/v1';

export interface HomeworkLink {
  partnerFirstName: string;
  clinicName: string;
}

export type LinkLookup =
  | { status: 'active'; link: HomeworkLink }
  | { status: 'inactive' }
  | { status: 'unreachable' };

const isHomeworkLink = (body: unknown): body is HomeworkLink =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as HomeworkLink).partnerFirstName === 'string' &&
  typeof (body as HomeworkLink).clinicName === 'string';

/**
 * Looks up a homework link. Any refusal reads the same to the client (expired, revoked, unknown,
 * or another partner's), so nobody learns from the page which of these it was.
 */
export const lookUpLink = async (token: string): Promise<LinkLookup> => {
  let response: Response;
  try {
    response = await fetch(`${API_ROOT}/homework/link/${encodeURIComponent(token)}`, {
      headers: { Accept: 'application/json' },
      // The token is the only credential: a staff session cookie in the same browser stays home.
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return { status: 'unreachable' };
  }
  if (!response.ok) return { status: 'inactive' };
  const body: unknown = await response.json().catch(() => undefined);
  return isHomeworkLink(body) ? { status: 'active', link: body } : { status: 'inactive' };
};
