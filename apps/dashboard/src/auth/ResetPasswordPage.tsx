import { Typography } from '@mui/material';
import { useState } from 'react';
import { Link } from 'react-admin';
import { NewPasswordForm } from './NewPasswordForm';
import { BackToSignIn, PublicPage } from './PublicPage';
import { useLinkToken } from './useLinkToken';

const InvalidLink = () => (
  <PublicPage title="This reset link no longer works">
    <Typography>
      Reset links work once and for a limited time. <Link to="/forgot-password">Ask for a new link</Link> and use the
      newest email.
    </Typography>
    <BackToSignIn />
  </PublicPage>
);

/** `/#/reset-password?token=…`: choose a new password, then be signed in. */
export const ResetPasswordPage = () => {
  const token = useLinkToken();
  // Remembered per token: following a newer link in the same tab starts afresh.
  const [invalidToken, setInvalidToken] = useState<string>();
  if (!token || token === invalidToken) return <InvalidLink />;

  return (
    <PublicPage title="Choose a new password" subtitle="Your old password stops working once you save this one.">
      <NewPasswordForm
        purpose="password-reset"
        token={token}
        submitLabel="Save and sign in"
        onLinkInvalid={() => setInvalidToken(token)}
      />
      <BackToSignIn />
    </PublicPage>
  );
};
