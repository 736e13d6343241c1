import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  IconButton,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type {
  CoupleProgramResponse,
  CoupleProgramView,
  CoupleView,
  ListResponse,
  ProgramView,
} from '@trellis/contracts';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { errorMessage, type FormErrors, submissionErrors } from '../../data/formErrors';
import { httpClient } from '../../data/httpClient';
import { useApiQuery } from '../../data/useApiQuery';
import { movedPending, opensWhenText, STEP_STATUS_LABELS, whereTheCoupleIs } from './programPath';

/** Choose a program from the clinic's library and start the couple on it. */
const StartProgram = ({ onStart }: { onStart: (programId: string) => Promise<FormErrors | undefined> }) => {
  const programs = useApiQuery<ListResponse<ProgramView>>('/programs');
  const offered = programs.data?.data.filter((p) => !p.archived) ?? [];
  const [programId, setProgramId] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const chosen = programId || offered[0]?.id || '';
  const start = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors((await onStart(chosen)) ?? {});
  };
  if (programs.error != null) return <Alert severity="error">{errorMessage(programs.error)}</Alert>;
  return (
    <Box component="form" onSubmit={(e) => void start(e)} aria-label="Start a program" sx={{ mt: 1 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        A program is a path of homework and conversations, one step at a time: each step opens when the couple is ready
        for it.
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          select
          size="small"
          label="Program"
          value={chosen}
          onChange={(e) => setProgramId(e.target.value)}
          error={Boolean(errors.programId)}
          helperText={errors.programId}
          sx={{ minWidth: 280 }}
        >
          {offered.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {p.title} ({p.steps.length} steps{p.builtIn ? ', built in' : ''})
            </MenuItem>
          ))}
        </TextField>
        <Button type="submit" variant="contained" disabled={!chosen}>
          Start program
        </Button>
      </Stack>
    </Box>
  );
};

