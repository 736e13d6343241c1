import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  FormControlLabel,
  IconButton,
  MenuItem,
  Stack,
  Switch,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import {
  LONG_TEXT_MAX_LENGTH,
  MAX_OPTIONS,
  MIN_OPTIONS,
  PROMPT_AUDIENCES,
  PROMPT_ROLE_LABELS,
  PROMPT_ROLES,
  PROMPT_KINDS,
  SCALE_HIGHEST,
  SCALE_LOWEST,
  type Prompt,
  type PromptAudience,
  type PromptKind,
} from '@trellis/domain';
import type { Dispatch } from 'react';
import { PROMPT_AUDIENCE_HELP, PROMPT_AUDIENCE_LABELS, PROMPT_KIND_LABELS } from './exerciseLabels';
import type { PromptEditorAction, PromptField } from './promptEditor';

interface PromptEditorCardProps {
  prompt: Prompt;
  index: number;
  count: number;
  /** This prompt's errors, keyed by field (`label`, `options.1.label`; `''` for the prompt itself). */
  errors: Record<string, string>;
  dispatch: Dispatch<PromptEditorAction>;
}

/** A number input's text as a whole number, or undefined when blank (for optional limits). */
const wholeNumber = (text: string): number | undefined => {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? Math.trunc(value) : undefined;
};

// The fields each kind shows an input for; an error on any other field is listed above the inputs.
const SHOWN_FIELDS: Record<PromptKind, readonly string[]> = {
  long_text: ['label', 'help', 'required', 'audience', 'forRole', 'maxLength', 'minLength'],
  scale: ['label', 'help', 'required', 'audience', 'forRole', 'min', 'max', 'minLabel', 'maxLabel'],
  checklist: ['label', 'help', 'required', 'audience', 'forRole', 'options', 'minSelected', 'maxSelected'],
  single_choice: ['label', 'help', 'required', 'audience', 'forRole', 'options'],
};

const isShown = (kind: PromptKind, field: string): boolean =>
  SHOWN_FIELDS[kind].includes(field) ||
  ((kind === 'checklist' || kind === 'single_choice') && /^options\.\d+(\.(id|label))?$/.test(field));

