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
  ApiRequestBody,
  CoupleProgramResponse,
  CoupleProgramView,
  CoupleView,
  ProgramStepWarning,
} from '@trellis/contracts';
import { assignmentWarnings } from '@trellis/domain';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { errorMessage, type FormErrors, submissionErrors } from '../../data/formErrors';
import { asTyped, callApi } from '../../data/api';
import { useApiGet } from '../../data/useApiQuery';
import { blankStep, type StepDraft, stepBody } from '../programs/programDraft';
import { StepOpensFields, StepSourceFields, useStepSources } from '../programs/StepFields';
import {
  cautionLines,
  checkInProgress,
  movedPending,
  opensWhenText,
  STEP_STATUS_LABELS,
  whereTheCoupleIs,
} from './programPath';

type StepBody = ReturnType<typeof stepBody>;

/** Choose a program from the clinic's library and start the couple on it. */
const StartProgram = ({ onStart }: { onStart: (programId: string) => Promise<FormErrors | undefined> }) => {
  const programs = useApiGet('/programs', {});
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

/** A step's cautions, or the cautions for the step about to be added: never blocking, always in words. */
const Cautions = ({ label, warnings }: { label: string; warnings: readonly ProgramStepWarning[] }) =>
  warnings.length > 0 ? (
    <Alert severity="warning" aria-label={label} sx={{ mt: 0.5 }}>
      {cautionLines(warnings).map((line) => (
        <Typography key={line} variant="body2">
          {line}
        </Typography>
      ))}
    </Alert>
  ) : null;

/** Which partner an open check-in step waits on and why, beside its Skip action. */
const CheckInWaiting = ({ title, lines }: { title: string; lines: readonly string[] }) =>
  lines.length > 0 ? (
    <Alert severity="info" aria-label={`Why “${title}” is waiting`} sx={{ mt: 0.5 }}>
      {lines.map((line) => (
        <Typography key={line} variant="body2">
          {line}
        </Typography>
      ))}
      <Typography variant="body2">Skip the step if it should not wait.</Typography>
    </Alert>
  ) : null;

/**
 * Add a step at the end of the path: homework (an exercise from the library) or a conversation in
 * session. Like the assign dialog, it cautions before (the domain rule `assignmentWarnings`, on the
 * couple as the page shows it) and the API answers with the cautions that apply once it is added.
 */
const AddStep = ({
  couple,
  onAdd,
}: {
  couple: CoupleView;
  onAdd: (body: StepBody) => Promise<{ errors?: FormErrors; warnings?: ProgramStepWarning[] }>;
}) => {
  const sources = useStepSources();
  const [step, setStepDraft] = useState<StepDraft>({ ...blankStep(), kind: 'discuss', opensWhen: 'reviewed' });
  const [errors, setErrors] = useState<FormErrors>({});
  const [added, setAdded] = useState<{ title: string; warnings: ProgramStepWarning[] } | null>(null);
  const set = (change: Partial<StepDraft>) => setStepDraft((draft) => ({ ...draft, ...change }));
  const chosenId = step.kind === 'exercise' ? step.exerciseId : '';
  const chosen = useApiGet('/exercises/{id}', { id: chosenId }, { enabled: Boolean(chosenId) });
  const detail = chosenId && chosen.data?.id === chosenId ? chosen.data : undefined;
  const before = detail
    ? assignmentWarnings(detail, {
        phase: couple.phase,
        partnerRoles: couple.partners.map((partner) => partner.role),
        safetyConcernOpen: couple.safetyConcern !== null,
      })
    : [];
  const error = (field: keyof StepDraft) => ({ error: Boolean(errors[field]), helperText: errors[field] });
  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    const answer = await onAdd(stepBody(step));
    setErrors(answer.errors ?? {});
    if (answer.errors) return;
    setAdded({ title: step.title, warnings: answer.warnings ?? [] });
    setStepDraft({ ...blankStep(), kind: step.kind, opensWhen: step.opensWhen });
  };
  return (
    <Box component="form" onSubmit={(e) => void add(e)} aria-label="Add a step" sx={{ mt: 2 }}>
      <Typography component="h3" variant="subtitle1">
        Add a step at the end
      </Typography>
      {sources.problems}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 1, alignItems: 'flex-start' }}>
        <StepSourceFields step={step} onChange={set} at={error} sources={sources} />
      </Stack>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 2, alignItems: 'flex-start' }}>
        <TextField
          size="small"
          label={step.kind === 'discuss' ? 'What to talk through in session' : 'Title (what both partners see)'}
          value={step.title}
          onChange={(e) => set({ title: e.target.value })}
          sx={{ minWidth: 320 }}
          {...error('title')}
        />
        <StepOpensFields step={step} onChange={set} at={error} />
      </Stack>
      <Cautions label="Before you add" warnings={before} />
      <Button
        type="submit"
        sx={{ mt: 1 }}
        disabled={
          !step.title.trim() || (step.kind === 'exercise' && !chosenId) || (step.kind === 'check_in' && !step.measureId)
        }
      >
        Add step
      </Button>
      {added && <Cautions label={`Cautions for “${added.title}”, just added`} warnings={added.warnings} />}
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
              primary={`${step.title}${step.kind === 'discuss' ? ' (in session)' : ''}${
                step.kind === 'check_in' ? ` (check-in: ${step.measureTitle ?? 'a measure'})` : ''
              }`}
              secondary={[
                STEP_STATUS_LABELS[step.status],
                opensWhenText(step, index === 0),
                checkInProgress(step.checkIns).summary,
              ]
                .filter(Boolean)
                .join(' · ')}
              slotProps={{ primary: { sx: { fontWeight: step.status === 'open' ? 600 : undefined } } }}
            />
            <Cautions label={`Cautions for “${step.title}”`} warnings={step.warnings} />
            <CheckInWaiting title={step.title} lines={checkInProgress(step.checkIns).waiting} />
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
  const params = { id: couple.id };
  const program = useApiGet('/couples/{id}/program', params);
  const notify = useNotify();
  const enrolment = program.data?.enrolment ?? null;
  const under = enrolment && (enrolment.status === 'active' || enrolment.status === 'paused');

  /** Sends one change to the couple's program; a 400 naming `field` shows under it, anything else as a notice. */
  const act = async (
    send: () => Promise<CoupleProgramResponse>,
    done: string | ((answer: CoupleProgramResponse) => string),
    field?: string,
  ): Promise<FormErrors | undefined> => {
    try {
      const json = await send();
      notify(typeof done === 'string' ? done : done(json), { type: 'success' });
      program.refetch();
      return undefined;
    } catch (error) {
      const fields = field ? submissionErrors(error, field) : undefined;
      if (!fields) notify(errorMessage(error), { type: 'error' });
      return fields ?? (field ? {} : undefined);
    }
  };
  const setStatus = (status: ApiRequestBody<'/couples/{id}/program', 'patch'>['status'], done: string) =>
    void act(() => callApi('patch', '/couples/{id}/program', { params, body: { status } }), done);

  /** Adds a step; the API answers with its cautions, kept on screen under the form. */
  const addStep = async (body: StepBody): Promise<{ errors?: FormErrors; warnings?: ProgramStepWarning[] }> => {
    try {
      const json = await callApi('post', '/couples/{id}/program/steps', {
        params,
        body: asTyped<ApiRequestBody<'/couples/{id}/program/steps', 'post'>>(body),
      });
      notify(json.added.warnings.length ? 'Step added, with cautions: see below.' : 'Step added.', {
        type: json.added.warnings.length ? 'warning' : 'success',
      });
      program.refetch();
      return { warnings: json.added.warnings };
    } catch (error) {
      const fields = submissionErrors(error);
      if (!fields) notify(errorMessage(error), { type: 'error' });
      return { errors: fields ?? {} };
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
                <Button variant="outlined" onClick={() => setStatus('paused', 'Program paused: nothing new opens.')}>
                  Pause program
                </Button>
              ) : (
                <Button variant="outlined" onClick={() => setStatus('active', 'Program resumed.')}>
                  Resume program
                </Button>
              )}
              <Button color="error" onClick={() => setStatus('stopped', 'Program stopped.')}>
                Stop program
              </Button>
            </Stack>
          )}
          <PathSteps
            enrolment={enrolment}
            onSkip={(stepId) =>
              void act(
                () => callApi('post', '/couples/{id}/program/steps/{stepId}/skip', { params: { ...params, stepId } }),
                'Step skipped.',
              )
            }
            onMove={(stepId, by) =>
              void act(
                () =>
                  callApi('post', '/couples/{id}/program/reorder', {
                    params,
                    body: { stepIds: movedPending(enrolment.steps, stepId, by) },
                  }),
                'Steps moved.',
              )
            }
          />
          {under && <AddStep couple={couple} onAdd={addStep} />}
        </>
      )}
      {program.data && !under && (
        <StartProgram
          onStart={(programId) =>
            act(
              () => callApi('post', '/couples/{id}/program', { params, body: { programId } }),
              // A coercion-sensitive first step waits while a safety concern is open.
              (answer) =>
                answer.enrolment?.current
                  ? 'Program started: the first step is open.'
                  : 'Program started: the first step waits (see its caution).',
              'programId',
            )
          }
        />
      )}
    </Box>
  );
};
