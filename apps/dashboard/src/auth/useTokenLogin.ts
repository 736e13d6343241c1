import { useAuthProvider, useAuthState, useGetIdentity, useNavigate, usePermissions } from 'react-admin';
import type { TokenLoginParams } from './authProvider';

/**
 * Signs in through an emailed link (invitation or password reset), then opens the app.
 *
 * Not react-admin's useLogin: these pages live inside the admin's routes, which have already
 * cached "not signed in" for this tab. Going home on that stale answer would hit react-admin's
 * log-out-on-mount and end the session just created. Re-asking the cached questions (the same
 * query keys the admin's router and app bar use) before navigating avoids it, and replaces
 * whoever this tab showed before, if anyone.
 */
export const useTokenLogin = () => {
  const authProvider = useAuthProvider();
  const { refetch: recheckAuth } = useAuthState(undefined, false, { enabled: false });
  const { refetch: reloadPermissions } = usePermissions(undefined, { enabled: false });
  const { refetch: reloadIdentity } = useGetIdentity({ enabled: false });
  const navigate = useNavigate();

  return async (params: TokenLoginParams): Promise<void> => {
    if (!authProvider) throw new Error('Trellis needs an authProvider.');
    const result: { redirectTo?: string } | undefined = await authProvider.login(params);
    await Promise.all([recheckAuth(), reloadPermissions(), reloadIdentity()]);
    // A clinic that requires two-factor sign-in sends newcomers to set it up first.
    navigate(result?.redirectTo ?? '/');
  };
};
