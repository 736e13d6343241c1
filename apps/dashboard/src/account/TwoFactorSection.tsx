import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import {
  Alert,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { HttpError, useNotify } from 'react-admin';
import { validateTotpCode } from '../auth/twoFactor';
import { disableTwoFactor } from '../auth/twoFactorApi';
import type { SessionResponse } from '../auth/types';
import { errorMessage, submissionErrors } from '../data/formErrors';
import { TwoFactorSetup } from './TwoFactorSetup';

interface DisableDialogProps {
  open: boolean;
  onClose: () => void;
  onDisabled: () => void;
}

/** Turning it off needs the second factor itself, so a borrowed unlocked laptop is not enough. */
const DisableDialog = ({ open, onClose, onDisabled }: DisableDialogProps) => {
  const [useRecoveryCode, setUseRecoveryCode] = useState(false);
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setValue('');
    setFieldError(undefined);
    setRefusal(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem =
      value.trim() === ''
        ? useRecoveryCode
          ? 'Enter one of your recovery codes.'
          : 'Enter the 6-digit code.'
        : useRecoveryCode
          ? undefined
          : validateTotpCode(value);
    setFieldError(problem);
    setRefusal(undefined);
    if (problem) return;
    setBusy(true);
    try {
      await disableTwoFactor(useRecoveryCode ? { recoveryCode: value } : { code: value });
      reset();
      onDisabled();
    } catch (error) {
      // 409: the clinic requires it. Not about the code, so not under the input.
      if (error instanceof HttpError && error.status === 409) setRefusal(errorMessage(error));
      else {
        const fields = submissionErrors(error);
        setFieldError(fields?.code ?? fields?.recoveryCode ?? errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} aria-labelledby="disable-2fa-title" fullWidth maxWidth="xs">
      <form onSubmit={submit} noValidate>
        <DialogTitle id="disable-2fa-title">Turn off two-factor sign-in?</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            Signing in will need only your password. To confirm it is you,{' '}
            {useRecoveryCode
              ? 'enter one of your recovery codes.'
              : 'enter the current code from your authenticator app.'}
          </DialogContentText>
          {refusal && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {refusal}
            </Alert>
          )}
          <TextField
            key={useRecoveryCode ? 'recovery' : 'code'}
            label={useRecoveryCode ? 'Recovery code' : '6-digit code'}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            error={Boolean(fieldError)}
            helperText={fieldError ?? ' '}
            autoComplete={useRecoveryCode ? 'off' : 'one-time-code'}
            autoFocus
            fullWidth
            slotProps={{ htmlInput: useRecoveryCode ? { spellCheck: false } : { inputMode: 'numeric', maxLength: 7 } }}
          />
          <Button
            size="small"
            onClick={() => {
              reset();
              setUseRecoveryCode((current) => !current);
            }}
          >
            {useRecoveryCode ? 'Use your authenticator app' : 'Use a recovery code'}
          </Button>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            Keep it on
          </Button>
          <Button type="submit" color="error" variant="contained" disabled={busy}>
            {busy ? 'Turning off…' : 'Turn off'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};

interface TwoFactorSectionProps {
  session: SessionResponse | null | undefined;
  reloadSession: () => Promise<SessionResponse | null>;
}

/** The "Two-factor sign-in" part of the account page. */
export const TwoFactorSection = ({ session, reloadSession }: TwoFactorSectionProps) => {
  const notify = useNotify();
  const [settingUp, setSettingUp] = useState(false);
  const [disabling, setDisabling] = useState(false);

  if (session === undefined) return <CircularProgress size={24} aria-label="Loading security settings" />;
  if (session === null) return null;
  const enabled = session.twoFactorEnabled;

  const finishSetup = async () => {
    setSettingUp(false);
    await reloadSession().catch(() => null);
    notify('Two-factor sign-in is on. Next time you sign in, Trellis asks for a code from your app.', {
      type: 'success',
    });
  };

  const finishDisable = async () => {
    setDisabling(false);
    await reloadSession().catch(() => null);
    notify('Two-factor sign-in is off. You sign in with your password alone.', { type: 'info' });
  };

  return (
    <>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 500 }}>
          Two-factor sign-in
        </Typography>
        <Chip
          size="small"
          icon={enabled ? <LockIcon /> : <LockOpenIcon />}
          label={enabled ? 'On' : 'Off'}
          color={enabled ? 'success' : 'default'}
          variant={enabled ? 'filled' : 'outlined'}
        />
      </Stack>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {enabled
          ? 'Signing in needs your password and a code from your authenticator app. Keep your recovery codes safe in case you lose your phone.'
          : 'Protect your clients’ records with a second step at sign-in: a 6-digit code from an authenticator app on your phone.'}
      </Typography>
      {settingUp ? (
        <TwoFactorSetup account={session.user.email} onDone={finishSetup} onCancel={() => setSettingUp(false)} />
      ) : enabled ? (
        <Button variant="outlined" color="error" onClick={() => setDisabling(true)}>
          Turn off
        </Button>
      ) : (
        <Button variant="contained" startIcon={<LockIcon />} onClick={() => setSettingUp(true)}>
          Turn on
        </Button>
      )}
      <DisableDialog open={disabling} onClose={() => setDisabling(false)} onDisabled={finishDisable} />
    </>
  );
};
