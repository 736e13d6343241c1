import LoginIcon from '@mui/icons-material/Login';
import { Alert, TextField } from '@mui/material';
import { useMemo, useState } from 'react';
import { Form, HttpError, PasswordInput, required, SaveButton } from 'react-admin';
import { errorMessage, submissionErrors } from '../data/formErrors';
import { matchesPassword, PASSWORD_HINT, passwordPolicy } from './passwordRules';
import type { TokenPurpose } from './types';
import { useTokenLogin } from './useTokenLogin';

interface NewPasswordFormProps {
  purpose: TokenPurpose;
  token: string;
  /** Who is choosing, when known (invitations): enables the name-and-email rule before submit. */
  person?: { name: string; email: string };
  submitLabel: string;
  /** The API answered 404: the link expired, was used, or was revoked meanwhile. */
  onLinkInvalid: () => void;
}

/** Choose a password (twice), then be signed in by the emailed token. */
export const NewPasswordForm = ({ purpose, token, person, submitLabel, onLinkInvalid }: NewPasswordFormProps) => {
  const tokenLogin = useTokenLogin();
  const [failure, setFailure] = useState<string>();
  const validatePassword = useMemo(() => [required(), passwordPolicy(person)], [person]);
  const validateConfirmation = useMemo(() => [required(), matchesPassword], []);

  const submit = async (values: Record<string, unknown>) => {
    setFailure(undefined);
    try {
      await tokenLogin({ purpose, token, password: String(values.password) });
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return void onLinkInvalid();
      // "Too short", "too common", "contains your name": under the password input.
      const fieldErrors = submissionErrors(error);
      if (fieldErrors) return fieldErrors;
      setFailure(errorMessage(error));
    }
  };

  return (
    <Form onSubmit={submit}>
      {person && (
        // Lets password managers file the new password under the right account.
        <TextField
          label="Email"
          value={person.email}
          fullWidth
          margin="dense"
          slotProps={{ htmlInput: { readOnly: true, autoComplete: 'username' } }}
        />
      )}
      <PasswordInput
        source="password"
        label="New password"
        autoComplete="new-password"
        validate={validatePassword}
        helperText={PASSWORD_HINT}
        fullWidth
        autoFocus
      />
      <PasswordInput
        source="confirmPassword"
        label="Type it again"
        autoComplete="new-password"
        validate={validateConfirmation}
        fullWidth
      />
      {failure && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {failure}
        </Alert>
      )}
      <SaveButton label={submitLabel} icon={<LoginIcon />} fullWidth />
    </Form>
  );
};
