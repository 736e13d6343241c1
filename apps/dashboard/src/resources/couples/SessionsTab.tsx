import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { ApiRequestBody, CoupleView, PartnerAttendance, SessionView } from '@trellis/contracts';
import { PARTNER_ATTENDANCES } from '@trellis/contracts';
import { useState, type FormEvent } from 'react';
import { useGetIdentity, useNotify } from 'react-admin';
import { formatDateTime } from '../../common/dates';
import { errorMessage, submissionErrors, type FormErrors } from '../../data/formErrors';
import { callApi } from '../../data/api';
import { useApiGet } from '../../data/useApiQuery';
import { STATUS_LABELS } from '../../calendar/calendarEvents';
import { NoteForm } from '../notes/NoteForm';
import type { NoteBody } from '../notes/notes';
import { MoveSessionForm } from './MoveSessionForm';
import { ATTENDANCE_LABELS, bookingBody, emptyBooking, type BookingForm } from './sessionPayload';
import { SignSessionNote } from './SignSessionNote';

/**
 * The couple's sessions: book one or a series, move or cancel, record who came, and write and sign
 * the session's note.
 */
export const SessionsTab = ({ couple }: { couple: CoupleView }) => {
  const query = useApiGet('/couples/{id}/sessions', { id: couple.id });
  const { identity } = useGetIdentity();
  const ownTherapist = identity?.id === couple.therapistId;
  const sessions = [...(query.data?.data ?? [])].reverse(); // latest first
  return (
    <Stack spacing={2}>
      <BookSession couple={couple} onBooked={query.refetch} />
      {query.isPending && <CircularProgress size={24} aria-label="Loading sessions" />}
      {query.error !== undefined && query.error !== null && <Alert severity="error">{errorMessage(query.error)}</Alert>}
      {!query.isPending && sessions.length === 0 && (
        <Typography color="text.secondary">No sessions yet. Book the first one above.</Typography>
      )}
      {sessions.map((s) => (
        <SessionCard key={s.id} session={s} couple={couple} ownTherapist={ownTherapist} onChanged={query.refetch} />
      ))}
    </Stack>
  );
};

