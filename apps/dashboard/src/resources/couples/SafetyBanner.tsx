import { Alert, AlertTitle, Box, Button, Link, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { LinkBase, useNotify } from 'react-admin';
import { formatDateTime } from '../../common/dates';
import { errorMessage } from '../../data/formErrors';
import { callApi } from '../../data/api';
import { useApiGet } from '../../data/useApiQuery';

const SOURCE_TEXT = {
  partner_flag: 'said they do not feel safe doing',
  check_in: 'gave a concerning answer on',
} as const;

/**
 * The couple page's safety banner: shown only while a partner's safety concern has paused the
 * couple's joint work. The therapist reads who raised it and from which homework, records what
 * was done, and lifts the pause. Nothing here ever reaches either partner.
 */
export const SafetyBanner = ({ coupleId, onLifted }: { coupleId: string; onLifted?: () => void }) => {
  const { data, refetch } = useApiGet('/couples/{id}/safety', { id: coupleId });
  const notify = useNotify();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string>();
  const [lifting, setLifting] = useState(false);
  const pause = data?.openPause;
  if (!pause) return null;

  const lift = async (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setNoteError('Say what was done before lifting the pause.');
      return;
    }
    setLifting(true);
    try {
      await callApi('post', '/couples/{id}/safety/lift', { params: { id: coupleId }, body: { note } });
      notify('Pause lifted: answer sharing and joint homework resume.', { type: 'success' });
      setNote('');
      setNoteError(undefined);
      refetch();
      onLifted?.();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setLifting(false);
    }
  };

  return (
    <Alert severity="error" sx={{ mb: 2 }} role="region" aria-labelledby="safety-banner-title">
      <AlertTitle id="safety-banner-title" component="h2">
        A partner raised a safety concern
      </AlertTitle>
      <Typography variant="body2" sx={{ mb: 1 }}>
        Since {formatDateTime(pause.raisedAt)}, answer sharing is paused, no new joint homework can be assigned and
        reminders for joint homework are on hold. Neither partner has been told about the pause; the other partner’s
        page looks as before.
      </Typography>
      <Box component="ul" sx={{ pl: 2.5, my: 1 }}>
        {pause.flags.map((flag) => (
          <li key={flag.id}>
            <Typography variant="body2">
              {flag.partnerName} {SOURCE_TEXT[flag.source]}{' '}
              <Link component={LinkBase} to={`/assignments/${flag.assignmentId}`}>
                {flag.homeworkTitle}
              </Link>{' '}
              · <time dateTime={flag.at}>{formatDateTime(flag.at)}</time>
            </Typography>
          </li>
        ))}
      </Box>
      <Box component="form" onSubmit={lift} noValidate sx={{ display: 'grid', gap: 1, maxWidth: 640 }}>
        <TextField
          label="What was done"
          helperText={
            noteError ?? 'Kept in the couple’s record, e.g. “Spoke with each partner alone; safety plan agreed.”'
          }
          error={Boolean(noteError)}
          multiline
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          slotProps={{ htmlInput: { maxLength: 4000 } }}
          required
        />
        <Box>
          <Button type="submit" variant="contained" color="error" disabled={lifting}>
            Record and lift the pause
          </Button>
        </Box>
      </Box>
    </Alert>
  );
};
