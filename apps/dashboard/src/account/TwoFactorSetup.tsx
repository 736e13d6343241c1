import { Alert, Box, Button, CircularProgress, Link, TextField, Typography } from '@mui/material';
import type { TwoFactorSetup as SetupSecret } from '@trellis/contracts';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { groupSecret, validateTotpCode } from '../auth/twoFactor';
import { beginTwoFactorSetup, enableTwoFactor } from '../auth/twoFactorApi';
import { errorMessage, submissionErrors } from '../data/formErrors';
import { OtpauthQrCode } from './OtpauthQrCode';
import { RecoveryCodes } from './RecoveryCodes';

type Stage =
  | { name: 'loading' }
  | { name: 'failed'; message: string }
  | { name: 'scan'; setup: SetupSecret }
  | { name: 'codes'; recoveryCodes: string[] };

interface TwoFactorSetupProps {
  /** For the heading of the recovery-codes file. */
  account?: string;
  /** After the person has saved their recovery codes. */
  onDone: () => void;
  onCancel?: () => void;
  doneLabel?: string;
}

/**
 * Setting up an authenticator app: a new secret to scan as a QR code (drawn locally), or to type in
 * or open as an otpauth link on this device, the first code to prove it works, then the recovery
 * codes.
 */
export const TwoFactorSetup = ({ account, onDone, onCancel, doneLabel }: TwoFactorSetupProps) => {
  const [stage, setStage] = useState<Stage>({ name: 'loading' });
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string>();
  const [busy, setBusy] = useState(false);

  // Each set-up call replaces the pending secret server-side: only the latest answer may show.
  const latest = useRef(0);
  const start = useCallback(() => {
    const attempt = ++latest.current;
    setStage({ name: 'loading' });
    beginTwoFactorSetup().then(
      (setup) => attempt === latest.current && setStage({ name: 'scan', setup }),
      (error: unknown) => attempt === latest.current && setStage({ name: 'failed', message: errorMessage(error) }),
    );
  }, []);

  useEffect(start, [start]);

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    const problem = code.trim() === '' ? 'Enter the 6-digit code.' : validateTotpCode(code);
    setCodeError(problem);
    if (problem) return;
    setBusy(true);
    try {
      const recoveryCodes = await enableTwoFactor(code);
      setStage({ name: 'codes', recoveryCodes });
    } catch (error) {
      setCodeError(submissionErrors(error)?.code ?? errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  if (stage.name === 'loading') {
    return (
      <Box sx={{ py: 2 }}>
        <CircularProgress size={24} aria-label="Preparing two-factor set-up" />
      </Box>
    );
  }

  if (stage.name === 'failed') {
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={start}>
            Try again
          </Button>
        }
      >
        {stage.message}
      </Alert>
    );
  }

  if (stage.name === 'codes') {
    return <RecoveryCodes codes={stage.recoveryCodes} account={account} onDone={onDone} doneLabel={doneLabel} />;
  }

  const { secret, otpauthUrl } = stage.setup;
  return (
    <Box component="form" onSubmit={confirm} noValidate>
      <Typography component="ol" sx={{ pl: 2.5, '& li': { mb: 2 } }}>
        <li>
          Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator, 1Password
          or Authy), add an account and scan this code:
          <OtpauthQrCode url={otpauthUrl} />
          <Typography variant="body2" color="text.secondary">
            Can’t scan it? Choose to enter a setup key instead, and type this one, with or without the spaces:
          </Typography>
          <Box
            component="code"
            aria-label={`Setup key: ${groupSecret(secret)}`}
            sx={{
              display: 'block',
              my: 1,
              p: 1.5,
              borderRadius: 1,
              bgcolor: 'action.hover',
              fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
              fontSize: '1.1rem',
              letterSpacing: '0.05em',
              wordBreak: 'break-word',
              userSelect: 'all',
            }}
          >
            {groupSecret(secret)}
          </Box>
          <Typography variant="body2" color="text.secondary">
            Choose “time-based” if the app asks. On a phone with the app installed, you can{' '}
            <Link href={otpauthUrl}>open the key in your authenticator app</Link> instead.
          </Typography>
        </li>
        <li>
          Enter the 6-digit code the app now shows for Trellis:
          <TextField
            label="6-digit code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            error={Boolean(codeError)}
            helperText={codeError ?? ' '}
            autoComplete="one-time-code"
            size="small"
            sx={{ display: 'block', mt: 1.5, maxWidth: 220 }}
            slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 7 } }}
          />
        </li>
      </Typography>
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button type="submit" variant="contained" disabled={busy}>
          {busy ? 'Checking…' : 'Turn on two-factor sign-in'}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        )}
      </Box>
    </Box>
  );
};
