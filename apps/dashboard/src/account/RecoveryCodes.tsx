import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DownloadIcon from '@mui/icons-material/Download';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, Checkbox, FormControlLabel, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useState } from 'react';
import { useNotify } from 'react-admin';
import { recoveryCodesText } from '../auth/twoFactor';

interface RecoveryCodesProps {
  codes: readonly string[];
  account?: string;
  /** Called once the person says they have saved the codes. */
  onDone: () => void;
  doneLabel?: string;
}

/** The recovery codes, shown once: copy, download or print them, then confirm they are saved. */
export const RecoveryCodes = ({ codes, account, onDone, doneLabel = 'Done' }: RecoveryCodesProps) => {
  const notify = useNotify();
  const [saved, setSaved] = useState(false);
  const text = useMemo(() => recoveryCodesText(codes, account), [codes, account]);
  const downloadUrl = useMemo(() => URL.createObjectURL(new Blob([text], { type: 'text/plain' })), [text]);
  useEffect(() => () => URL.revokeObjectURL(downloadUrl), [downloadUrl]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      notify('Recovery codes copied. Paste them somewhere safe, such as a password manager.', { type: 'success' });
    } catch {
      notify('This browser did not allow copying. Select the codes and copy them, or download them.', {
        type: 'warning',
      });
    }
  };

  return (
    <Box component="section" aria-labelledby="recovery-codes-heading">
      <Typography id="recovery-codes-heading" component="h3" variant="subtitle1" sx={{ fontWeight: 500 }}>
        Save your recovery codes
      </Typography>
      <Alert severity="warning" sx={{ my: 1.5 }}>
        This is the only time Trellis shows these codes. If you lose your phone, each code lets you sign in once. Keep
        them in a password manager or print them and store the paper safely.
      </Alert>
      <Box
        component="ol"
        aria-label="Recovery codes"
        sx={{
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
          fontSize: '1.05rem',
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))',
          columnGap: 3,
          rowGap: 1,
          listStylePosition: 'inside',
          pl: 0,
          my: 2,
          userSelect: 'all',
          '@media print': { fontSize: '14pt' },
        }}
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </Box>
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ flexWrap: 'wrap', mb: 2, '@media print': { display: 'none' } }}
      >
        <Button variant="outlined" startIcon={<ContentCopyIcon />} onClick={copy}>
          Copy
        </Button>
        <Button
          variant="outlined"
          startIcon={<DownloadIcon />}
          href={downloadUrl}
          download="trellis-recovery-codes.txt"
        >
          Download
        </Button>
        <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => window.print()}>
          Print
        </Button>
      </Stack>
      <Box sx={{ '@media print': { display: 'none' } }}>
        <FormControlLabel
          control={<Checkbox checked={saved} onChange={(event) => setSaved(event.target.checked)} />}
          label="I have saved my recovery codes"
        />
        <Box>
          <Button variant="contained" disabled={!saved} onClick={onDone} sx={{ mt: 1 }}>
            {doneLabel}
          </Button>
        </Box>
      </Box>
    </Box>
  );
};