/** Add a step the couple talks through in session, at the end of the path. */
const AddDiscussStep = ({ onAdd }: { onAdd: (title: string) => Promise<FormErrors | undefined> }) => {
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    const problems = await onAdd(title);
    setErrors(problems ?? {});
    if (!problems) setTitle('');
  };
  return (
    <Box component="form" onSubmit={(e) => void add(e)} aria-label="Add a step" sx={{ mt: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          size="small"
          label="Add a step to talk through in session"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={Boolean(errors.title)}
          helperText={errors.title}
          sx={{ minWidth: 320 }}
        />
        <Button type="submit" disabled={!title.trim()}>
          Add step
        </Button>
      </Stack>
    </Box>
  );
};

const PathSteps = ({
  enrolment,
  onSkip,
  onMove,
}: {
  enrolment: CoupleProgramView;
  onSkip: (stepId: string) => void;
  onMove: (stepId: string, by: -1 | 1) => void;
}) => {
  const under = enrolment.status === 'active' || enrolment.status === 'paused';
  const pending = enrolment.steps.filter((s) => s.status === 'pending');
  return (
    <List component="ol" dense aria-label="Steps of the program" sx={{ listStyle: 'decimal', pl: 3 }}>
      {enrolment.steps.map((step, index) => {
        const pendingAt = pending.findIndex((s) => s.id === step.id);
        return (
          <ListItem
            key={step.id}
            sx={{ display: 'list-item' }}
            secondaryAction={
              under && (step.status === 'pending' || step.status === 'open') ? (
                <Stack direction="row" spacing={0.5}>
                  {step.status === 'pending' && (
                    <>
                      <IconButton
                        size="small"
                        aria-label={`Move “${step.title}” earlier`}
                        disabled={pendingAt <= 0}
                        onClick={() => onMove(step.id, -1)}
                      >
                        <ArrowUpwardIcon fontSize="small" />
                      </IconButton>
                      <IconButton
                        size="small"
                        aria-label={`Move “${step.title}” later`}
                        disabled={pendingAt === pending.length - 1}
                        onClick={() => onMove(step.id, 1)}
                      >
                        <ArrowDownwardIcon fontSize="small" />
                      </IconButton>
                    </>
                  )}
                  <Button size="small" onClick={() => onSkip(step.id)} aria-label={`Skip “${step.title}”`}>
                    Skip
                  </Button>
                </Stack>
              ) : undefined
            }
          >
            <ListItemText
              primary={`${step.title}${step.kind === 'discuss' ? ' (in session)' : ''}`}
              secondary={`${STEP_STATUS_LABELS[step.status]} · ${opensWhenText(step, index === 0)}`}
              slotProps={{ primary: { sx: { fontWeight: step.status === 'open' ? 600 : undefined } } }}
            />
          </ListItem>
        );
      })}
    </List>
  );
};

/**
 * The couple's program: where the couple is on its path, every step and when it opens, and what
 * the therapist can do — start one, pause or resume it, skip, move or add steps.
 */
export const ProgramTab = ({ couple }: { couple: CoupleView }) => {
  const path = `/couples/${encodeURIComponent(couple.id)}/program`;
  const program = useApiQuery<CoupleProgramResponse>(path);
  const notify = useNotify();
  const enrolment = program.data?.enrolment ?? null;
  const under = enrolment && (enrolment.status === 'active' || enrolment.status === 'paused');

  const act = async (
    url: string,
    method: 'POST' | 'PATCH',
    body: unknown,
    done: string,
    field?: string,
  ): Promise<FormErrors | undefined> => {
    try {
      await httpClient<CoupleProgramResponse>(url, { method, body });
      notify(done, { type: 'success' });
      program.refetch();
      return undefined;
    } catch (error) {
      const fields = field ? submissionErrors(error, field) : undefined;
      if (!fields) notify(errorMessage(error), { type: 'error' });
      return fields ?? (field ? {} : undefined);
    }
  };

  return (
    <Box component="section" aria-labelledby="program-heading" sx={{ p: 1 }}>
      <Typography id="program-heading" component="h2" variant="h6">
        {enrolment ? enrolment.title : 'Program'}
      </Typography>
      {program.isPending && <CircularProgress size={24} aria-label="Loading the program" />}
      {program.error != null && <Alert severity="error">{errorMessage(program.error)}</Alert>}
      {enrolment && (
        <>
          <Typography sx={{ mt: 1 }} aria-live="polite">
            {whereTheCoupleIs(enrolment)}
          </Typography>
          {under && (
            <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
              {enrolment.status === 'active' ? (
                <Button
                  variant="outlined"
                  onClick={() => void act(path, 'PATCH', { status: 'paused' }, 'Program paused: nothing new opens.')}
                >
                  Pause program
                </Button>
              ) : (
                <Button
                  variant="outlined"
                  onClick={() => void act(path, 'PATCH', { status: 'active' }, 'Program resumed.')}
                >
                  Resume program
                </Button>
              )}
              <Button color="error" onClick={() => void act(path, 'PATCH', { status: 'stopped' }, 'Program stopped.')}>
                Stop program
              </Button>
            </Stack>
          )}
          <PathSteps
            enrolment={enrolment}
            onSkip={(stepId) =>
              void act(`${path}/steps/${encodeURIComponent(stepId)}/skip`, 'POST', {}, 'Step skipped.')
            }
            onMove={(stepId, by) =>
              void act(
                `${path}/reorder`,
                'POST',
                { stepIds: movedPending(enrolment.steps, stepId, by) },
                'Steps moved.',
              )
            }
          />
          {under && (
            <AddDiscussStep
              onAdd={(title) =>
                act(
                  `${path}/steps`,
                  'POST',
                  { title, kind: 'discuss', opensWhen: 'both_submitted' },
                  'Step added.',
                  'title',
                )
              }
            />
          )}
        </>
      )}
      {program.data && !under && (
        <StartProgram
          onStart={(programId) =>
            act(path, 'POST', { programId }, 'Program started: the first step is open.', 'programId')
          }
        />
      )}
    </Box>
  );
};
