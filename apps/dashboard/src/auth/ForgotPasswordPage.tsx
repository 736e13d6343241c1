import SendIcon from '@mui/icons-material/Send';
import { Alert, Typography } from '@mui/material';
import { useState } from 'react';
import { email, Form, required, SaveButton, TextInput } from 'react-admin';
import { errorMessage, submissionErrors } from '../data/formErrors';
import { BackToSignIn, PublicPage } from './PublicPage';
import { requestPasswordReset } from './publicApi';

const validateEmail = [required(), email()];

/** `/#/forgot-password`: the same answer whether or not the email has an account. */
export const ForgotPasswordPage = () => {
  const [sentTo, setSentTo] = useState<string>();
  const [failure, setFailure] = useState<string>();

  const submit = async (values: Record<string, unknown>) => {
    setFailure(undefined);
    const address = String(values.email).trim();
    try {
      await requestPasswordReset(address);
      setSentTo(address);
    } catch (error) {
      // Only a malformed address, a rate limit or an outage get here; never "no such account".
      const fieldErrors = submissionErrors(error);
      if (fieldErrors) return fieldErrors;
      setFailure(errorMessage(error));
    }
  };

  if (sentTo) {
    return (
      <PublicPage title="Check your email">
        <Alert severity="success" sx={{ mb: 2 }}>
          If {sentTo} has an account, a link to choose a new password is on its way.
        </Alert>
        <Typography color="text.secondary">
          The link works for a limited time. Nothing arrived after a few minutes? Check your spam folder, or ask your
          clinic’s administrator which email your account uses.
        </Typography>
        <BackToSignIn />
      </PublicPage>
    );
  }

  return (
    <PublicPage
      title="Forgot your password?"
      subtitle="Enter the email you sign in with and we will send you a link to choose a new password."
    >
      <Form onSubmit={submit}>
        <TextInput
          source="email"
          type="email"
          label="Email"
          autoComplete="username"
          validate={validateEmail}
          fullWidth
          autoFocus
        />
        {failure && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {failure}
          </Alert>
        )}
        <SaveButton label="Send the link" icon={<SendIcon />} fullWidth />
      </Form>
      <BackToSignIn />
    </PublicPage>
  );
};
