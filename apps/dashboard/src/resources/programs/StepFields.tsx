import { Alert, MenuItem, TextField } from '@mui/material';
import type { ExerciseSummary, MeasureSummary } from '@trellis/contracts';
import { errorMessage } from '../../data/formErrors';
import { useApiGet } from '../../data/useApiQuery';
import { KIND_LABELS, OPENS_WHEN_LABELS, type StepDraft } from './programDraft';

const KINDS = Object.keys(KIND_LABELS) as StepDraft['kind'][];
const OPENS_WHEN = Object.keys(OPENS_WHEN_LABELS) as StepDraft['opensWhen'][];

/** A field's error state as MUI wants it, for one of the step's own fields. */
export type StepFieldError = (field: keyof StepDraft) => { error: boolean; helperText: string | undefined };

/** What a step can be built from: the clinic's exercise library and its measures. */
export interface StepSources {
  exercises: readonly ExerciseSummary[];
  measures: readonly MeasureSummary[];
  /** Shown once above the steps when either list could not be loaded. */
  problems: React.ReactNode;
}

const EXERCISES_QUERY = { perPage: '100', sort: 'title', order: 'ASC' };
const MEASURES_QUERY = { perPage: '100', sort: 'title' };

export const useStepSources = (): StepSources => {
  const exercises = useApiGet('/exercises', {}, { query: new URLSearchParams(EXERCISES_QUERY) });
  const measures = useApiGet('/measures', {}, { query: new URLSearchParams(MEASURES_QUERY) });
  return {
    exercises: exercises.data?.data ?? [],
    measures: measures.data?.data ?? [],
    problems: (
      <>
        {exercises.error != null && <Alert severity="error">{errorMessage(exercises.error)}</Alert>}
        {measures.error != null && <Alert severity="error">{errorMessage(measures.error)}</Alert>}
      </>
    ),
  };
};

interface StepFieldsProps {
  step: StepDraft;
  onChange: (change: Partial<StepDraft>) => void;
  at: StepFieldError;
}

/**
 * What a step is: its kind, and the exercise or measure it sends. Choosing one fills an empty
 * title with its name, so a therapist building a path is not asked to type the title twice. The
 * program editor and the couple's add-a-step both use it, so the two cannot drift apart.
 */
export const StepSourceFields = ({ step, onChange, at, sources }: StepFieldsProps & { sources: StepSources }) => (
  <>
    <TextField
      select
      size="small"
      label="Kind"
      value={step.kind}
      onChange={(e) => onChange({ kind: e.target.value as StepDraft['kind'] })}
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
        onChange={(e) => {
          const exercise = sources.exercises.find((x) => x.id === e.target.value);
          onChange({ exerciseId: e.target.value, title: step.title || exercise?.title || '' });
        }}
        sx={{ minWidth: 280 }}
        {...at('exerciseId')}
      >
        {sources.exercises.map((exercise) => (
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
        onChange={(e) => {
          const measure = sources.measures.find((x) => x.id === e.target.value);
          onChange({ measureId: e.target.value, title: step.title || measure?.title || '' });
        }}
        sx={{ minWidth: 280 }}
        error={at('measureId').error}
        helperText={at('measureId').helperText ?? 'Each partner gets this check-in once when the step opens'}
      >
        {sources.measures.map((measure) => (
          <MenuItem key={measure.id} value={measure.id}>
            {measure.title}
          </MenuItem>
        ))}
      </TextField>
    )}
  </>
);

/** When a step opens, and after how many sessions when that is the rule. */
export const StepOpensFields = ({ step, onChange, at }: StepFieldsProps) => (
  <>
    <TextField
      select
      size="small"
      label="Opens"
      value={step.opensWhen}
      onChange={(e) => onChange({ opensWhen: e.target.value as StepDraft['opensWhen'] })}
      sx={{ minWidth: 320 }}
      {...at('opensWhen')}
    >
      {OPENS_WHEN.map((when) => (
        <MenuItem key={when} value={when}>
          {OPENS_WHEN_LABELS[when]}
        </MenuItem>
      ))}
    </TextField>
    {step.opensWhen === 'after_sessions' && (
      <TextField
        size="small"
        label="Sessions"
        value={step.afterSessions}
        onChange={(e) => onChange({ afterSessions: e.target.value })}
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        {...at('afterSessions')}
      />
    )}
  </>
);
