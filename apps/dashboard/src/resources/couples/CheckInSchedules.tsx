import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  CircularProgress,
  FormControlLabel,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { CheckInScheduleKind, CheckInScheduleView, CoupleView, MeasureSummary } from '@trellis/contracts';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { formatDateTime } from '../../common/dates';
import { errorMessage, type FormErrors, submissionErrors } from '../../data/formErrors';
import { callApi } from '../../data/api';
import { useApiGet } from '../../data/useApiQuery';
import {
  describeSchedule,
  draftOf,
  emptyDraft,
  KIND_LABELS,
  type ScheduleDraft,
  scheduleBody,
  WEEKDAYS,
} from './checkInSchedules';

const KINDS = Object.keys(KIND_LABELS) as CheckInScheduleKind[];

/** Add or change one schedule: the fields of the chosen kind only, errors under their inputs. */
const ScheduleForm = ({
  initial,
  measures,
  editing,
  onSave,
  onCancel,
}: {
  initial: ScheduleDraft;
  measures: MeasureSummary[];
  editing: boolean;
  onSave: (draft: ScheduleDraft) => Promise<FormErrors | undefined>;
  onCancel: () => void;
}) => {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const set = (change: Partial<ScheduleDraft>) => setDraft((d) => ({ ...d, ...change }));
  const field = (name: keyof ScheduleDraft) => ({
    error: Boolean(errors[name]),
    helperText: errors[name],
  });
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setErrors((await onSave(draft)) ?? {});
    setSaving(false);
  };
  const sessionBased = draft.kind === 'before_session' || draft.kind === 'after_session';
  return (
    <Box component="form" onSubmit={(e) => void submit(e)} aria-label="Check-in schedule" sx={{ mt: 1, mb: 2 }}>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }} useFlexGap>
        <TextField
          select
          size="small"
          label="Measure"
          value={draft.measureId}
          disabled={editing}
          onChange={(e) => set({ measureId: e.target.value })}
          sx={{ minWidth: 280 }}
          {...field('measureId')}
        >
          {measures.map((m) => (
            <MenuItem key={m.id} value={m.id}>
              {m.title}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="When"
          value={draft.kind}
          onChange={(e) => set({ kind: e.target.value as CheckInScheduleKind })}
          sx={{ minWidth: 200 }}
          {...field('kind')}
        >
          {KINDS.map((kind) => (
            <MenuItem key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </MenuItem>
          ))}
        </TextField>
        {sessionBased && (
          <TextField
            size="small"
            type="number"
            label={draft.kind === 'before_session' ? 'Hours before' : 'Hours after it starts'}
            value={draft.hours}
            onChange={(e) => set({ hours: e.target.value })}
            slotProps={{ htmlInput: { min: 1, max: 336 } }}
            sx={{ width: 170 }}
            {...field('hours')}
          />
        )}
        {draft.kind === 'weekly' && (
          <>
            <TextField
              select
              size="small"
              label="Day"
              value={draft.weekday}
              onChange={(e) => set({ weekday: e.target.value })}
              sx={{ minWidth: 150 }}
              {...field('weekday')}
            >
              {WEEKDAYS.map((day, i) => (
                <MenuItem key={day} value={String(i + 1)}>
                  {day}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              size="small"
              type="time"
              label="Time (each partner's own)"
              value={draft.localTime}
              onChange={(e) => set({ localTime: e.target.value })}
              slotProps={{ inputLabel: { shrink: true } }}
              sx={{ width: 200 }}
              {...field('localTime')}
            />
          </>
        )}
        {draft.kind === 'once' && (
          <TextField
            size="small"
            type="datetime-local"
            label="Send on"
            value={draft.onceAt}
            onChange={(e) => set({ onceAt: e.target.value })}
            slotProps={{ inputLabel: { shrink: true } }}
            {...field('onceAt')}
          />
        )}
      </Stack>
      <FormControlLabel
        control={
          <Checkbox checked={draft.shareWithPartner} onChange={(e) => set({ shareWithPartner: e.target.checked })} />
        }
        label="Each partner sees the other's scores once both have answered"
      />
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" disabled={saving}>
          {editing ? 'Save schedule' : 'Add schedule'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </Stack>
    </Box>
  );
};

/**
 * Which measures go to the couple, when, on the Progress tab: each schedule in words, with each
 * partner's next planned check-in (none while the couple is paused or no session is set).
 */
export const CheckInSchedules = ({ couple, measures }: { couple: CoupleView; measures: MeasureSummary[] }) => {
  const schedules = useApiGet('/couples/{id}/check-in-schedules', { id: couple.id });
  const [editing, setEditing] = useState<CheckInScheduleView | 'new' | null>(null);
  const notify = useNotify();
  const nameOf = (clientId: string) => couple.partners.find((p) => p.id === clientId)?.name ?? 'Partner';

  const save = async (draft: ScheduleDraft): Promise<FormErrors | undefined> => {
    const existing = editing !== 'new' ? editing : null;
    try {
      if (existing) {
        await callApi('put', '/couples/{id}/check-in-schedules/{scheduleId}', {
          params: { id: couple.id, scheduleId: existing.id },
          body: scheduleBody(draft),
        });
      } else {
        await callApi('post', '/couples/{id}/check-in-schedules', {
          params: { id: couple.id },
          body: { measureId: draft.measureId, ...scheduleBody(draft) },
        });
      }
      notify(existing ? 'Schedule changed.' : 'Check-ins scheduled.', { type: 'success' });
      setEditing(null);
      schedules.refetch();
      return undefined;
    } catch (error) {
      const fields = submissionErrors(error, 'measureId');
      if (!fields) notify(errorMessage(error), { type: 'error' });
      return fields;
    }
  };

  const stop = async (schedule: CheckInScheduleView) => {
    try {
      await callApi('delete', '/couples/{id}/check-in-schedules/{scheduleId}', {
        params: { id: couple.id, scheduleId: schedule.id },
      });
      notify('Schedule stopped: nothing more is sent on it.', { type: 'success' });
      schedules.refetch();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };

  return (
    <Box component="section" aria-labelledby="check-in-schedules-heading" sx={{ mb: 3 }}>
      <Typography id="check-in-schedules-heading" component="h3" variant="subtitle1" sx={{ fontWeight: 500 }}>
        Check-ins sent to the couple
      </Typography>
      {schedules.isPending && <CircularProgress size={24} aria-label="Loading check-in schedules" />}
      {schedules.error != null && <Alert severity="error">{errorMessage(schedules.error)}</Alert>}
      {schedules.data && schedules.data.data.length === 0 && editing === null && (
        <Typography color="text.secondary" variant="body2">
          No check-ins scheduled. Each partner gets their own short form by email, on the schedule you set.
        </Typography>
      )}
      {schedules.data && (
        <List dense disablePadding>
          {schedules.data.data.map((schedule) =>
            editing !== 'new' && editing?.id === schedule.id ? (
              <ScheduleForm
                key={schedule.id}
                initial={draftOf(schedule)}
                measures={measures}
                editing
                onSave={save}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <ListItem
                key={schedule.id}
                disableGutters
                secondaryAction={
                  <Stack direction="row" spacing={1}>
                    <Button size="small" onClick={() => setEditing(schedule)}>
                      Change
                    </Button>
                    <Button size="small" color="error" onClick={() => void stop(schedule)}>
                      Stop
                    </Button>
                  </Stack>
                }
              >
                <ListItemText
                  primary={`${schedule.measureTitle}: ${describeSchedule(schedule, (iso) => formatDateTime(iso))}`}
                  secondary={
                    (schedule.upcoming.length
                      ? `Next: ${schedule.upcoming.map((u) => `${nameOf(u.clientId)} ${formatDateTime(u.sendAt)}`).join(' · ')}`
                      : 'Nothing planned right now') +
                    (schedule.shareWithPartner ? ' · partners see each other’s scores' : '')
                  }
                />
              </ListItem>
            ),
          )}
        </List>
      )}
      {editing === 'new' ? (
        <ScheduleForm
          // The weekly kind of measure first: what most schedules send.
          initial={emptyDraft((measures.find((m) => m.kind === 'outcome') ?? measures[0])?.id ?? '')}
          measures={measures}
          editing={false}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <Button startIcon={<AddIcon />} onClick={() => setEditing('new')} disabled={measures.length === 0}>
          Schedule check-ins
        </Button>
      )}
    </Box>
  );
};
