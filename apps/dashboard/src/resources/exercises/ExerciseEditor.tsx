import AddIcon from '@mui/icons-material/Add';
import SaveIcon from '@mui/icons-material/Save';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  FormControlLabel,
  MenuItem,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import type { ExerciseInput } from '@trellis/contracts';
import {
  EXERCISE_PHASE_LABELS,
  EXERCISE_PHASES,
  type ExercisePhase,
  MAX_PROMPTS_PER_EXERCISE,
  MIN_PROMPTS_PER_EXERCISE,
  PROMPT_KINDS,
  type PromptKind,
  type StrategyKey,
} from '@trellis/domain';
import { useReducer, useState, type FormEvent } from 'react';
import { useNotify } from 'react-admin';
import { errorMessage, submissionErrors, type FormErrors } from '../../data/formErrors';
import { exerciseProblems } from './exerciseInput';
import { PROMPT_KIND_LABELS, strategyChoices } from './exerciseLabels';
import { errorsForPrompt, promptEditorReducer, promptsForSave, type PromptEditorAction } from './promptEditor';
import { PromptEditorCard } from './PromptEditorCard';
import { PromptsPreview } from './PromptPreview';

interface ExerciseEditorProps {
  initial: ExerciseInput;
  submitLabel: string;
  /** Saves; rejects with the API's error (field errors are shown next to their input). */
  onSave: (input: ExerciseInput) => Promise<void>;
  onCancel: () => void;
}

type Details = Omit<ExerciseInput, 'prompts' | 'estimatedMinutes'> & { estimatedMinutes: string };

