import { Box, Typography } from '@mui/material';
import { email, Login, LoginForm, PasswordInput, required, TextInput } from 'react-admin';

const validateEmail = [required(), email()];

export const LoginPage = () => (
  <Login>
    <Box component="header" sx={{ px: 2, textAlign: 'center' }}>
      <Typography component="h1" variant="h5">
        Trellis
      </Typography>
      <Typography color="text.secondary">Sign in to your clinic</Typography>
    </Box>
    <LoginForm>
      <TextInput
        source="email"
        type="email"
        label="Email"
        autoComplete="username"
        autoFocus
        validate={validateEmail}
      />
      <PasswordInput source="password" label="Password" autoComplete="current-password" validate={required()} />
    </LoginForm>
  </Login>
);
