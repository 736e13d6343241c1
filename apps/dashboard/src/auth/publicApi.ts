import { httpClient } from '../data/httpClient';
import type { InvitationPreview } from './types';

// Calls made before anyone is signed in. The API exempts them from CSRF (there is no session to
// forge a request for), and httpClient sends no token when it has none.

/** Who an invitation is for; rejects with a 404 HttpError when the link is no longer valid. */
export const lookupInvitation = async (token: string): Promise<InvitationPreview> =>
  (await httpClient<InvitationPreview>('/auth/invitations/lookup', { method: 'POST', body: { token } })).json;

/** Always 202, whether or not the email has an account: the answer must not tell. */
export const requestPasswordReset = async (email: string): Promise<void> => {
  await httpClient<void>('/auth/password-reset', { method: 'POST', body: { email } });
};
