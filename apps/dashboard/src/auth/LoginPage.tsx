import { Box, Button, CardContent, CircularProgress, Typography } from '@mui/material';
import { useState } from 'react';
import { email, Form, LinkBase, Login, PasswordInput, required, TextInput, useLogin } from 'react-admin';
import { isExpiredSignInStep, isTwoFactorRequired, signInFailureMessage, validateTotpCode } from './twoFactor';

const validateEmail = [required(), email()];
const validateCode = [required('Enter the 6-digit code.'), validateTotpCode];
const validateRecoveryCode = required('Enter one of your recovery codes.');

type Step = 'password' | 'second-factor';

const SubmitButton = ({ busy, label }: { busy: boolean; label: string }) => (
  <Button variant="contained" type="submit" color="primary" disabled={busy} fullWidth sx={{ mt: 2 }}>
    {busy ? <CircularProgress size={19} thickness={3} aria-label="Signing in" /> : label}
  </Button>
);

// Not MUI's Alert: the sign-in page is in the first load, and a line of text says it as well.
const Failure = ({ message }: { message?: string }) =>
  message ? (
    <Typography role="alert" color="error" variant="body2" sx={{ mt: 1 }}>
      {message}
    </Typography>
  ) : null;

/** Step one: email and password. */
const PasswordStep = ({ onSecondFactor, notice }: { onSecondFactor: () => void; notice?: string }) => {
  const login = useLogin();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(notice);

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await login({ email: values.email, password: values.password });
    } catch (error) {
      if (isTwoFactorRequired(error)) return onSecondFactor();
      setFailure(signInFailureMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form onSubmit={submit} noValidate>
      <CardContent sx={{ width: 300, pb: 2 }}>
        <TextInput
          source="email"
          type="email"
          label="Email"
          autoComplete="username"
          autoFocus
          validate={validateEmail}
        />
        <PasswordInput source="password" label="Password" autoComplete="current-password" validate={required()} />
        <Failure message={failure} />
        <SubmitButton busy={busy} label="Sign in" />
      </CardContent>
    </Form>
  );
};

/** Step two: the code from the authenticator app, or a recovery code when the phone is not at hand. */
const SecondFactorStep = ({ onRestart }: { onRestart: (notice?: string) => void }) => {
  const login = useLogin();
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await login(useRecoveryCode ? { recoveryCode: values.recoveryCode } : { code: values.code });
    } catch (error) {
      // The password step is only good for a few minutes.
      if (isExpiredSignInStep(error)) return onRestart(signInFailureMessage(error));
      setFailure(signInFailureMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    // A new form per mode, so a half-typed code does not linger behind the other input.
    <Form key={useRecoveryCode ? 'recovery' : 'code'} onSubmit={submit} noValidate>
      <CardContent sx={{ width: 300, pb: 2 }}>
        <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 500 }}>
          Two-factor sign-in
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {useRecoveryCode
            ? 'Enter one of the recovery codes you saved when you set up two-factor sign-in. Each works once.'
            : 'Enter the 6-digit code your authenticator app shows for Trellis.'}
        </Typography>
        {useRecoveryCode ? (
          <TextInput
            source="recoveryCode"
            label="Recovery code"
            autoComplete="off"
            autoFocus
            validate={validateRecoveryCode}
            slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'none' } }}
          />
        ) : (
          <TextInput
            source="code"
            label="6-digit code"
            autoComplete="one-time-code"
            autoFocus
            validate={validateCode}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 7 } }}
          />
        )}
        <Failure message={failure} />
        <SubmitButton busy={busy} label="Verify and sign in" />
        <Box sx={{ mt: 1.5, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 0.5 }}>
          <Button size="small" onClick={() => setUseRecoveryCode((value) => !value)}>
            {useRecoveryCode ? 'Use your authenticator app' : 'Use a recovery code'}
          </Button>
          <Button size="small" color="inherit" onClick={() => onRestart()}>
            Start over
          </Button>
        </Box>
      </CardContent>
    </Form>
  );
};

export const LoginPage = () => {
  const [step, setStep] = useState<Step>('password');
  const [notice, setNotice] = useState<string>();

  return (
    <Login>
      {/* The sign-in card is the page's main landmark: everything on a page belongs to one (axe "region"). */}
      <Box component="main">
        <Box component="header" sx={{ px: 2, textAlign: 'center' }}>
          <Typography component="h1" variant="h5">
            Trellis
          </Typography>
          <Typography color="text.secondary">Sign in to your clinic</Typography>
        </Box>
        {step === 'password' ? (
          <PasswordStep key={notice ?? ''} notice={notice} onSecondFactor={() => setStep('second-factor')} />
        ) : (
          <SecondFactorStep
            onRestart={(message) => {
              setNotice(message);
              setStep('password');
            }}
          />
        )}
        <Box sx={{ px: 2, pb: 2, textAlign: 'center' }}>
          {/* LinkBase, not react-admin's Link: that one brings MUI's Link into the first load for one line. */}
          <Typography
            component={LinkBase}
            to="/forgot-password"
            variant="body2"
            color="primary"
            sx={{ textDecoration: 'underline' }}
          >
            Forgot your password?
          </Typography>
        </Box>
      </Box>
    </Login>
  );
};
