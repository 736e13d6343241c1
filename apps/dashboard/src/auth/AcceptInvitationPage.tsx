import { Alert, Box, Button, CircularProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { HttpError } from 'react-admin';
import { errorMessage } from '../data/formErrors';
import { NewPasswordForm } from './NewPasswordForm';
import { BackToSignIn, PublicPage } from './PublicPage';
import { lookupInvitation } from './publicApi';
import type { InvitationPreview } from './types';
import { useLinkToken } from './useLinkToken';

type Lookup =
  | { state: 'loading' }
  | { state: 'ready'; invitation: InvitationPreview }
  | { state: 'invalid' }
  | { state: 'taken'; message: string }
  | { state: 'failed'; message: string };

const InvalidLink = () => (
  <PublicPage title="This invitation link no longer works">
    <Typography sx={{ mb: 1 }}>
      Invitation links work once and for a limited time, and an administrator may have withdrawn this one.
    </Typography>
    <Typography>
      Ask your clinic’s administrator to send a new invitation. If you have already joined, sign in instead.
    </Typography>
    <BackToSignIn />
  </PublicPage>
);

/** `/#/accept-invitation?token=…`: greet the invitee, let them choose a password, sign them in. */
export const AcceptInvitationPage = () => {
  const token = useLinkToken();
  const [lookup, setLookup] = useState<Lookup>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!token) return;
    let current = true;
    setLookup({ state: 'loading' });
    lookupInvitation(token).then(
      (invitation) => current && setLookup({ state: 'ready', invitation }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof HttpError && error.status === 404) setLookup({ state: 'invalid' });
        // The address is already someone's account (with another clinic): the API says what to do.
        else if (error instanceof HttpError && error.status === 409)
          setLookup({ state: 'taken', message: errorMessage(error) });
        else setLookup({ state: 'failed', message: errorMessage(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [token, attempt]);

  if (!token || lookup.state === 'invalid') return <InvalidLink />;

  if (lookup.state === 'taken') {
    return (
      <PublicPage title="This address already has a Trellis account">
        <Typography>{lookup.message}</Typography>
        <BackToSignIn />
      </PublicPage>
    );
  }

  if (lookup.state === 'loading') {
    return (
      <PublicPage title="Opening your invitation">
        <Box sx={{ display: 'flex', justifyContent: 'center', py: 3 }}>
          <CircularProgress aria-label="Checking the invitation" />
        </Box>
      </PublicPage>
    );
  }

  if (lookup.state === 'failed') {
    return (
      <PublicPage title="Opening your invitation">
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </Button>
          }
        >
          {lookup.message}
        </Alert>
      </PublicPage>
    );
  }

  const { invitation } = lookup;
  return (
    <PublicPage
      title={`Welcome, ${invitation.name}`}
      subtitle={`You have been invited to join ${invitation.clinicName} on Trellis. Choose a password to finish.`}
    >
      <NewPasswordForm
        purpose="invitation"
        token={token}
        person={invitation}
        submitLabel="Join and sign in"
        onLinkInvalid={() => setLookup({ state: 'invalid' })}
      />
    </PublicPage>
  );
};
