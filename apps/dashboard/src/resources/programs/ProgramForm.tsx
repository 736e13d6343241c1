import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Box, Button, Card, CardContent, IconButton, Stack, TextField, Typography } from '@mui/material';
import type { ApiRequestBody, ProgramView } from '@trellis/contracts';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import type { AsTyped } from '../../data/api';
import { errorMessage, type FormErrors, submissionErrors } from '../../data/formErrors';
import { blankStep, moved, type ProgramDraft, type StepDraft, stepBody } from './programDraft';
import { StepOpensFields, StepSourceFields, useStepSources } from './StepFields';

/** What the form sends: the document's program body, its numbers possibly as typed (see AsTyped). */
export type ProgramBody = AsTyped<ApiRequestBody<'/programs', 'post'>>;

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
  const sources = useStepSources();
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
        {sources.problems}
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
            const at = (field: keyof StepDraft) => error(`steps.${index}.${field}`);
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
                    <StepSourceFields
                      step={step}
                      onChange={(change) => setStep(index, change)}
                      at={at}
                      sources={sources}
                    />
                  </Stack>
                  <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                    {index === 0 ? (
                      <Typography variant="body2" sx={{ alignSelf: 'center' }}>
                        Opens when the couple starts the program.
                      </Typography>
                    ) : (
                      <StepOpensFields step={step} onChange={(change) => setStep(index, change)} at={at} />
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