const BookSession = ({ couple, onBooked }: { couple: CoupleView; onBooked: () => void }) => {
  const notify = useNotify();
  const [form, setForm] = useState<BookingForm>(emptyBooking);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const set = (field: keyof BookingForm) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setBusy(true);
    try {
      const booked = await callApi('post', '/couples/{id}/sessions', {
        params: { id: couple.id },
        body: bookingBody(form),
      });
      notify(booked.total > 1 ? `${booked.total} sessions booked` : 'Session booked', { type: 'success' });
      setForm(emptyBooking());
      onBooked();
    } catch (error) {
      // A clash (409) names the other session's time: show it under the start.
      setErrors(submissionErrors(error, 'startsAt') ?? { _form: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card variant="outlined" component="section" aria-labelledby="book-session-heading">
      <CardContent>
        <Typography id="book-session-heading" component="h3" variant="subtitle1" sx={{ fontWeight: 500, mb: 1 }}>
          Book a session
        </Typography>
        <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
          <TextField
            label="Starts"
            type="datetime-local"
            value={form.startsAt}
            onChange={set('startsAt')}
            error={Boolean(errors.startsAt)}
            helperText={errors.startsAt}
            slotProps={{ inputLabel: { shrink: true } }}
            required
          />
          <TextField
            label="Minutes"
            type="number"
            value={form.durationMinutes}
            onChange={set('durationMinutes')}
            error={Boolean(errors.durationMinutes)}
            helperText={errors.durationMinutes}
            sx={{ width: 110 }}
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
          <TextField select label="Repeat" value={form.repeat} onChange={set('repeat')} sx={{ width: 150 }}>
            <MenuItem value="none">Once</MenuItem>
            <MenuItem value="weekly">Weekly</MenuItem>
            <MenuItem value="fortnightly">Fortnightly</MenuItem>
          </TextField>
          {form.repeat !== 'none' && (
            <TextField
              label="Sessions"
              type="number"
              value={form.occurrences}
              onChange={set('occurrences')}
              error={Boolean(errors.occurrences)}
              helperText={errors.occurrences}
              sx={{ width: 110 }}
            />
          )}
          <Button type="submit" variant="contained" disabled={busy}>
            Book
          </Button>
          {errors._form && (
            <Alert severity="error" sx={{ width: '100%' }}>
              {errors._form}
            </Alert>
          )}
        </Box>
      </CardContent>
    </Card>
  );
};

const SessionCard = ({
  session,
  couple,
  ownTherapist,
  onChanged,
}: {
  session: SessionView;
  couple: CoupleView;
  ownTherapist: boolean;
  onChanged: () => void;
}) => {
  const notify = useNotify();
  const [mode, setMode] = useState<'idle' | 'move' | 'cancel' | 'outcome' | 'note'>('idle');
  const [reason, setReason] = useState('');
  const [attendance, setAttendance] = useState<[PartnerAttendance, PartnerAttendance]>(['attended', 'attended']);
  // A refused outcome names the partner it is about (partner1, partner2): shown under that field.
  const [outcomeErrors, setOutcomeErrors] = useState<FormErrors>({});
  const started = new Date(session.startsAt).getTime() <= Date.now();
  const names = couple.partners.map((p) => p.name);

  const params = { id: session.id };
  /** Sends a cancel or an outcome; a refused outcome's field errors show under the partner they name. */
  const act = async (send: () => Promise<unknown>, done: string, showsFieldErrors = false) => {
    try {
      await send();
      notify(done, { type: 'success' });
      setOutcomeErrors({});
      setMode('idle');
      onChanged();
    } catch (error) {
      const fields = showsFieldErrors ? submissionErrors(error) : undefined;
      if (fields) setOutcomeErrors(fields);
      else notify(errorMessage(error), { type: 'error' });
    }
  };
  const cancel = (body: ApiRequestBody<'/sessions/{id}/cancel', 'post'>, done: string) =>
    void act(() => callApi('post', '/sessions/{id}/cancel', { params, body }), done);
  const recordOutcome = (body: ApiRequestBody<'/sessions/{id}/outcome', 'post'>, done: string) =>
    void act(() => callApi('post', '/sessions/{id}/outcome', { params, body }), done, true);
  const writeNote = async (body: NoteBody) => {
    // Errors stay in the form; the session gives the note its date.
    await callApi('post', '/couples/{id}/notes', {
      params: { id: couple.id },
      body: { format: body.format, sections: body.sections, sessionId: session.id },
    });
    notify('Draft note saved.', { type: 'success' });
    setMode('idle');
    onChanged();
  };

  const heading = `${formatDateTime(session.startsAt)} · ${session.durationMinutes} min`;
  return (
    <Card variant="outlined" component="article" aria-label={`Session ${heading}`}>
      <CardContent>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 500 }}>
            {heading}
          </Typography>
          <Chip size="small" label={STATUS_LABELS[session.status]} />
          {session.frequency && <Chip size="small" variant="outlined" label={session.frequency} />}
          {ownTherapist && session.note && (
            <Chip size="small" variant="outlined" label={session.note.signed ? 'Note signed' : 'Note draft'} />
          )}
        </Box>
        <Typography variant="body2" color="text.secondary">
          {[session.location, session.videoUrl, session.cancelReason ? `Cancelled: ${session.cancelReason}` : null]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
        {session.attendance.length > 0 && (
          <Typography variant="body2">
            {session.attendance.map((a) => `${a.partnerName}: ${ATTENDANCE_LABELS[a.attendance]}`).join(' · ')}
          </Typography>
        )}
        {mode === 'idle' && (
          <Box sx={{ display: 'flex', gap: 1, mt: 1 }}>
            {session.status === 'scheduled' && <Button onClick={() => setMode('move')}>Move</Button>}
            {session.status === 'scheduled' && <Button onClick={() => setMode('cancel')}>Cancel session</Button>}
            {started && session.status !== 'cancelled' && (
              <Button onClick={() => setMode('outcome')}>Record attendance</Button>
            )}
            {ownTherapist && !session.note && session.status === 'held' && (
              <Button onClick={() => setMode('note')}>Write note</Button>
            )}
            {ownTherapist && session.note && !session.note.signed && (
              <SignSessionNote noteId={session.note.id} onSigned={onChanged} />
            )}
          </Box>
        )}
        {mode === 'move' && (
          <MoveSessionForm
            session={session}
            onMoved={() => {
              setMode('idle');
              onChanged();
            }}
            onClose={() => setMode('idle')}
          />
        )}
        {mode === 'cancel' && (
          <Box sx={{ display: 'flex', gap: 1, mt: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <TextField size="small" label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} />
            <Button color="warning" onClick={() => cancel({ reason }, 'Session cancelled')}>
              Cancel this session
            </Button>
            {session.seriesId && (
              <Button color="warning" onClick={() => cancel({ reason, scope: 'following' }, 'Sessions cancelled')}>
                Cancel this and all later
              </Button>
            )}
            <Button onClick={() => setMode('idle')}>Keep it</Button>
          </Box>
        )}
        {mode === 'outcome' && (
          <Box sx={{ display: 'flex', gap: 1, mt: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            {[0, 1].map((i) => (
              <TextField
                key={i}
                select
                size="small"
                label={names[i] ?? `Partner ${i + 1}`}
                value={attendance[i]}
                error={Boolean(outcomeErrors[`partner${i + 1}`])}
                helperText={outcomeErrors[`partner${i + 1}`]}
                onChange={(e) => {
                  setOutcomeErrors({});
                  setAttendance((a) => {
                    const next: [PartnerAttendance, PartnerAttendance] = [a[0], a[1]];
                    next[i] = e.target.value as PartnerAttendance;
                    return next;
                  });
                }}
                sx={{ minWidth: 150 }}
              >
                {PARTNER_ATTENDANCES.map((value) => (
                  <MenuItem key={value} value={value}>
                    {ATTENDANCE_LABELS[value]}
                  </MenuItem>
                ))}
              </TextField>
            ))}
            <Button
              variant="contained"
              onClick={() =>
                recordOutcome(
                  { status: 'held', partner1: attendance[0], partner2: attendance[1] },
                  'Attendance recorded',
                )
              }
            >
              Save: held
            </Button>
            <Button onClick={() => recordOutcome({ status: 'no_show' }, 'Recorded as a no-show')}>Neither came</Button>
            <Button onClick={() => setMode('idle')}>Close</Button>
          </Box>
        )}
        {mode === 'note' && (
          <Box sx={{ mt: 2 }}>
            <NoteForm forSession submitLabel="Save draft" onSubmit={writeNote} onCancel={() => setMode('idle')} />
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
