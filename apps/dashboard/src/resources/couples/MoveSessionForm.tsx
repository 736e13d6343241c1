import {
  Alert,
  Box,
  Button,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
} from '@mui/material';
import type { ApiRequestBody, SessionChangeScope, SessionView } from '@trellis/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useNotify } from 'react-admin';
import { browserTimeZone } from '../../common/timeZones';
import type { FormErrors } from '../../data/formErrors';
import { asTyped, callApi } from '../../data/api';
import { moveBody, moveErrors, moveFormFor, type MoveForm } from './sessionPayload';

/**
 * Move or edit one scheduled session: its start (in this browser's zone, as the tab shows times),
 * length, place or video link; for a session of a series, it alone or it and every later one.
 * The keyboard's way to do what dragging does in the calendar.
 */
export const MoveSessionForm = ({
  session,
  onMoved,
  onClose,
}: {
  session: SessionView;
  onMoved: () => void;
  onClose: () => void;
}) => {
  const notify = useNotify();
  const scopeLabelId = useId();
  const [form, setForm] = useState<MoveForm>(() => moveFormFor(session));
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const set = (field: keyof MoveForm) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = moveBody(form, session);
    if (!body) return setErrors({ _form: 'Nothing has changed: change the start, length, place or link first.' });
    setErrors({});
    setBusy(true);
    try {
      await callApi('patch', '/sessions/{id}', {
        params: { id: session.id },
        body: asTyped<ApiRequestBody<'/sessions/{id}', 'patch'>>(body),
      });
      notify(body.scope === 'following' ? 'This and all later sessions moved' : 'Session moved', { type: 'success' });
      onMoved();
    } catch (error) {
      // A 409 (the new time overlaps another session) carries the API's message, which names it.
      setErrors(moveErrors(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box
      component="form"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && !busy && onClose()}
      noValidate
      aria-label="Move session"
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mt: 2, alignItems: 'flex-start' }}
    >
      <TextField
        label="New start"
        type="datetime-local"
        value={form.startsAt}
        onChange={set('startsAt')}
        error={Boolean(errors.startsAt)}
        helperText={errors.startsAt ?? `Your time (${browserTimeZone()})`}
        slotProps={{ inputLabel: { shrink: true } }}
        autoFocus
        required
      />
      <TextField
        label="Length (minutes)"
        type="number"
        value={form.durationMinutes}
        onChange={set('durationMinutes')}
        error={Boolean(errors.durationMinutes)}
        helperText={errors.durationMinutes}
        sx={{ width: 150 }}
      />
      <TextField
        label="Place"
        value={form.location}
        onChange={set('location')}
        error={Boolean(errors.location)}
        helperText={errors.location}
      />
      <TextField
        label="Video link"
        value={form.videoUrl}
        onChange={set('videoUrl')}
        error={Boolean(errors.videoUrl)}
        helperText={errors.videoUrl}
      />
      {session.seriesId && (
        <FormControl error={Boolean(errors.scope)} sx={{ width: '100%' }}>
          <FormLabel id={scopeLabelId}>Which sessions</FormLabel>
          <RadioGroup
            row
            aria-labelledby={scopeLabelId}
            value={form.scope}
            onChange={(e) => setForm((f) => ({ ...f, scope: e.target.value as SessionChangeScope }))}
          >
            <FormControlLabel value="this" control={<Radio />} label="This session only" />
            <FormControlLabel value="following" control={<Radio />} label="This and all later sessions" />
          </RadioGroup>
          {errors.scope && <FormHelperText>{errors.scope}</FormHelperText>}
        </FormControl>
      )}
      {errors._form && (
        <Alert severity="error" sx={{ width: '100%' }}>
          {errors._form}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 1, width: '100%' }}>
        <Button type="submit" variant="contained" disabled={busy}>
          {busy ? 'Moving…' : 'Save changes'}
        </Button>
        <Button onClick={onClose} disabled={busy}>
          Keep as it is
        </Button>
      </Box>
    </Box>
  );
};
