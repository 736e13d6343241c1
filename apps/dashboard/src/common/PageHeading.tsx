import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * A screen's main heading (its one `h1`), in the page itself. react-admin puts a screen's title in
 * the app bar as plain text, so a list or a form had no main heading: people using a screen reader
 * jump to the `h1` to learn where they are, and the show pages already start with one. The
 * optional line under it says what the screen is for.
 */
export const PageHeading = ({ title, children }: { title: ReactNode; children?: ReactNode }) => (
  <Box sx={{ mt: 2, mb: 1 }}>
    <Typography component="h1" variant="h5">
      {title}
    </Typography>
    {children && (
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {children}
      </Typography>
    )}
  </Box>
);
