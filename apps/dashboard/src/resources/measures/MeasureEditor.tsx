import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import SaveIcon from '@mui/icons-material/Save';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  IconButton,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { MeasureInput } from '@trellis/contracts';
import { MEASURE_MAX_ITEMS, type MeasureKind, type ScoringMethod, scoreMeasure } from '@trellis/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { useNotify } from 'react-admin';
import { errorMessage, submissionErrors, type FormErrors } from '../../data/formErrors';
import { blankItem, type ItemDraft, type MeasureDraft, measureInputOf, measureProblems } from './measureInput';
import { kindChoices } from './measureLabels';

interface MeasureEditorProps {
  initial: MeasureDraft;
  /** A new version keeps the measure's title and kind: only the definition is sent. */
  definitionOnly?: boolean;
  submitLabel: string;
  /** Saves; rejects with the API's error (field errors are shown next to their input). */
  onSave: (input: MeasureInput) => Promise<void>;
  onCancel: () => void;
}

/** Scores sample answers as the partner would give them, with the same rule the API scores with. */
const ScorePreview = ({ input }: { input: MeasureInput }) => {
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const { definition } = input;
  const { min, max } = definition.scale;
  // An answer chosen before the scale changed may no longer be on it: it counts as skipped.
  const onScale = (text: string | undefined) => {
    const n = text === undefined || text === '' ? Number.NaN : Number(text);
    return Number.isInteger(n) && n >= min && n <= max ? n : null;
  };
  const values = Object.fromEntries(definition.items.map((item) => [item.id, onScale(answers[item.id])]));
  const result = scoreMeasure(definition, values);
  const choices = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <Card component="section" aria-labelledby="preview-heading" sx={{ mb: 2 }}>
      <CardContent>
        <Typography id="preview-heading" component="h2" variant="h6">
          Try it
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Answer as a partner might; the score uses the same rule Trellis scores check-ins with.
        </Typography>
        <Stack spacing={1.5} sx={{ maxWidth: 760 }}>
          {definition.items.map((item) => (
            <TextField
              key={item.id}
              select
              size="small"
              label={item.label || item.id}
              value={onScale(answers[item.id]) === null ? '' : answers[item.id]}
              onChange={(event) => setAnswers((current) => ({ ...current, [item.id]: event.target.value }))}
            >
              <MenuItem value="">Skipped</MenuItem>
              {choices.map((n) => (
                <MenuItem key={n} value={String(n)}>
                  {n}
                  {n === min ? ` (${definition.scale.minLabel})` : n === max ? ` (${definition.scale.maxLabel})` : ''}
                </MenuItem>
              ))}
            </TextField>
          ))}
        </Stack>
        <Typography sx={{ mt: 2 }} role="status">
          {result.score === null
            ? `No score: ${result.missingItemIds.length} item(s) skipped, the rule allows ${definition.scoring.maxMissing}.`
            : `Score ${result.score} of ${definition.range.min}–${definition.range.max}` +
              (result.prorated ? ' (skipped items filled from the other answers)' : '') +
              (result.band === 'clinical'
                ? ' · in the clinical range'
                : result.band
                  ? ' · outside the clinical range'
                  : '')}
        </Typography>
      </CardContent>
    </Card>
  );
};

