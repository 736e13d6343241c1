import { callApi } from '../data/api';
import type { InvitationPreview } from './types';

// Calls made before anyone is signed in. The API exempts them from CSRF (there is no session to
// forge a request for), and httpClient sends no token when it has none.

/** Who an invitation is for; rejects with a 404 HttpError when the link is no longer valid. */
export const lookupInvitation = async (token: string): Promise<InvitationPreview> =>
  callApi('post', '/auth/invitations/lookup', { params: {}, body: { token } });

/** Always 202, whether or not the email has an account: the answer must not tell. */
export const requestPasswordReset = async (email: string): Promise<void> => {
  await callApi('post', '/auth/password-reset', { params: {}, body: { email } });
};
