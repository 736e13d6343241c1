import type { AuthProvider, UserIdentity } from 'react-admin';
import type { ApiRouteFor } from '@trellis/contracts';
import { callApi } from '../data/api';
import { fetchSession, forgetSession, getSession, knownSession } from './session';
import {
  ENROLLMENT_PATH,
  isTwoFactorChallenge,
  normalizeRecoveryCode,
  normalizeTotpCode,
  TwoFactorRequiredError,
} from './twoFactor';
import type { LoginResponse, SecondFactorParams, StaffUser, TokenPurpose } from './types';

export interface LoginParams {
  email: string;
  password: string;
}

/** Signing in with an emailed token and the password the person has just chosen. */
export interface TokenLoginParams {
  purpose: TokenPurpose;
  token: string;
  password: string;
}

const tokenLoginPaths = {
  invitation: '/auth/invitations/accept',
  'password-reset': '/auth/password-reset/confirm',
} as const satisfies Record<TokenPurpose, ApiRouteFor<'post'>>;

export interface StaffIdentity extends UserIdentity {
  email: string;
  role: StaffUser['role'];
  clinicId: string;
}

const signedInUser = async (): Promise<StaffUser> => {
  const session = await getSession();
  if (!session) throw new Error('Not signed in.');
  return session.user;
};

export const authProvider: AuthProvider = {
  /**
   * Password first. When two-factor sign-in is on, the API answers "code next" and this throws
   * TwoFactorRequiredError (the sign-in page then asks for the code, and calls login again with it).
   * Resolves `{ redirectTo }` when the clinic requires two-factor sign-in that is not set up yet.
   */
  async login(params: LoginParams | TokenLoginParams | SecondFactorParams) {
    if ('token' in params) {
      const { purpose, token, password } = params;
      await callApi('post', tokenLoginPaths[purpose], { params: {}, body: { token, password } });
    } else if ('code' in params || 'recoveryCode' in params) {
      const body =
        'code' in params
          ? { code: normalizeTotpCode(params.code) ?? params.code }
          : { recoveryCode: normalizeRecoveryCode(params.recoveryCode) };
      await callApi('post', '/auth/2fa/verify', { params: {}, body });
    } else {
      const { email, password } = params;
      const json: LoginResponse = await callApi('post', '/auth/login', { params: {}, body: { email, password } });
      if (isTwoFactorChallenge(json)) throw new TwoFactorRequiredError();
    }
    // Signing in starts a new server-side session with a new CSRF token: drop the old one.
    forgetSession();
    const session = await fetchSession();
    if (!session) {
      // The API accepted the password but the cookie did not stick (a Secure cookie over plain
      // http, or cookies blocked): say so instead of looping back to the sign-in page.
      throw new Error('Signed in, but this browser did not keep the session cookie. Check that cookies are allowed.');
    }
    // Until it is set up, the API refuses everything else: go straight to the set-up page.
    if (session.twoFactorEnrollmentRequired) return { redirectTo: ENROLLMENT_PATH };
  },

  async logout() {
    if (knownSession() !== null) {
      try {
        await callApi('post', '/auth/logout', { params: {} });
      } catch {
        // Already gone server-side (expired, deactivated) or unreachable: either way this tab
        // must forget the user, and nothing useful can be shown about it.
      }
    }
    forgetSession();
  },

  // Asks the server on every check: deactivating a user ends their sessions at once, and the
  // answer also refreshes the CSRF token.
  async checkAuth() {
    const wasSignedIn = Boolean(knownSession());
    if (await fetchSession()) return;
    // A first visit goes to the sign-in page quietly; a session that ended under the user says so.
    return Promise.reject(
      wasSignedIn ? new Error('Your session has ended. Please sign in again.') : { message: false },
    );
  },

  async checkError(error: { status?: number; message?: string } | undefined) {
    if (error?.status === 401) {
      forgetSession();
      return Promise.reject();
    }
    if (error?.status === 403) {
      // The clinic requires two-factor sign-in and this person has not set it up: every call but
      // the set-up ones is refused. Ask the session rather than parse the message.
      const enrolling =
        knownSession()?.twoFactorEnrollmentRequired ||
        (await fetchSession().catch(() => null))?.twoFactorEnrollmentRequired;
      if (enrolling) {
        return Promise.reject({ logoutUser: false, redirectTo: ENROLLMENT_PATH, message: false });
      }
      // Forbidden is not signed out: stay signed in and let the page show the refusal.
      return Promise.reject({ logoutUser: false, message: error.message });
    }
    return Promise.resolve();
  },

  async getIdentity(): Promise<StaffIdentity> {
    const user = await signedInUser();
    return { id: user.id, fullName: user.name, email: user.email, role: user.role, clinicId: user.clinicId };
  },

  // Signed out is "no permissions", not an error: react-admin waits for this answer before it
  // routes, and a rejection would be retried (seconds of spinner) before the sign-in page shows.
  async getPermissions() {
    return (await getSession())?.user.role ?? null;
  },
};