/** Title, kind, response scale, items and scoring rule of a clinic measure, with a live score preview. */
export const MeasureEditor = ({ initial, definitionOnly, submitLabel, onSave, onCancel }: MeasureEditorProps) => {
  const notify = useNotify();
  const [draft, setDraft] = useState<MeasureDraft>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const input = useMemo(() => measureInputOf(draft), [draft]);
  const problems = useMemo(() => measureProblems(input), [input]);

  const set = (field: keyof MeasureDraft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }));
  const setItem = (index: number, change: Partial<ItemDraft>) => {
    setErrors({});
    setDraft((current) => ({
      ...current,
      items: current.items.map((item, i) => (i === index ? { ...item, ...change } : item)),
    }));
  };
  const shown = (field: string) => errors[field];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      await onSave(input);
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
            {!definitionOnly && (
              <>
                <TextField
                  label="Title"
                  value={draft.title}
                  onChange={set('title')}
                  error={Boolean(shown('title'))}
                  helperText={shown('title')}
                  required
                  slotProps={{ htmlInput: { maxLength: 200 } }}
                />
                <TextField
                  label="Description"
                  value={draft.description}
                  onChange={set('description')}
                  helperText={shown('description') ?? 'For your colleagues: what it measures, where it comes from.'}
                  error={Boolean(shown('description'))}
                  multiline
                  slotProps={{ htmlInput: { maxLength: 1000 } }}
                />
                <TextField
                  select
                  label="Kind"
                  value={draft.kind}
                  onChange={(event) => setDraft((current) => ({ ...current, kind: event.target.value as MeasureKind }))}
                  sx={{ maxWidth: 360 }}
                >
                  {kindChoices.map((kind) => (
                    <MenuItem key={kind.id} value={kind.id}>
                      {kind.name}
                    </MenuItem>
                  ))}
                </TextField>
              </>
            )}
            <TextField
              label="Instructions for partners"
              value={draft.instructions}
              onChange={set('instructions')}
              error={Boolean(shown('definition.instructions'))}
              helperText={shown('definition.instructions')}
              multiline
              slotProps={{ htmlInput: { maxLength: 1000 } }}
            />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                type="number"
                label="Lowest answer"
                value={draft.scaleMin}
                onChange={set('scaleMin')}
                error={Boolean(shown('definition.scale.min'))}
                helperText={shown('definition.scale.min')}
                sx={{ width: 160 }}
              />
              <TextField
                label="It means"
                value={draft.minLabel}
                onChange={set('minLabel')}
                error={Boolean(shown('definition.scale.minLabel'))}
                helperText={shown('definition.scale.minLabel')}
              />
              <TextField
                type="number"
                label="Highest answer"
                value={draft.scaleMax}
                onChange={set('scaleMax')}
                error={Boolean(shown('definition.scale.max'))}
                helperText={shown('definition.scale.max')}
                sx={{ width: 160 }}
              />
              <TextField
                label="It means"
                value={draft.maxLabel}
                onChange={set('maxLabel')}
                error={Boolean(shown('definition.scale.maxLabel'))}
                helperText={shown('definition.scale.maxLabel')}
              />
            </Stack>
          </Stack>
        </CardContent>
      </Card>

      <Card component="section" aria-labelledby="items-heading" sx={{ mb: 2 }}>
        <CardContent>
          <Typography id="items-heading" component="h2" variant="h6" sx={{ mb: 1 }}>
            Items
          </Typography>
          {shown('definition.items') && <Alert severity="error">{shown('definition.items')}</Alert>}
          <Stack spacing={1.5} sx={{ maxWidth: 760 }}>
            {draft.items.map((item, index) => (
              <Stack
                key={item.key}
                direction={{ xs: 'column', sm: 'row' }}
                spacing={1}
                sx={{ alignItems: 'flex-start' }}
              >
                <TextField
                  label={`Item ${index + 1}`}
                  value={item.label}
                  onChange={(event) => setItem(index, { label: event.target.value })}
                  error={Boolean(shown(`definition.items.${index}.label`) ?? shown(`definition.items.${index}.id`))}
                  helperText={shown(`definition.items.${index}.label`) ?? shown(`definition.items.${index}.id`)}
                  fullWidth
                  slotProps={{ htmlInput: { maxLength: 300 } }}
                />
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={item.reverse}
                      onChange={(event) => setItem(index, { reverse: event.target.checked })}
                    />
                  }
                  label="Reverse-scored"
                />
                <IconButton
                  aria-label={`Remove item ${index + 1}`}
                  onClick={() =>
                    setDraft((current) => ({ ...current, items: current.items.filter((_, i) => i !== index) }))
                  }
                  disabled={draft.items.length <= 1}
                >
                  <DeleteIcon />
                </IconButton>
              </Stack>
            ))}
          </Stack>
          <Button
            startIcon={<AddIcon />}
            sx={{ mt: 1 }}
            disabled={draft.items.length >= MEASURE_MAX_ITEMS}
            onClick={() => setDraft((current) => ({ ...current, items: [...current.items, blankItem()] }))}
          >
            Add item
          </Button>
        </CardContent>
      </Card>

      <Card component="section" aria-labelledby="scoring-heading" sx={{ mb: 2 }}>
        <CardContent>
          <Typography id="scoring-heading" component="h2" variant="h6" sx={{ mb: 1 }}>
            Scoring
          </Typography>
          <Stack spacing={2} sx={{ maxWidth: 760 }}>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                select
                label="Items add up as"
                value={draft.method}
                onChange={(event) =>
                  setDraft((current) => ({ ...current, method: event.target.value as ScoringMethod }))
                }
                sx={{ width: 200 }}
              >
                <MenuItem value="sum">Sum</MenuItem>
                <MenuItem value="mean">Mean</MenuItem>
              </TextField>
              <TextField
                type="number"
                label="Items that may be skipped"
                value={draft.maxMissing}
                onChange={set('maxMissing')}
                error={Boolean(shown('definition.scoring.maxMissing'))}
                helperText={shown('definition.scoring.maxMissing') ?? 'Skipped items count as the partner’s own mean.'}
                sx={{ width: 260 }}
              />
              <Typography sx={{ alignSelf: 'center' }}>
                Scores run from {input.definition.range.min} to {input.definition.range.max}.
              </Typography>
            </Stack>
            <FormControlLabel
              control={
                <Checkbox
                  checked={draft.higherIsBetter}
                  onChange={(event) => setDraft((current) => ({ ...current, higherIsBetter: event.target.checked }))}
                />
              }
              label="A higher score means things are better"
            />
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                type="number"
                label="Clinical cutoff"
                value={draft.clinicalCutoff}
                onChange={set('clinicalCutoff')}
                error={Boolean(shown('definition.clinicalCutoff'))}
                helperText={shown('definition.clinicalCutoff') ?? 'From the instrument’s source; leave empty if none.'}
              />
              <TextField
                type="number"
                label="Reliable change"
                value={draft.reliableChange}
                onChange={set('reliableChange')}
                error={Boolean(shown('definition.reliableChange'))}
                helperText={
                  shown('definition.reliableChange') ?? 'The smallest change that is not noise; empty if unknown.'
                }
              />
            </Stack>
          </Stack>
        </CardContent>
      </Card>

      {Object.keys(problems).length === 0 ? (
        <ScorePreview input={input} />
      ) : (
        <Alert severity="info" sx={{ mb: 2 }}>
          The score preview appears once the measure is complete.
        </Alert>
      )}

      {problemCount > 0 && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {problemCount === 1 ? 'One thing needs fixing' : `${problemCount} things need fixing`} before saving.
        </Alert>
      )}
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" startIcon={<SaveIcon />} disabled={busy}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </Stack>
    </Box>
  );
};
