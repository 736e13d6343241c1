import { Alert, Box, Button, Card, CardContent, CircularProgress, Typography } from '@mui/material';
import { JOB_STATES, type JobState, type QueueCounts } from '@trellis/contracts';
import { useState } from 'react';
import { Title, usePermissions } from 'react-admin';
import { errorMessage } from '../data/formErrors';
import { useApiGet } from '../data/useApiQuery';
import { JobsTable } from './JobsTable';
import { JOB_STATE_LABELS, queueDescription, queueLabel } from './queueLabels';
import { DEFAULT_JOB_STATE, isQueuesUnavailable, QUEUE_REFRESH_MS } from './queueQuery';
import { QueuesUnavailable } from './QueuesUnavailable';

interface QueueCardProps {
  queue: QueueCounts;
  selected: boolean;
  selectedState: JobState;
  onSelect: (state: JobState) => void;
}

/** A queue's counts; each count opens that queue's jobs in that state. */
const QueueCard = ({ queue, selected, selectedState, onSelect }: QueueCardProps) => {
  const headingId = `queue-${queue.name}`;
  return (
    <Card
      variant="outlined"
      component="section"
      aria-labelledby={headingId}
      sx={{ borderColor: selected ? 'primary.main' : undefined, borderWidth: selected ? 2 : 1 }}
    >
      <CardContent>
        <Typography id={headingId} component="h2" variant="subtitle1" sx={{ fontWeight: 500 }}>
          {queueLabel(queue.name)}
        </Typography>
        {queueDescription(queue.name) && (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {queueDescription(queue.name)}
          </Typography>
        )}
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(96px, 1fr))', gap: 0.5 }}>
          {JOB_STATES.map((state) => {
            const count = queue.counts[state];
            const alarming = state === 'failed' && count > 0;
            const current = selected && selectedState === state;
            return (
              <Button
                key={state}
                size="small"
                color={alarming ? 'error' : 'primary'}
                variant={current ? 'contained' : 'text'}
                aria-pressed={current}
                onClick={() => onSelect(state)}
                sx={{ flexDirection: 'column', alignItems: 'flex-start', textTransform: 'none', lineHeight: 1.2 }}
              >
                <Box component="span" sx={{ typography: 'h6' }}>
                  {count.toLocaleString()}
                </Box>
                <Box component="span" sx={{ typography: 'body2' }}>
                  {JOB_STATE_LABELS[state]}
                </Box>
              </Button>
            );
          })}
        </Box>
      </CardContent>
    </Card>
  );
};

/** `/#/queues`, administrators only: the background job queues, their failed jobs, retry and remove. */
export const QueuesPage = () => {
  const { permissions, isPending: permissionsPending } = usePermissions();
  const isAdmin = permissions === 'admin';
  const counts = useApiGet('/admin/queues', {}, { enabled: isAdmin, refreshEveryMs: QUEUE_REFRESH_MS });
  const [chosenQueue, setChosenQueue] = useState<string>();
  const [state, setState] = useState<JobState>(DEFAULT_JOB_STATE);

  if (permissionsPending) return <CircularProgress sx={{ m: 3 }} aria-label="Loading" />;
  if (!isAdmin) {
    return (
      <Alert severity="info" sx={{ mt: 2, maxWidth: 720 }}>
        The job queues are for administrators. Ask one of your clinic’s administrators if an email seems stuck.
      </Alert>
    );
  }

  const queues = counts.data ?? [];
  const queue = queues.find((candidate) => candidate.name === chosenQueue) ?? queues[0];
  const unavailable = isQueuesUnavailable(counts.error);

  return (
    <Box sx={{ mt: 2, maxWidth: 1200 }}>
      <Title title="Job queues" />
      <Typography component="h1" variant="h5" gutterBottom>
        Job queues
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2, maxWidth: 800 }}>
        Trellis sends emails, reminders and digests in the background. The counts cover every job on this server and
        refresh every 10 seconds while this page is open; the lists show your clinic’s jobs only. Failed jobs have used
        up their attempts: retry them once the cause (often the mail server) is fixed.
      </Typography>

      {unavailable && (
        <Box sx={{ mb: 2 }}>
          <QueuesUnavailable onRetry={counts.refetch} />
        </Box>
      )}
      {counts.error !== undefined && !unavailable && (
        <Alert
          severity="error"
          sx={{ mb: 2 }}
          action={
            <Button color="inherit" size="small" onClick={counts.refetch}>
              Try again
            </Button>
          }
        >
          {errorMessage(counts.error)}
        </Alert>
      )}
      {counts.isPending && <CircularProgress size={24} aria-label="Loading the job queues" />}

      {queues.length > 0 && (
        <Box
          role="group"
          aria-label="Queues"
          sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, 1fr)' }, mb: 3 }}
        >
          {queues.map((candidate) => (
            <QueueCard
              key={candidate.name}
              queue={candidate}
              selected={candidate.name === queue?.name}
              selectedState={state}
              onSelect={(next) => {
                setChosenQueue(candidate.name);
                setState(next);
              }}
            />
          ))}
        </Box>
      )}

      {queue && (
        <Card>
          <CardContent>
            <JobsTable
              queue={queue.name}
              state={state}
              onStateChange={setState}
              countsKey={`${queue.counts[state]}`}
              onChanged={counts.refetch}
            />
          </CardContent>
        </Card>
      )}
    </Box>
  );
};
