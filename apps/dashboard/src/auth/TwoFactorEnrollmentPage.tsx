import { Box, Button, CircularProgress, Typography } from '@mui/material';
import { Navigate, useLogout, useNavigate } from 'react-admin';
import { TwoFactorSetup } from '../account/TwoFactorSetup';
import { PublicPage } from './PublicPage';
import { useSession } from './useSession';

/**
 * `/#/setup-two-factor`: the clinic requires two-factor sign-in and this person has not set it up.
 * The API refuses everything else until then, so this page stands outside the app's layout (whose
 * menu and lists would only collect refusals).
 */
export const TwoFactorEnrollmentPage = () => {
  const { session, reload } = useSession();
  const navigate = useNavigate();
  const logout = useLogout();

  if (session === undefined) {
    return (
      <PublicPage title="Set up two-factor sign-in">
        <Box sx={{ display: 'flex', justifyContent: 'center', py: 3 }}>
          <CircularProgress aria-label="Loading" />
        </Box>
      </PublicPage>
    );
  }
  if (session === null) return <Navigate to="/login" replace />;
  if (!session.twoFactorEnrollmentRequired) return <Navigate to="/" replace />;

  const finish = async () => {
    await reload().catch(() => null);
    navigate('/');
  };

  return (
    <PublicPage
      title="Set up two-factor sign-in"
      subtitle="Your clinic asks everyone to sign in with a password and a code from an authenticator app. It takes about two minutes."
    >
      <TwoFactorSetup account={session.user.email} onDone={finish} doneLabel="Continue to Trellis" />
      <Typography variant="body2" sx={{ mt: 3 }}>
        Not now?{' '}
        <Button size="small" onClick={() => logout()} sx={{ verticalAlign: 'baseline' }}>
          Sign out
        </Button>
      </Typography>
    </PublicPage>
  );
};
