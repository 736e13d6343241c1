import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import ReplayIcon from '@mui/icons-material/Replay';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { JOB_STATES, type JobState, type JobView } from '@trellis/contracts';
import { useEffect, useRef, useState } from 'react';
import { Confirm, useNotify } from 'react-admin';
import { errorMessage } from '../data/formErrors';
import { useApiGet } from '../data/useApiQuery';
import { removeJob, retryJob } from './queueApi';
import {
  attemptsText,
  JOB_STATE_EMPTY,
  JOB_STATE_LABELS,
  jobDataEntries,
  jobNameLabel,
  jobTimeText,
  queueLabel,
} from './queueLabels';
import { isJobGone, isQueuesUnavailable, JOBS_PER_PAGE, jobsQuery } from './queueQuery';
import { QueuesUnavailable } from './QueuesUnavailable';

const JobData = ({ data }: { data: Record<string, unknown> }) => {
  const entries = jobDataEntries(data);
  if (entries.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        —
      </Typography>
    );
  return (
    <Box
      component="dl"
      sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 1, typography: 'body2' }}
    >
      {entries.map(([key, value]) => (
        <Box key={key} sx={{ display: 'contents' }}>
          <Box component="dt" sx={{ color: 'text.secondary' }}>
            {key}
          </Box>
          <Box component="dd" sx={{ m: 0, fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
            {value}
          </Box>
        </Box>
      ))}
    </Box>
  );
};

interface JobsTableProps {
  queue: string;
  state: JobState;
  onStateChange: (state: JobState) => void;
  /**
   * Changes when the queue's counts do (they refresh every few seconds): the list then reloads
   * too, but never on a timer of its own, so rows do not shift under a pointer for nothing.
   */
  countsKey: string;
  /** After a retry or removal: the counts are out of date. */
  onChanged: () => void;
}

