import { Box, Button, FormControlLabel, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { NOTE_FORMATS, NOTE_SECTIONS, type NoteFormat } from '@trellis/contracts';
import { useId, useState, type FormEvent } from 'react';
import { todayLocal } from '../../common/dates';
import { errorMessage, submissionErrors, type FormErrors } from '../../data/formErrors';
import { NOTE_FORMAT_DESCRIPTIONS, NOTE_FORMAT_LABELS, NOTE_SECTION_LABELS, sectionLabel } from './noteLabels';
import { emptySections, noteBody, switchFormat, type NoteBody } from './notes';

interface NoteFormProps {
  /** A draft being edited; absent for a new note. */
  initial?: NoteBody;
  submitLabel: string;
  onSubmit: (body: NoteBody) => Promise<void>;
  onCancel: () => void;
  /** A note for a session: its date is the session's, so the form asks for none. */
  forSession?: boolean;
}

/**
 * A session note in SOAP, DAP or free format. The format is chosen once, when the note is
 * started (the API keeps it); the sections follow the format.
 */
export const NoteForm = ({ initial, submitLabel, onSubmit, onCancel, forSession = false }: NoteFormProps) => {
  const formatLabelId = useId();
  const [format, setFormat] = useState<NoteFormat>(initial?.format ?? 'soap');
  const [sessionDate, setSessionDate] = useState(initial?.sessionDate ?? todayLocal());
  const [sections, setSections] = useState<Record<string, string>>(initial?.sections ?? emptySections('soap'));
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!sessionDate) return setErrors({ sessionDate: 'Enter the date of the session.' });
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(noteBody(format, sessionDate, sections));
    } catch (error) {
      // Field errors arrive as `sessionDate` or `sections.plan`; anything else the caller notifies.
      setErrors(submissionErrors(error) ?? { _form: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {!initial && (
        <Box>
          <Typography id={formatLabelId} variant="subtitle2" component="p">
            Format
          </Typography>
          <RadioGroup
            row
            aria-labelledby={formatLabelId}
            value={format}
            onChange={(event) => {
              const next = event.target.value as NoteFormat;
              setSections((current) => switchFormat(current, next));
              setFormat(next);
            }}
          >
            {NOTE_FORMATS.map((option) => (
              <FormControlLabel
                key={option}
                value={option}
                control={<Radio />}
                label={
                  <span>
                    {NOTE_FORMAT_LABELS[option]}{' '}
                    <Typography component="span" variant="body2" color="text.secondary">
                      ({NOTE_FORMAT_DESCRIPTIONS[option]})
                    </Typography>
                  </span>
                }
              />
            ))}
          </RadioGroup>
        </Box>
      )}
      {!forSession && (
        <TextField
          type="date"
          label="Session date"
          value={sessionDate}
          onChange={(event) => setSessionDate(event.target.value)}
          error={Boolean(errors.sessionDate)}
          helperText={errors.sessionDate}
          required
          size="small"
          sx={{ maxWidth: 220 }}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      )}
      {NOTE_SECTIONS[format].map((section) => {
        const error = errors[`sections.${section}`];
        return (
          <TextField
            key={section}
            label={sectionLabel(section)}
            value={sections[section] ?? ''}
            onChange={(event) => setSections((current) => ({ ...current, [section]: event.target.value }))}
            error={Boolean(error)}
            helperText={error ?? NOTE_SECTION_LABELS[section]?.hint}
            multiline
            minRows={format === 'free' ? 8 : 3}
            fullWidth
            slotProps={{ htmlInput: { maxLength: 20000 } }}
          />
        );
      })}
      {(errors.sections || errors.format || errors._form) && (
        <Typography role="alert" color="error" variant="body2">
          {errors.sections ?? errors.format ?? errors._form}
        </Typography>
      )}
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        Notes are saved as drafts. Sign a note when it is complete; after that it cannot be changed, only added to.
      </Typography>
    </Box>
  );
};
