import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import type { AgreementRhythmView, AgreementView, ApiRequestBody, CoupleView } from '@trellis/contracts';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { formatCalendarDate, formatDateTime } from '../../common/dates';
import { errorMessage, type FormErrors, submissionErrors } from '../../data/formErrors';
import { callApi } from '../../data/api';
import { type ApiQuery, useApiGet } from '../../data/useApiQuery';
import { cellText, confirmationText } from './agreements';
import { WEEKDAYS } from './checkInSchedules';

/**
 * Each partner who accepts email is sent a link to confirm an agreement's new wording at once
 * (unless the couple is paused or a safety pause is open); the weekly check-in, when set, asks again
 * until they do.
 */
const confirmationNote = (weeklyOn: boolean) =>
  weeklyOn
    ? 'each partner who accepts email is sent a link to confirm it, and their weekly check-in asks until they do.'
    : 'each partner who accepts email is sent a link to confirm it.';

/** When each partner is asked "did this hold this week?": a weekday and time in the clinic's zone, or off. */
const RhythmForm = ({ coupleId, rhythm }: { coupleId: string; rhythm: ApiQuery<AgreementRhythmView> }) => {
  const [draft, setDraft] = useState<{ weekday: string; localTime: string } | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const notify = useNotify();
  const current = draft ?? {
    weekday: rhythm.data?.weekday ? String(rhythm.data.weekday) : '',
    localTime: rhythm.data?.localTime ?? '18:00',
  };
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      const params = { id: coupleId };
      if (current.weekday) {
        await callApi('put', '/couples/{id}/agreement-rhythm', {
          params,
          body: { weekday: Number(current.weekday), localTime: current.localTime },
        });
      } else {
        await callApi('delete', '/couples/{id}/agreement-rhythm', { params });
      }
      notify(current.weekday ? 'Weekly check-in set.' : 'Weekly check-in turned off.', { type: 'success' });
      setErrors({});
      setDraft(null);
      rhythm.refetch();
    } catch (error) {
      const fields = submissionErrors(error);
      if (!fields) notify(errorMessage(error), { type: 'error' });
      setErrors(fields ?? {});
    }
  };
  const nextText = rhythm.data?.upcoming.length
    ? `Next: ${formatDateTime(rhythm.data.upcoming[0].sendAt)}`
    : 'Nothing planned right now (off, or the couple is paused).';
  return (
    <Box component="form" onSubmit={(e) => void save(e)} aria-label="Weekly check-in on agreements" sx={{ mb: 3 }}>
      <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 500 }}>
        Weekly check-in
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Each partner privately says whether each agreement held. Times are in the clinic’s time zone
        {rhythm.data ? ` (${rhythm.data.timezone})` : ''}. {rhythm.data ? nextText : ''}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }} useFlexGap>
        <TextField
          select
          size="small"
          label="Day"
          value={current.weekday}
          onChange={(e) => setDraft({ ...current, weekday: e.target.value })}
          sx={{ minWidth: 150 }}
          error={Boolean(errors.weekday)}
          helperText={errors.weekday}
        >
          <MenuItem value="">Off</MenuItem>
          {WEEKDAYS.map((day, i) => (
            <MenuItem key={day} value={String(i + 1)}>
              {day}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          type="time"
          label="Time"
          value={current.localTime}
          disabled={!current.weekday}
          onChange={(e) => setDraft({ ...current, localTime: e.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
          error={Boolean(errors.localTime)}
          helperText={errors.localTime}
        />
        <Button type="submit" variant="outlined">
          Save check-in day
        </Button>
      </Stack>
    </Box>
  );
};

/** Per week, each partner's answer; where they differ, flagged. Notes are for the therapist only. */
const Grid = ({ agreement, nameOf }: { agreement: AgreementView; nameOf: (id: string) => string }) => {
  if (!agreement.weeks.length)
    return (
      <Typography variant="body2" color="text.secondary">
        No weekly answers yet.
      </Typography>
    );
  const partnerIds = agreement.weeks[0].partners.map((p) => p.clientId);
  return (
    <Table size="small" aria-label={`Weekly answers: ${agreement.text}`}>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            Week of
          </TableCell>
          {partnerIds.map((id) => (
            <TableCell key={id} component="th" scope="col">
              {nameOf(id)}
            </TableCell>
          ))}
          <TableCell component="th" scope="col">
            Accounts
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {agreement.weeks.map((week) => (
          <TableRow key={week.weekOf}>
            <TableCell component="th" scope="row">
              {formatCalendarDate(week.weekOf)}
            </TableCell>
            {week.partners.map((cell) => (
              <TableCell key={cell.clientId}>
                {cellText(cell)}
                {cell.note && (
                  <Typography variant="body2" color="text.secondary">
                    Note: {cell.note}
                  </Typography>
                )}
              </TableCell>
            ))}
            <TableCell>
              {week.accountsDiffer ? <Chip size="small" color="warning" label="Accounts differ" /> : ''}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** One agreement: its wording and version, who confirmed it, edit and retire, and its grid. */
const AgreementItem = ({
  agreement,
  coupleId,
  nameOf,
  weeklyOn,
  onChanged,
}: {
  agreement: AgreementView;
  coupleId: string;
  nameOf: (id: string) => string;
  weeklyOn: boolean;
  onChanged: () => void;
}) => {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const notify = useNotify();
  const params = { id: coupleId, agreementId: agreement.id };
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await callApi('put', '/couples/{id}/agreements/{agreementId}', { params, body: { text: text ?? '' } });
      notify(`Agreement reworded: ${confirmationNote(weeklyOn)}`, { type: 'success' });
      setText(null);
      onChanged();
    } catch (e) {
      const fields = submissionErrors(e);
      if (!fields) notify(errorMessage(e), { type: 'error' });
      setError(fields?.text);
    }
  };
  const retire = async () => {
    try {
      await callApi('post', '/couples/{id}/agreements/{agreementId}/retire', { params });
      notify('Agreement retired: no longer asked about each week.', { type: 'success' });
      onChanged();
    } catch (e) {
      notify(errorMessage(e), { type: 'error' });
    }
  };
  const active = agreement.status === 'active';
  return (
    <Box component="li" sx={{ listStyle: 'none', mb: 3 }}>
      {text === null ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }} useFlexGap>
          <Typography component="h4" variant="body1" sx={{ fontWeight: 500 }}>
            “{agreement.text}”
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {active ? confirmationText(agreement, nameOf) : 'Retired'} · version {agreement.version}
            {agreement.source === 'exercise_answer' && agreement.sourceClientId
              ? ` · from ${nameOf(agreement.sourceClientId)}’s exercise answer`
              : ''}
          </Typography>
          {active && (
            <>
              <Button size="small" onClick={() => setText(agreement.text)}>
                Reword
              </Button>
              <Button size="small" color="error" onClick={() => void retire()}>
                Retire
              </Button>
            </>
          )}
        </Stack>
      ) : (
        <Stack component="form" direction="row" spacing={1} onSubmit={(e) => void save(e)} sx={{ mb: 1 }}>
          <TextField
            size="small"
            label="Agreement"
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={Boolean(error)}
            helperText={error}
            sx={{ flex: 1 }}
          />
          <Button type="submit" variant="contained">
            Save new version
          </Button>
          <Button onClick={() => setText(null)}>Cancel</Button>
        </Stack>
      )}
      <Grid agreement={agreement} nameOf={nameOf} />
    </Box>
  );
};

/**
 * The couple's agreements: add one agreed in session or from a partner's answer to the agreements
 * exercise, reword (a new version both confirm again), retire; the weekly check-in day; and per
 * agreement the kept-or-slipped grid with where the partners' accounts differ.
 */
export const AgreementsTab = ({ couple }: { couple: CoupleView }) => {
  const agreements = useApiGet('/couples/{id}/agreements', { id: couple.id });
  const candidates = useApiGet('/couples/{id}/agreement-candidates', { id: couple.id });
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const notify = useNotify();
  const nameOf = (clientId: string) => couple.partners.find((p) => p.id === clientId)?.name ?? 'Partner';
  const rhythm = useApiGet('/couples/{id}/agreement-rhythm', { id: couple.id });
  const weeklyOn = Boolean(rhythm.data?.weekday);

  const add = async (body: ApiRequestBody<'/couples/{id}/agreements', 'post'>) => {
    try {
      await callApi('post', '/couples/{id}/agreements', { params: { id: couple.id }, body });
      notify(`Agreement added: ${confirmationNote(weeklyOn)}`, { type: 'success' });
      setText('');
      setError(undefined);
      agreements.refetch();
    } catch (e) {
      const fields = submissionErrors(e);
      if (!fields) notify(errorMessage(e), { type: 'error' });
      setError(fields?.text ?? fields?.assignmentId);
    }
  };

  return (
    <Box component="section" aria-labelledby="agreements-heading">
      <Typography id="agreements-heading" component="h2" variant="h6">
        Agreements
      </Typography>
      <RhythmForm coupleId={couple.id} rhythm={rhythm} />
      <Box
        component="form"
        aria-label="Add an agreement"
        onSubmit={(e) => {
          e.preventDefault();
          void add({ text });
        }}
        sx={{ mb: 2 }}
      >
        <Stack direction="row" spacing={1}>
          <TextField
            size="small"
            label="New agreement (agreed in session)"
            placeholder="We share plans for the evening by 6 pm"
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={Boolean(error)}
            helperText={error}
            sx={{ flex: 1 }}
          />
          <Button type="submit" variant="contained">
            Add agreement
          </Button>
        </Stack>
      </Box>
      {candidates.data && candidates.data.data.length > 0 && (
        <Box component="section" aria-labelledby="agreement-candidates-heading" sx={{ mb: 3 }}>
          <Typography id="agreement-candidates-heading" component="h3" variant="subtitle1" sx={{ fontWeight: 500 }}>
            From the agreements exercise
          </Typography>
          <List dense disablePadding>
            {candidates.data.data.map((c) => (
              <ListItem
                key={`${c.assignmentId}-${c.promptId}-${c.clientId}`}
                disableGutters
                secondaryAction={
                  <Button
                    size="small"
                    onClick={() =>
                      void add({ assignmentId: c.assignmentId, promptId: c.promptId, clientId: c.clientId })
                    }
                  >
                    Make an agreement
                  </Button>
                }
              >
                <ListItemText primary={`“${c.text}”`} secondary={`${c.partnerName} · ${c.promptLabel}`} />
              </ListItem>
            ))}
          </List>
        </Box>
      )}
      {agreements.isPending && <CircularProgress size={24} aria-label="Loading agreements" />}
      {agreements.error != null && <Alert severity="error">{errorMessage(agreements.error)}</Alert>}
      {agreements.data && agreements.data.data.length === 0 && (
        <Typography color="text.secondary" variant="body2">
          No agreements yet.
        </Typography>
      )}
      {agreements.data && agreements.data.data.length > 0 && (
        <Box component="ul" sx={{ p: 0 }}>
          {agreements.data.data.map((agreement) => (
            <AgreementItem
              key={agreement.id}
              agreement={agreement}
              coupleId={couple.id}
              nameOf={nameOf}
              weeklyOn={weeklyOn}
              onChanged={agreements.refetch}
            />
          ))}
        </Box>
      )}
    </Box>
  );
};