/** One prompt of the exercise editor: its kind, wording and kind-specific settings. */
export const PromptEditorCard = ({ prompt, index, count, errors, dispatch }: PromptEditorCardProps) => {
  const number = index + 1;
  const headingId = `prompt-editor-${prompt.id}`;
  const update = (field: PromptField, value: string | number | boolean | undefined) =>
    dispatch({ type: 'update', index, field, value });
  // A blank number is left out: optional limits disappear, required ones are reported as missing.
  const numberField = (field: PromptField, label: string, value: number | undefined, helperText: string) => (
    <TextField
      type="number"
      label={label}
      value={value ?? ''}
      onChange={(event) => update(field, wholeNumber(event.target.value))}
      error={Boolean(errors[field])}
      helperText={errors[field] ?? helperText}
      size="small"
      sx={{ width: { xs: '100%', sm: 200 } }}
    />
  );
  // Problems the inputs below cannot show next to themselves (an unexpected field, the id).
  const otherErrors = Object.entries(errors).filter(([field]) => !isShown(prompt.kind, field));

  return (
    <Card variant="outlined" component="section" aria-labelledby={headingId}>
      <CardContent>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
          <Typography id={headingId} component="h3" variant="subtitle1" sx={{ fontWeight: 500 }}>
            Prompt {number}
          </Typography>
          <TextField
            select
            size="small"
            label="Type"
            value={prompt.kind}
            onChange={(event) => dispatch({ type: 'changeKind', index, kind: event.target.value as PromptKind })}
            fullWidth={false}
            sx={{ width: 260, maxWidth: '100%' }}
          >
            {PROMPT_KINDS.map((kind) => (
              <MenuItem key={kind} value={kind}>
                {PROMPT_KIND_LABELS[kind]}
              </MenuItem>
            ))}
          </TextField>
          <Box sx={{ flexGrow: 1 }} />
          <Tooltip title="Move up">
            <span>
              <IconButton
                aria-label={`Move prompt ${number} up`}
                onClick={() => dispatch({ type: 'move', index, by: -1 })}
                disabled={index === 0}
              >
                <ArrowUpwardIcon />
              </IconButton>
            </span>
          </Tooltip>
          <Tooltip title="Move down">
            <span>
              <IconButton
                aria-label={`Move prompt ${number} down`}
                onClick={() => dispatch({ type: 'move', index, by: 1 })}
                disabled={index === count - 1}
              >
                <ArrowDownwardIcon />
              </IconButton>
            </span>
          </Tooltip>
          <Tooltip title="Remove">
            <IconButton aria-label={`Remove prompt ${number}`} onClick={() => dispatch({ type: 'remove', index })}>
              <DeleteIcon />
            </IconButton>
          </Tooltip>
        </Stack>
        {otherErrors.length > 0 && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {otherErrors.map(([field, message]) => (
              <div key={field}>{message}</div>
            ))}
          </Alert>
        )}
        <Stack spacing={2}>
          <TextField
            label="Question"
            value={prompt.label}
            onChange={(event) => update('label', event.target.value)}
            error={Boolean(errors.label)}
            helperText={errors.label ?? 'As the partner reads it.'}
            multiline
            fullWidth
            required
            slotProps={{ htmlInput: { maxLength: 300 } }}
          />
          <TextField
            label="Hint (optional)"
            value={prompt.help ?? ''}
            onChange={(event) => update('help', event.target.value)}
            error={Boolean(errors.help)}
            helperText={errors.help ?? 'Shown under the question.'}
            multiline
            fullWidth
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
          {prompt.kind === 'long_text' && (
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              {numberField(
                'maxLength',
                'Longest answer',
                prompt.maxLength,
                `Characters, up to ${LONG_TEXT_MAX_LENGTH}.`,
              )}
              {numberField('minLength', 'Shortest answer', prompt.minLength, 'Optional, in characters.')}
            </Stack>
          )}
          {prompt.kind === 'scale' && (
            <>
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                {numberField('min', 'Lowest number', prompt.min, `From ${SCALE_LOWEST}.`)}
                {numberField('max', 'Highest number', prompt.max, `Up to ${SCALE_HIGHEST}.`)}
              </Stack>
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                <TextField
                  label="Lowest means"
                  value={prompt.minLabel}
                  onChange={(event) => update('minLabel', event.target.value)}
                  error={Boolean(errors.minLabel)}
                  helperText={errors.minLabel ?? 'For example “Not at all”.'}
                  fullWidth
                  required
                  slotProps={{ htmlInput: { maxLength: 80 } }}
                />
                <TextField
                  label="Highest means"
                  value={prompt.maxLabel}
                  onChange={(event) => update('maxLabel', event.target.value)}
                  error={Boolean(errors.maxLabel)}
                  helperText={errors.maxLabel ?? 'For example “Completely”.'}
                  fullWidth
                  required
                  slotProps={{ htmlInput: { maxLength: 80 } }}
                />
              </Stack>
            </>
          )}
          {(prompt.kind === 'checklist' || prompt.kind === 'single_choice') && (
            <Box component="section" aria-label={`Options of prompt ${number}`}>
              <Typography variant="subtitle2" component="p" sx={{ mb: 1 }}>
                Options ({MIN_OPTIONS} to {MAX_OPTIONS})
              </Typography>
              {errors.options && (
                <Typography role="alert" color="error" variant="body2" sx={{ mb: 1 }}>
                  {errors.options}
                </Typography>
              )}
              <Stack spacing={1}>
                {prompt.options.map((option, optionIndex) => {
                  const optionError =
                    [`options.${optionIndex}`, `options.${optionIndex}.label`, `options.${optionIndex}.id`]
                      .map((field) => errors[field])
                      .filter(Boolean)
                      .join(' ') || undefined;
                  return (
                    <Stack key={option.id} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                      <TextField
                        label={`Option ${optionIndex + 1}`}
                        value={option.label}
                        onChange={(event) =>
                          dispatch({ type: 'updateOption', index, option: optionIndex, label: event.target.value })
                        }
                        error={Boolean(optionError)}
                        helperText={optionError}
                        size="small"
                        fullWidth
                        slotProps={{ htmlInput: { maxLength: 300 } }}
                      />
                      <IconButton
                        aria-label={`Remove option ${optionIndex + 1} of prompt ${number}`}
                        onClick={() => dispatch({ type: 'removeOption', index, option: optionIndex })}
                        disabled={prompt.options.length <= MIN_OPTIONS}
                      >
                        <DeleteIcon />
                      </IconButton>
                    </Stack>
                  );
                })}
              </Stack>
              <Button
                size="small"
                startIcon={<AddIcon />}
                onClick={() => dispatch({ type: 'addOption', index })}
                disabled={prompt.options.length >= MAX_OPTIONS}
                sx={{ mt: 1 }}
              >
                Add option
              </Button>
              {prompt.kind === 'checklist' && (
                <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 2 }}>
                  {numberField('minSelected', 'At least', prompt.minSelected, 'Optional: fewest ticks.')}
                  {numberField('maxSelected', 'At most', prompt.maxSelected, 'Optional: most ticks.')}
                </Stack>
              )}
            </Box>
          )}
          <TextField
            select
            size="small"
            label="Who reads the answer"
            value={prompt.audience}
            onChange={(event) => update('audience', event.target.value as PromptAudience)}
            error={Boolean(errors.audience)}
            helperText={errors.audience ?? PROMPT_AUDIENCE_HELP[prompt.audience] ?? ''}
            sx={{ width: { xs: '100%', sm: 420 } }}
          >
            {PROMPT_AUDIENCES.map((audience) => (
              <MenuItem key={audience} value={audience}>
                {PROMPT_AUDIENCE_LABELS[audience]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            label="Who is asked"
            value={prompt.forRole ?? ''}
            onChange={(event) => update('forRole', event.target.value === '' ? undefined : event.target.value)}
            error={Boolean(errors.forRole)}
            helperText={
              errors.forRole ??
              'A question for one side is shown only to the partner whose role (set on the couple) matches.'
            }
            sx={{ width: { xs: '100%', sm: 420 } }}
          >
            <MenuItem value="">Both partners</MenuItem>
            {PROMPT_ROLES.map((role) => (
              <MenuItem key={role} value={role}>
                {PROMPT_ROLE_LABELS[role]} only
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel
            control={
              <Switch checked={prompt.required} onChange={(event) => update('required', event.target.checked)} />
            }
            label={prompt.required ? 'Required: must be answered to submit' : 'Optional'}
          />
          {errors.required && (
            <Typography role="alert" color="error" variant="body2">
              {errors.required}
            </Typography>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
