import EditIcon from '@mui/icons-material/Edit';
import StopCircleIcon from '@mui/icons-material/StopCircle';
import {
  Alert,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  Typography,
} from '@mui/material';
import type { AssignmentSeriesView, CoupleView } from '@trellis/contracts';
import { useState } from 'react';
import {
  DateInput,
  Form,
  NumberInput,
  RadioButtonGroupInput,
  SaveButton,
  TextInput,
  useDataProvider,
  useGetList,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { formatDateTime } from '../../common/dates';
import type { ParentMeta, TrellisDataProvider } from '../../data/dataProvider';
import { errorMessage, submissionErrors } from '../../data/formErrors';
import {
  describeSeries,
  ENDS_CHOICES,
  SERIES_MAX_COUNT,
  seriesEditBody,
  seriesEditProblems,
} from '../assignments/seriesPayload';

const STOPPED_REASONS: Record<NonNullable<AssignmentSeriesView['stoppedReason']>, string> = {
  therapist: 'Stopped',
  couple_paused: 'Stopped: the couple was paused',
  couple_discharged: 'Stopped: the couple was discharged',
};

const EndInputs = () => {
  const ends: unknown = useWatch({ name: 'ends' });
  return (
    <>
      <RadioButtonGroupInput source="ends" label="Ends" choices={ENDS_CHOICES} row />
      {ends === 'date' ? (
        <DateInput source="endsOn" label="Last date" />
      ) : (
        <NumberInput
          source="count"
          label="Number of times in all"
          min={1}
          max={SERIES_MAX_COUNT}
          helperText="Counting those already sent."
        />
      )}
    </>
  );
};

/** Changes from the next time on: homework already sent keeps its due date and note. */
const EditSeriesDialog = ({
  series,
  onClose,
  onSaved,
}: {
  series: AssignmentSeriesView;
  onClose: () => void;
  onSaved: () => void;
}) => {
  const dataProvider = useDataProvider<TrellisDataProvider>();
  const [failure, setFailure] = useState<string>();
  const [defaultValues] = useState(() => ({
    dueTime: series.dueTime,
    message: series.message,
    ends: series.count !== null ? 'count' : 'date',
    count: series.count ?? 6,
    endsOn: series.endsOn ?? '',
  }));
  const submit = async (values: Record<string, unknown>) => {
    setFailure(undefined);
    try {
      await dataProvider.update('assignment-series', {
        id: series.id,
        data: seriesEditBody(values, series),
        previousData: { id: series.id },
      });
      onSaved();
    } catch (error) {
      const fieldErrors = submissionErrors(error);
      if (fieldErrors) return fieldErrors;
      setFailure(errorMessage(error));
    }
  };
  const titleId = `edit-series-${series.id}`;
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>Change “{series.exerciseTitle}” from the next time on</DialogTitle>
      <Form defaultValues={defaultValues} onSubmit={submit} validate={seriesEditProblems} noValidate>
        <DialogContent sx={{ pt: 0 }}>
          <TextInput
            source="dueTime"
            label="Due time"
            type="time"
            helperText={`On the clinic’s clock (${series.timeZone}).`}
          />
          <TextInput source="message" label="Message to the couple (optional)" multiline minRows={2} fullWidth />
          <EndInputs />
          {failure && <Alert severity="error">{failure}</Alert>}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose}>Cancel</Button>
          <SaveButton label="Save" alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

const StopSeriesButton = ({ series, onStopped }: { series: AssignmentSeriesView; onStopped: () => void }) => {
  const dataProvider = useDataProvider<TrellisDataProvider>();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string>();
  const titleId = `stop-series-${series.id}`;
  const stop = async () => {
    try {
      await dataProvider.act('/assignment-series/{id}/stop', { id: series.id });
      setOpen(false);
      onStopped();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <>
      <Button size="small" color="error" startIcon={<StopCircleIcon />} onClick={() => setOpen(true)}>
        Stop
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId}>
        <DialogTitle id={titleId}>Stop repeating “{series.exerciseTitle}”?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            No more will be sent. Homework already sent stays open; you can cancel it on its own card.
          </DialogContentText>
          {failure && <Alert severity="error">{failure}</Alert>}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Keep repeating</Button>
          <Button color="error" variant="contained" onClick={() => void stop()}>
            Stop
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** The couple's repeating homework: what each does, when the next is due, and Stop / Change. */
export const CoupleSeries = ({ couple }: { couple: CoupleView }) => {
  const meta: ParentMeta = { parent: { resource: 'couples', id: couple.id } };
  const { data, refetch } = useGetList<AssignmentSeriesView>('assignment-series', {
    pagination: { page: 1, perPage: 100 },
    meta,
  });
  const [editing, setEditing] = useState<AssignmentSeriesView>();
  const shown = (data ?? []).filter((s) => s.status === 'active' || s.stoppedReason !== 'therapist');
  if (shown.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="repeating-homework-heading">
      <Typography id="repeating-homework-heading" component="h2" variant="h6" gutterBottom>
        Repeating homework
      </Typography>
      <Stack spacing={1}>
        {shown.map((series) => (
          <Card key={series.id} variant="outlined" component="article" aria-labelledby={`series-${series.id}`}>
            <CardContent sx={{ pb: 1 }}>
              <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography id={`series-${series.id}`} component="h3" variant="subtitle1" sx={{ fontWeight: 500 }}>
                  {series.exerciseTitle}
                </Typography>
                <Chip
                  size="small"
                  variant="outlined"
                  color={series.status === 'active' ? 'primary' : 'default'}
                  label={
                    series.status === 'active'
                      ? 'Repeating'
                      : series.status === 'ended'
                        ? 'Finished'
                        : STOPPED_REASONS[series.stoppedReason ?? 'therapist']
                  }
                />
              </Stack>
              <Typography variant="body2" color="text.secondary">
                {describeSeries(series)} ({series.timeZone}) · {series.occurrencesSoFar} sent so far
                {series.nextDueAt && ` · Next due ${formatDateTime(series.nextDueAt)}`}
              </Typography>
              {series.status === 'active' && couple.status !== 'active' && (
                <Typography variant="body2">
                  Nothing more is sent while the couple is {couple.status}; the series stops at its next date.
                </Typography>
              )}
            </CardContent>
            {series.status === 'active' && (
              <CardActions sx={{ px: 2, pb: 2, gap: 1 }}>
                <Button size="small" startIcon={<EditIcon />} onClick={() => setEditing(series)}>
                  Change
                </Button>
                <StopSeriesButton series={series} onStopped={() => void refetch()} />
              </CardActions>
            )}
          </Card>
        ))}
      </Stack>
      {editing && (
        <EditSeriesDialog
          series={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            void refetch();
          }}
        />
      )}
    </Box>
  );
};
