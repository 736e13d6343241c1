import { Box, Typography } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import { AuthLayout, Link } from 'react-admin';

interface PublicPageProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}

/** The frame of the pages reached from emailed links, matching the sign-in page. */
export const PublicPage = ({ title, subtitle, children }: PublicPageProps) => {
  // No app bar here to carry the title: name the tab, which screen readers announce.
  useEffect(() => {
    const previous = document.title;
    document.title = `${title} · Trellis`;
    return () => {
      document.title = previous;
    };
  }, [title]);

  return (
    <AuthLayout>
      <Box component="main" sx={{ p: 3, width: { xs: 'calc(100vw - 32px)', sm: 400 }, maxWidth: 400 }}>
        <Typography component="p" variant="overline" color="text.secondary">
          Trellis
        </Typography>
        <Typography component="h1" variant="h5" gutterBottom>
          {title}
        </Typography>
        {subtitle && (
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {subtitle}
          </Typography>
        )}
        {children}
      </Box>
    </AuthLayout>
  );
};

export const BackToSignIn = () => (
  <Typography variant="body2" sx={{ mt: 2 }}>
    <Link to="/login">Back to sign in</Link>
  </Typography>
);