/** One queue's jobs in one state, failed first by default, with Retry (failed only) and Remove. */
export const JobsTable = ({ queue, state, onStateChange, countsKey, onChanged }: JobsTableProps) => {
  // The page belongs to one queue and state: choosing another starts again from the first page.
  const listKey = `${queue}/${state}`;
  const [paging, setPaging] = useState({ listKey, page: 0 });
  const page = paging.listKey === listKey ? paging.page : 0;
  const jobs = useApiGet('/admin/queues/{name}/jobs', { name: queue }, { query: jobsQuery(state, page + 1) });
  const notify = useNotify();
  const [busyId, setBusyId] = useState<string>();
  const [removing, setRemoving] = useState<JobView>();
  const { refetch } = jobs;

  // Another queue or state loads by itself (the path changes); only new counts for the same list reload it.
  const seen = useRef({ listKey, countsKey });
  useEffect(() => {
    const last = seen.current;
    seen.current = { listKey, countsKey };
    if (last.listKey === listKey && last.countsKey !== countsKey) refetch();
  }, [listKey, countsKey, refetch]);

  const settle = (error: unknown) => {
    if (isQueuesUnavailable(error))
      notify('The job queues can’t be reached right now. Try again in a moment.', { type: 'info' });
    else if (isJobGone(error))
      notify('That job has already moved on: it finished, was retried or was removed.', { type: 'info' });
    else notify(errorMessage(error), { type: 'error' });
  };

  const retry = async (job: JobView) => {
    setBusyId(job.id);
    try {
      await retryJob(queue, job.id);
      notify(`“${jobNameLabel(job.name)}” is back in the queue and will run again shortly.`, { type: 'success' });
    } catch (error) {
      settle(error);
    } finally {
      setBusyId(undefined);
      refetch();
      onChanged();
    }
  };

  const remove = async () => {
    if (!removing) return;
    const job = removing;
    setBusyId(job.id);
    try {
      await removeJob(queue, job.id);
      notify(`“${jobNameLabel(job.name)}” was removed.`, { type: 'info' });
    } catch (error) {
      settle(error);
    } finally {
      setBusyId(undefined);
      setRemoving(undefined);
      refetch();
      onChanged();
    }
  };

  let content;
  if (jobs.isPending) {
    content = <CircularProgress size={24} aria-label="Loading jobs" sx={{ m: 2 }} />;
  } else if (!jobs.data) {
    content = isQueuesUnavailable(jobs.error) ? (
      <QueuesUnavailable onRetry={refetch} />
    ) : (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={refetch}>
            Try again
          </Button>
        }
      >
        {errorMessage(jobs.error)}
      </Alert>
    );
  } else if (jobs.data.total === 0) {
    content = (
      <Typography color="text.secondary" sx={{ py: 2 }}>
        {JOB_STATE_EMPTY[state]}
      </Typography>
    );
  } else {
    content = (
      <>
        {/* Width 0, at least the container: the table scrolls on a phone instead of widening the page. */}
        <TableContainer sx={{ width: 0, minWidth: '100%' }}>
          <Table size="small" sx={{ minWidth: 720 }}>
            <TableHead>
              <TableRow>
                <TableCell scope="col">Job</TableCell>
                <TableCell scope="col">Details</TableCell>
                <TableCell scope="col">Attempts</TableCell>
                <TableCell scope="col">{state === 'failed' ? 'Error' : 'When'}</TableCell>
                <TableCell scope="col" align="right">
                  Actions
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {jobs.data.data.map((job) => (
                <TableRow key={job.id} sx={{ verticalAlign: 'top' }}>
                  <TableCell component="th" scope="row">
                    <Typography variant="body2" sx={{ fontWeight: 500 }}>
                      {jobNameLabel(job.name)}
                    </Typography>
                    <Typography
                      variant="caption"
                      color="text.secondary"
                      sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}
                    >
                      {job.id}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <JobData data={job.data} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{attemptsText(job)}</TableCell>
                  <TableCell>
                    {state === 'failed' && (
                      <Typography variant="body2" color="error" sx={{ overflowWrap: 'anywhere' }}>
                        {job.failedReason ?? 'No error recorded'}
                      </Typography>
                    )}
                    <Typography variant="body2" color="text.secondary">
                      {jobTimeText(job)}
                    </Typography>
                  </TableCell>
                  <TableCell align="right">
                    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                      {job.state === 'failed' && (
                        <Button
                          size="small"
                          variant="outlined"
                          startIcon={<ReplayIcon />}
                          disabled={busyId === job.id}
                          onClick={() => retry(job)}
                          aria-label={`Retry ${jobNameLabel(job.name)} ${job.id}`}
                        >
                          Retry
                        </Button>
                      )}
                      {/* A running job is locked by the worker: BullMQ refuses to remove it. */}
                      {job.state !== 'active' && (
                        <Button
                          size="small"
                          color="error"
                          startIcon={<DeleteIcon />}
                          disabled={busyId === job.id}
                          onClick={() => setRemoving(job)}
                          aria-label={`Remove ${jobNameLabel(job.name)} ${job.id}`}
                        >
                          Remove
                        </Button>
                      )}
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
        <TablePagination
          component="div"
          count={jobs.data.total}
          page={page}
          onPageChange={(_, next) => setPaging({ listKey, page: next })}
          rowsPerPage={JOBS_PER_PAGE}
          rowsPerPageOptions={[]}
        />
      </>
    );
  }

  return (
    <Box component="section" aria-labelledby="jobs-heading">
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography id="jobs-heading" component="h2" variant="h6">
          {queueLabel(queue)}: your clinic’s jobs
        </Typography>
        <TextField
          select
          size="small"
          label="State"
          value={state}
          onChange={(event) => onStateChange(event.target.value as JobState)}
          sx={{ minWidth: 160 }}
        >
          {JOB_STATES.map((option) => (
            <MenuItem key={option} value={option}>
              {JOB_STATE_LABELS[option]}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {content}
      <Confirm
        isOpen={removing !== undefined}
        loading={busyId !== undefined}
        title={removing ? `Remove “${jobNameLabel(removing.name)}”?` : ''}
        content={`The job leaves the ${queueLabel(queue)} queue for good and ${
          removing?.state === 'failed' ? 'is not retried' : 'will not run'
        }. This cannot be undone.`}
        confirm="Remove"
        confirmColor="warning"
        onConfirm={remove}
        onClose={() => setRemoving(undefined)}
      />
    </Box>
  );
};
