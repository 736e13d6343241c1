import { Alert, Box, Button, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';

/**
 * A secret the server shows this once (only its hash is kept): an API token, a calendar feed's
 * address. It says so, offers to copy it, and when the browser refuses the clipboard (an insecure
 * origin, a refused permission) says to select it by hand, since it is on screen.
 */
export const ShownOnceSecret = ({
  secret,
  noun,
  copyLabel,
  testId,
  onDone,
  children,
}: {
  secret: string;
  /** What the secret is called in the fallback sentence: "address", "secret". */
  noun: string;
  copyLabel: string;
  testId: string;
  onDone: () => void;
  /** The headline: what is ready, and what to do with it. */
  children: ReactNode;
}) => {
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <Alert severity="success" sx={{ mb: 2 }} role="status">
      <Typography sx={{ fontWeight: 500 }}>{children}</Typography>
      <Box
        component="code"
        data-testid={testId}
        sx={{ display: 'block', my: 1, p: 1, bgcolor: 'background.paper', wordBreak: 'break-all', fontSize: 14 }}
      >
        {secret}
      </Box>
      <Button variant="contained" size="small" onClick={() => void copy()} sx={{ mr: 1 }}>
        {copied === 'yes' ? 'Copied' : copyLabel}
      </Button>
      <Button size="small" onClick={onDone}>
        Done
      </Button>
      {copied === 'failed' && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          This browser did not allow copying: select the {noun} above and copy it.
        </Typography>
      )}
    </Alert>
  );
};
