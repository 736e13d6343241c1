import { Box, Typography } from '@mui/material';
import { email, LinkBase, Login, LoginForm, PasswordInput, required, TextInput } from 'react-admin';

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
    <Box sx={{ px: 2, pb: 2, textAlign: 'center' }}>
      {/* LinkBase, not react-admin's Link: that one brings MUI's Link into the first load for one line. */}
      <Typography component={LinkBase} to="/forgot-password" variant="body2" color="primary" sx={{ textDecoration: 'underline' }}>
        Forgot your password?
      </Typography>
    </Box>
  </Login>
);
