import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  IconButton,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { ExerciseSummary, ListResponse, MeasureSummary, ProgramView } from '@trellis/contracts';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { errorMessage, type FormErrors, submissionErrors } from '../../data/formErrors';
import { useApiQuery } from '../../data/useApiQuery';
import {
  blankStep,
  KIND_LABELS,
  moved,
  OPENS_WHEN_LABELS,
  type ProgramDraft,
  type StepDraft,
  stepBody,
} from './programDraft';

const KINDS = Object.keys(KIND_LABELS) as StepDraft['kind'][];
const OPENS_WHEN = Object.keys(OPENS_WHEN_LABELS) as StepDraft['opensWhen'][];

export interface ProgramBody {
  title: string;
  description: string;
  steps: ReturnType<typeof stepBody>[];
}

interface ProgramFormProps {
  /** The form's accessible name. */
  label: string;
  initial: ProgramDraft;
  submitLabel: string;
  /** Sends the program; a 400's field errors show under the fields, anything else as a notice. */
  onSubmit: (body: ProgramBody) => Promise<ProgramView>;
  onCancel: () => void;
}

/**
 * The clinic's own program as an editor holds it: a title and its steps in order, each saying when
 * it opens. One form for building a program and for changing one.
 */
export const ProgramForm = ({ label, initial, submitLabel, onSubmit, onCancel }: ProgramFormProps) => {
  const exercises = useApiQuery<ListResponse<ExerciseSummary>>('/exercises?perPage=100&sort=title&order=ASC');
  const measures = useApiQuery<ListResponse<MeasureSummary>>('/measures?perPage=100&sort=title');
  const notify = useNotify();
  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);
  const [steps, setSteps] = useState<StepDraft[]>(initial.steps.length ? initial.steps : [blankStep()]);
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const setStep = (index: number, change: Partial<StepDraft>) =>
    setSteps((all) => all.map((step, i) => (i === index ? { ...step, ...change } : step)));
  const error = (field: string) => ({ error: Boolean(errors[field]), helperText: errors[field] });

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      await onSubmit({ title, description, steps: steps.map(stepBody) });
    } catch (failure) {
      const fields = submissionErrors(failure);
      if (!fields) notify(errorMessage(failure), { type: 'error' });
      setErrors(fields ?? {});
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card>
      <CardContent component="form" onSubmit={(e) => void save(e)} aria-label={label}>
        {exercises.error != null && <Alert severity="error">{errorMessage(exercises.error)}</Alert>}
        {measures.error != null && <Alert severity="error">{errorMessage(measures.error)}</Alert>}
        <Stack spacing={2} sx={{ maxWidth: 720 }}>
          <TextField
            label="Title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            {...error('title')}
          />
          <TextField
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            multiline
            minRows={2}
            {...error('description')}
          />
          {errors.steps && <Alert severity="error">{errors.steps}</Alert>}
          {steps.map((step, index) => {
            const at = (field: string) => error(`steps.${index}.${field}`);
            return (
              <Box
                key={index}
                component="fieldset"
                sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, m: 0 }}
              >
                <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>
                  Step {index + 1}
                </Typography>
                <Stack spacing={2}>
                  <TextField
                    size="small"
                    label="Title (what both partners see)"
                    value={step.title}
                    onChange={(e) => setStep(index, { title: e.target.value })}
                    {...at('title')}
                  />
                  <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                    <TextField
                      select
                      size="small"
                      label="Kind"
                      value={step.kind}
                      onChange={(e) => setStep(index, { kind: e.target.value as StepDraft['kind'] })}
                      sx={{ minWidth: 240 }}
                      {...at('kind')}
                    >
                      {KINDS.map((kind) => (
                        <MenuItem key={kind} value={kind}>
                          {KIND_LABELS[kind]}
                        </MenuItem>
                      ))}
                    </TextField>
                    {step.kind === 'exercise' && (
                      <TextField
                        select
                        size="small"
                        label="Exercise"
                        value={step.exerciseId}
                        onChange={(e) => setStep(index, { exerciseId: e.target.value })}
                        sx={{ minWidth: 280 }}
                        {...at('exerciseId')}
                      >
                        {(exercises.data?.data ?? []).map((exercise) => (
                          <MenuItem key={exercise.id} value={exercise.id}>
                            {exercise.title}
                          </MenuItem>
                        ))}
                      </TextField>
                    )}
                    {step.kind === 'check_in' && (
                      <TextField
                        select
                        size="small"
                        label="Measure"
                        value={step.measureId}
                        onChange={(e) => setStep(index, { measureId: e.target.value })}
                        sx={{ minWidth: 280 }}
                        helperText={
                          at('measureId').helperText ?? 'Each partner gets this check-in once when the step opens'
                        }
                        error={at('measureId').error}
                      >
                        {(measures.data?.data ?? []).map((measure) => (
                          <MenuItem key={measure.id} value={measure.id}>
                            {measure.title}
                          </MenuItem>
                        ))}
                      </TextField>
                    )}
                  </Stack>
                  <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                    {index === 0 ? (
                      <Typography variant="body2" sx={{ alignSelf: 'center' }}>
                        Opens when the couple starts the program.
                      </Typography>
                    ) : (
                      <TextField
                        select
                        size="small"
                        label="Opens"
                        value={step.opensWhen}
                        onChange={(e) => setStep(index, { opensWhen: e.target.value as StepDraft['opensWhen'] })}
                        sx={{ minWidth: 320 }}
                        {...at('opensWhen')}
                      >
                        {OPENS_WHEN.map((when) => (
                          <MenuItem key={when} value={when}>
                            {OPENS_WHEN_LABELS[when]}
                          </MenuItem>
                        ))}
                      </TextField>
                    )}
                    {index > 0 && step.opensWhen === 'after_sessions' && (
                      <TextField
                        size="small"
                        label="Sessions"
                        value={step.afterSessions}
                        onChange={(e) => setStep(index, { afterSessions: e.target.value })}
                        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                        {...at('afterSessions')}
                      />
                    )}
                    {step.kind === 'exercise' && (
                      <TextField
                        size="small"
                        label="Due after (days)"
                        value={step.dueInDays}
                        onChange={(e) => setStep(index, { dueInDays: e.target.value })}
                        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                        {...at('dueInDays')}
                      />
                    )}
                  </Stack>
                  <Stack direction="row" spacing={1}>
                    <IconButton
                      aria-label={`Move step ${index + 1} earlier`}
                      disabled={index === 0}
                      onClick={() => setSteps((all) => moved(all, index, -1))}
                    >
                      <ArrowUpwardIcon fontSize="small" />
                    </IconButton>
                    <IconButton
                      aria-label={`Move step ${index + 1} later`}
                      disabled={index === steps.length - 1}
                      onClick={() => setSteps((all) => moved(all, index, 1))}
                    >
                      <ArrowDownwardIcon fontSize="small" />
                    </IconButton>
                    <IconButton
                      aria-label={`Remove step ${index + 1}`}
                      disabled={steps.length === 1}
                      onClick={() => setSteps((all) => all.filter((_, i) => i !== index))}
                    >
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </Stack>
                </Stack>
              </Box>
            );
          })}
          <Box>
            <Button startIcon={<AddIcon />} onClick={() => setSteps((all) => [...all, blankStep()])}>
              Add a step
            </Button>
          </Box>
          <Stack direction="row" spacing={2}>
            <Button type="submit" variant="contained" disabled={saving}>
              {submitLabel}
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
};