/** Title, strategy, wording and 3–6 prompts of a clinic exercise, with a live preview. */
export const ExerciseEditor = ({ initial, submitLabel, onSave, onCancel }: ExerciseEditorProps) => {
  const notify = useNotify();
  const [details, setDetails] = useState<Details>({ ...initial, estimatedMinutes: String(initial.estimatedMinutes) });
  const [prompts, dispatchPrompts] = useReducer(promptEditorReducer, initial.prompts, (start) => [...start]);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState(false);

  // Errors name prompts by position: once prompts move, are added or removed, they point elsewhere.
  const dispatch = (action: PromptEditorAction) => {
    if (action.type !== 'update' && action.type !== 'updateOption') setErrors({});
    dispatchPrompts(action);
  };

  const set = (field: keyof Details) => (event: { target: { value: string } }) =>
    setDetails((current) => ({ ...current, [field]: event.target.value }));

  const input = (): ExerciseInput => ({
    title: details.title.trim(),
    strategy: details.strategy,
    purpose: details.purpose.trim(),
    instructions: details.instructions.trim(),
    estimatedMinutes: Number(details.estimatedMinutes),
    prompts: promptsForSave(prompts),
    phase: details.phase ?? null,
    coercionSensitive: details.coercionSensitive ?? false,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const exercise = input();
    const problems = exerciseProblems(exercise);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await onSave(exercise);
    } catch (error) {
      const fieldErrors = submissionErrors(error);
      if (fieldErrors) setErrors(fieldErrors);
      else notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const problemCount = Object.keys(errors).length;
  return (
    <Box component="form" onSubmit={submit} noValidate>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack spacing={2} sx={{ maxWidth: 760 }}>
            <TextField
              label="Title"
              value={details.title}
              onChange={set('title')}
              error={Boolean(errors.title)}
              helperText={errors.title}
              required
              fullWidth
              slotProps={{ htmlInput: { maxLength: 200 } }}
            />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                select
                label="Strategy"
                value={details.strategy}
                onChange={(event) =>
                  setDetails((current) => ({ ...current, strategy: event.target.value as StrategyKey }))
                }
                error={Boolean(errors.strategy)}
                helperText={errors.strategy}
                required
                sx={{ minWidth: 280 }}
              >
                {strategyChoices.map((strategy) => (
                  <MenuItem key={strategy.id} value={strategy.id}>
                    {strategy.name}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                type="number"
                label="Minutes"
                value={details.estimatedMinutes}
                onChange={set('estimatedMinutes')}
                error={Boolean(errors.estimatedMinutes)}
                helperText={errors.estimatedMinutes ?? 'About how long it takes.'}
                required
                sx={{ width: 160 }}
                slotProps={{ htmlInput: { min: 1, max: 240 } }}
              />
              <TextField
                select
                label="Phase"
                value={details.phase ?? ''}
                onChange={(event) =>
                  setDetails((current) => ({
                    ...current,
                    phase: event.target.value === '' ? null : (event.target.value as ExercisePhase),
                  }))
                }
                error={Boolean(errors.phase)}
                helperText={errors.phase ?? 'Assigning it to a couple in an earlier phase shows a caution.'}
                sx={{ minWidth: 220 }}
              >
                <MenuItem value="">Not set</MenuItem>
                {EXERCISE_PHASES.map((phase) => (
                  <MenuItem key={phase} value={phase}>
                    {EXERCISE_PHASE_LABELS[phase]}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <FormControlLabel
              control={
                <Switch
                  checked={details.coercionSensitive ?? false}
                  onChange={(event) =>
                    setDetails((current) => ({ ...current, coercionSensitive: event.target.checked }))
                  }
                />
              }
              label="Could be used to control or pressure a partner (agreements, openness, talks at home): caution while a safety concern is open"
            />
            <TextField
              label="Purpose"
              value={details.purpose}
              onChange={set('purpose')}
              error={Boolean(errors.purpose)}
              helperText={errors.purpose ?? 'Why the couple is doing this, in a sentence or two.'}
              required
              multiline
              minRows={2}
              fullWidth
              slotProps={{ htmlInput: { maxLength: 1000 } }}
            />
            <TextField
              label="Instructions"
              value={details.instructions}
              onChange={set('instructions')}
              error={Boolean(errors.instructions)}
              helperText={errors.instructions ?? 'How to do it: shown above the prompts.'}
              required
              multiline
              minRows={3}
              fullWidth
              slotProps={{ htmlInput: { maxLength: 4000 } }}
            />
          </Stack>
        </CardContent>
      </Card>

      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'baseline', flexWrap: 'wrap', mb: 1 }}>
        <Typography component="h2" variant="h6">
          Prompts
        </Typography>
        <Typography
          variant="body2"
          color={errors.prompts ? 'error' : 'text.secondary'}
          role={errors.prompts ? 'alert' : undefined}
        >
          {errors.prompts ??
            `${MIN_PROMPTS_PER_EXERCISE} to ${MAX_PROMPTS_PER_EXERCISE} prompts, at least one required (${prompts.length} now).`}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <Button size="small" onClick={() => setPreview((shown) => !shown)} aria-pressed={preview}>
          {preview ? 'Hide preview' : 'Preview as a partner'}
        </Button>
      </Stack>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: preview ? '3fr 2fr' : '1fr' }, gap: 2 }}>
        <Stack spacing={2}>
          {prompts.map((prompt, index) => (
            <PromptEditorCard
              key={prompt.id}
              prompt={prompt}
              index={index}
              count={prompts.length}
              errors={errorsForPrompt(errors, index)}
              dispatch={dispatch}
            />
          ))}
          <Stack
            direction="row"
            spacing={1}
            useFlexGap
            sx={{ flexWrap: 'wrap' }}
            role="group"
            aria-label="Add a prompt"
          >
            {PROMPT_KINDS.map((kind: PromptKind) => (
              <Button
                key={kind}
                variant="outlined"
                size="small"
                startIcon={<AddIcon />}
                onClick={() => dispatch({ type: 'add', kind })}
                disabled={prompts.length >= MAX_PROMPTS_PER_EXERCISE}
              >
                {PROMPT_KIND_LABELS[kind]}
              </Button>
            ))}
          </Stack>
        </Stack>
        {preview && (
          <Card
            variant="outlined"
            component="aside"
            aria-label="Preview"
            sx={{ alignSelf: 'start', position: { lg: 'sticky' }, top: 80 }}
          >
            <CardContent>
              <Typography variant="overline" color="text.secondary">
                Preview
              </Typography>
              <Typography variant="h6" component="p">
                {details.title || 'Untitled exercise'}
              </Typography>
              <Typography sx={{ whiteSpace: 'pre-wrap', mb: 1 }}>{details.instructions}</Typography>
              <PromptsPreview prompts={prompts} />
            </CardContent>
          </Card>
        )}
      </Box>

      {problemCount > 0 && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {problemCount === 1 ? 'One thing needs' : `${problemCount} things need`} attention before saving: see the
          messages above.
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 2, mb: 4 }}>
        <Button type="submit" variant="contained" startIcon={<SaveIcon />} disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </Stack>
    </Box>
  );
};
