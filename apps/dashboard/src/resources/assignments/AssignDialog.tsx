import AssignmentIcon from '@mui/icons-material/AssignmentTurnedIn';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import type {
  AssignmentDetail,
  AssignmentSeriesView,
  AssignmentSummary,
  CaseloadRow,
  ExerciseDetail,
  ExerciseSummary,
} from '@trellis/contracts';
import { assignmentWarnings, type ExercisePhase, type PartnerRole, type SafetyConcern } from '@trellis/domain';
import { type MutableRefObject, useEffect, useMemo, useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  CheckboxGroupInput,
  DateInput,
  DateTimeInput,
  Form,
  LinkBase,
  NumberInput,
  RadioButtonGroupInput,
  SaveButton,
  SelectInput,
  TextInput,
  useDataProvider,
  useCreatePath,
  useGetList,
  useGetOne,
} from 'react-admin';
import { defaultDueAt, parseDateTimeInput } from '../../common/dates';
import type { TrellisDataProvider } from '../../data/dataProvider';
import { errorMessage, submissionErrors } from '../../data/formErrors';
import {
  assignBody,
  assignProblems,
  DEFAULT_HOURS_BEFORE_SESSION,
  MAX_ASSIGN_COUPLES,
  MAX_HOURS_BEFORE_SESSION,
  MESSAGE_MAX_LENGTH,
} from './assignPayload';
import { assignOutcomes } from './emailOutcome';
import {
  ENDS_CHOICES,
  isRepeating,
  REPEAT_CHOICES,
  SERIES_MAX_COUNT,
  seriesBody,
  seriesProblems,
  WEEKDAY_CHOICES,
} from './seriesPayload';

/**
 * "Repeat" (from a couple's page only: a series belongs to one couple). Each occurrence is its own
 * homework, issued when the one before falls due; the first is due at the "Due" date above.
 */
const RepeatInputs = () => {
  const repeat: unknown = useWatch({ name: 'repeat' });
  const ends: unknown = useWatch({ name: 'ends' });
  const repeating = isRepeating({ repeat });
  return (
    <>
      <SelectInput
        source="repeat"
        label="Repeat"
        choices={REPEAT_CHOICES}
        helperText={
          repeating
            ? 'Each time is its own homework with its own link and reminders, sent when the one before is due. Times are on the clinic’s clock.'
            : false
        }
        fullWidth
      />
      {repeat === 'weekdays' && <CheckboxGroupInput source="weekdays" label="On" choices={WEEKDAY_CHOICES} row />}
      {repeating && (
        <>
          <RadioButtonGroupInput source="ends" label="Ends" choices={ENDS_CHOICES} row />
          {ends === 'date' ? (
            <DateInput source="endsOn" label="Last date" helperText="The last time falls on or before this date." />
          ) : (
            <NumberInput
              source="count"
              label="Number of times"
              min={1}
              max={SERIES_MAX_COUNT}
              helperText="Counting the first."
            />
          )}
        </>
      )}
    </>
  );
};

const coupleLabel = (couple: CaseloadRow) => {
  const partners = couple.partnerNames.filter(Boolean).join(' & ');
  return partners ? `${couple.displayName} (${partners})` : couple.displayName;
};

/**
 * Active couples, searched on the server (name, partner names, emails). Every couple seen stays
 * among the choices, so the chosen ones keep their labels when a new search no longer lists them.
 */
const CouplePicker = ({ seen }: { seen: MutableRefObject<Map<string, CaseloadRow>> }) => {
  const [q, setQ] = useState('');
  const { data, isPending } = useGetList<CaseloadRow>('couples', {
    pagination: { page: 1, perPage: 25 },
    sort: { field: 'displayName', order: 'ASC' },
    filter: { status: 'active', ...(q ? { q } : {}) },
  });
  const choices = useMemo(() => {
    for (const couple of data ?? []) seen.current.set(couple.id, couple);
    return [...seen.current.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  }, [data, seen]);
  return (
    <AutocompleteArrayInput
      source="coupleIds"
      label="Couples"
      choices={choices}
      optionText={coupleLabel}
      setFilter={setQ}
      isPending={isPending}
      helperText={`One or several (up to ${MAX_ASSIGN_COUPLES}). Only active couples are listed. Each partner gets their own link.`}
      noOptionsText={q ? 'No active couple matches.' : 'No active couples yet.'}
      fullWidth
    />
  );
};

/**
 * Couples chosen from the library: until the therapist picks a due date themselves, it follows the
 * chosen couples' earliest next session (homework is for that session).
 */
const DueBeforeChosenSessions = ({ seen }: { seen: MutableRefObject<Map<string, CaseloadRow>> }) => {
  const { setValue, getFieldState } = useFormContext();
  const coupleIds: unknown = useWatch({ name: 'coupleIds' });
  useEffect(() => {
    const state = getFieldState('dueAt');
    if (state.isDirty || state.isTouched) return;
    const ids = Array.isArray(coupleIds) ? coupleIds : [];
    setValue(
      'dueAt',
      defaultDueAt(
        new Date(),
        ids.map((id) => seen.current.get(id)?.nextSessionAt),
      ),
    );
  }, [coupleIds, getFieldState, setValue, seen]);
  return null;
};

/**
 * When the homework is due: a date, or a number of hours before each couple's next session, in
 * which case moving that session moves the due date (and its reminders) with it.
 */
const DueInputs = () => {
  const follow: unknown = useWatch({ name: 'followSession' });
  return (
    <>
      <BooleanInput
        source="followSession"
        label="Due before the next session, and move with it"
        helperText="Each couple’s homework is due that many hours before their next scheduled session."
      />
      {follow === true ? (
        <NumberInput
          source="dueBeforeSessionHours"
          label="Hours before the session"
          min={0}
          max={MAX_HOURS_BEFORE_SESSION}
          step={1}
        />
      ) : (
        <DateTimeInput
          source="dueAt"
          label="Due"
          parse={parseDateTimeInput}
          helperText="By default a day before the next session, when there is one. In your own time zone; partners see it in theirs."
        />
      )}
    </>
  );
};

/** The library, by strategy then title. */
const ExercisePicker = () => {
  const { data, isPending } = useGetList<ExerciseSummary>('exercises', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'strategy', order: 'ASC' },
  });
  return (
    <AutocompleteInput
      source="exerciseId"
      label="Exercise"
      choices={data ?? []}
      optionText={(exercise: ExerciseSummary) => `${exercise.title} — ${exercise.strategyName}`}
      isPending={isPending}
      helperText="Each partner answers on their own; some exercises ask each side different questions."
      fullWidth
    />
  );
};

interface AssignDialogProps {
  open: boolean;
  onClose: () => void;
  /** Assigning from a couple's page: the couple is fixed, the exercise is chosen. */
  couple?: {
    id: string;
    displayName: string;
    nextSessionAt?: string | null;
    /** The couple's phase, roles and open safety concern, for the clinical cautions (from the couple's page). */
    phase?: ExercisePhase | null;
    partnerRoles?: PartnerRole[];
    safetyConcern?: SafetyConcern | null;
  };
  /** Assigning from the library: the exercise is fixed, couples are chosen. */
  exercise?: { id: string; title: string };
  onAssigned?: (assignments: AssignmentSummary[]) => void;
}

/**
 * Give one exercise to one or several couples, with a due date and an optional message. Once
 * assigned, the dialog says per partner whether their link was emailed (never more than happened).
 */
export const AssignDialog = (props: AssignDialogProps) => {
  const { open, onClose, couple, exercise } = props;
  const [assigned, setAssigned] = useState<{ assignments: AssignmentSummary[]; names: Map<string, string> }>();
  const close = () => {
    setAssigned(undefined);
    onClose();
  };
  const title = exercise
    ? `Assign “${exercise.title}”`
    : couple
      ? `Assign homework to ${couple.displayName}`
      : 'Assign homework';
  return (
    <Dialog open={open} onClose={close} aria-labelledby="assign-dialog-title" fullWidth maxWidth="sm">
      <DialogTitle id="assign-dialog-title">{assigned ? 'Homework assigned' : title}</DialogTitle>
      {/* Mounted per opening: a fresh form with a fresh default due date each time. */}
      {open && !assigned && (
        <AssignForm
          {...props}
          onAssigned={(assignments, names) => {
            setAssigned({ assignments, names });
            props.onAssigned?.(assignments);
          }}
        />
      )}
      {open && assigned && <AssignResult {...assigned} onClose={close} />}
    </Dialog>
  );
};

/**
 * Clinical cautions for the chosen exercise and couple (the rule is `assignmentWarnings` in the
 * domain): they never block (the server's safety pause does that), they make sure the choice is
 * made knowingly. A couple whose joint work is paused is named first: assigning will be refused
 * until the therapist lifts the pause on the couple's page.
 */
const AssignmentCautions = ({
  couple,
  exerciseId,
  seen,
}: {
  couple?: AssignDialogProps['couple'];
  exerciseId?: string;
  seen: MutableRefObject<Map<string, CaseloadRow>>;
}) => {
  const chosen: unknown = useWatch({ name: 'exerciseId' });
  const chosenCouples: unknown = useWatch({ name: 'coupleIds' });
  const id = exerciseId ?? (typeof chosen === 'string' ? chosen : undefined);
  const { data: exercise } = useGetOne<ExerciseDetail>('exercises', { id: id ?? '' }, { enabled: Boolean(id) });
  // From a couple's page, that couple; from the library, each couple chosen so far (by name).
  const couples = couple
    ? [
        {
          name: '',
          phase: couple.phase ?? null,
          partnerRoles: couple.partnerRoles ?? [],
          safetyConcern: couple.safetyConcern ?? null,
        },
      ]
    : (Array.isArray(chosenCouples) ? chosenCouples : [])
        .map((coupleId) => seen.current.get(coupleId))
        .filter((row): row is CaseloadRow => row !== undefined)
        .map((row) => ({
          name: `${row.displayName}: `,
          phase: row.phase,
          partnerRoles: row.partnerRoles,
          safetyConcern: row.safetyConcern,
        }));
  const paused = couples
    .filter((c) => c.safetyConcern === 'pause_open')
    .map((c) => ({
      key: `${c.name}paused`,
      text: `${c.name}Joint homework is paused: a partner raised a safety concern. Lift the pause on the couple’s page (saying what was done) before assigning.`,
    }));
  // The list's row (no prompts) stands in for the exercise until its full record has loaded.
  const loaded = exercise && exercise.id === id && Array.isArray(exercise.prompts) ? exercise : undefined;
  const cautions = loaded
    ? couples.flatMap(({ name, phase, partnerRoles, safetyConcern }) =>
        assignmentWarnings(loaded, { phase, partnerRoles, safetyConcernOpen: safetyConcern !== null }).map(
          (warning) => ({ key: `${name}${warning.code}`, text: `${name}${warning.message}` }),
        ),
      )
    : [];
  return (
    <>
      {paused.length > 0 && (
        <Alert severity="error" sx={{ mb: 2 }} aria-label="Joint homework paused">
          {paused.map((line) => (
            <Typography key={line.key} variant="body2" sx={{ mb: 0.5 }}>
              {line.text}
            </Typography>
          ))}
        </Alert>
      )}
      {cautions.length > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }} aria-label="Before you assign">
          {cautions.map((line) => (
            <Typography key={line.key} variant="body2" sx={{ mb: 0.5 }}>
              {line.text}
            </Typography>
          ))}
        </Alert>
      )}
    </>
  );
};

/** Per couple, per partner: emailed, on its way, or waiting for consent (with the way to give it). */
const AssignResult = ({
  assignments,
  names,
  onClose,
}: {
  assignments: AssignmentSummary[];
  names: Map<string, string>;
  onClose: () => void;
}) => {
  const createPath = useCreatePath();
  const outcomes = assignOutcomes(assignments);
  const waiting = outcomes.filter((o) => o.waitingForConsent.length > 0);
  return (
    <>
      <DialogContent sx={{ pt: 0 }}>
        <List dense disablePadding aria-label="Link emails">
          {outcomes.map((outcome) => (
            <ListItem key={outcome.coupleId} disableGutters>
              <ListItemText
                primary={names.get(outcome.coupleId) ?? 'Couple'}
                secondary={outcome.summary}
                slotProps={{ secondary: { color: 'text.primary' } }}
              />
            </ListItem>
          ))}
        </List>
        {waiting.length > 0 && (
          <Alert severity="info" sx={{ mt: 1 }}>
            {waiting.flatMap((o) => o.waitingForConsent).join(' and ')}{' '}
            {waiting.flatMap((o) => o.waitingForConsent).length === 1 ? 'has' : 'have'} not agreed to receive email.
            Their homework waits, and their link is emailed as soon as you record their consent on the couple’s record.
            {waiting.length === 1 && (
              <>
                {' '}
                <Button
                  component={LinkBase}
                  to={createPath({ resource: 'couples', id: waiting[0].coupleId, type: 'edit' })}
                  size="small"
                >
                  Record consent
                </Button>
              </>
            )}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} variant="contained">
          Done
        </Button>
      </DialogActions>
    </>
  );
};

const AssignForm = ({
  onClose,
  couple,
  exercise,
  onAssigned,
}: Omit<AssignDialogProps, 'onAssigned'> & {
  onAssigned: (assignments: AssignmentSummary[], names: Map<string, string>) => void;
}) => {
  const dataProvider = useDataProvider<TrellisDataProvider>();
  const seen = useRef(new Map<string, CaseloadRow>());
  const [failure, setFailure] = useState<string>();
  const [defaultValues] = useState(() => ({
    exerciseId: exercise?.id,
    coupleIds: couple ? [couple.id] : [],
    dueAt: defaultDueAt(new Date(), [couple?.nextSessionAt]),
    followSession: false,
    dueBeforeSessionHours: DEFAULT_HOURS_BEFORE_SESSION,
    message: '',
    shareAnswersAfterBoth: false,
    repeat: 'none',
    weekdays: [],
    ends: 'count',
    count: 6,
    endsOn: '',
  }));
  // The fixed side of the dialog always wins over whatever the form holds.
  const withFixed = (values: Record<string, unknown>) => ({
    ...values,
    ...(exercise ? { exerciseId: exercise.id } : {}),
    ...(couple ? { coupleIds: [couple.id] } : {}),
  });

  /** A series: made, and its first occurrence (issued at once) shown like any new homework. */
  const startSeries = async (values: Record<string, unknown>, coupleId: string): Promise<AssignmentSummary[]> => {
    const { data: series } = await dataProvider.create<AssignmentSeriesView>('assignment-series', {
      data: seriesBody(withFixed(values), coupleId),
    });
    if (!series.lastAssignmentId) return [];
    const { data: first } = await dataProvider.getOne<AssignmentDetail>('assignments', { id: series.lastAssignmentId });
    return [first];
  };

  const submit = async (values: Record<string, unknown>) => {
    setFailure(undefined);
    try {
      const assignments =
        couple && isRepeating(values)
          ? await startSeries(values, couple.id)
          : await dataProvider.assignHomework(assignBody(withFixed(values)));
      const names = new Map([...seen.current.values()].map((c) => [c.id, c.displayName]));
      if (couple) names.set(couple.id, couple.displayName);
      onAssigned(assignments, names);
    } catch (error) {
      const fieldErrors = submissionErrors(error);
      if (fieldErrors) return fieldErrors;
      // e.g. 409 "Alex & Sam is paused: reactivate the couple to assign homework."
      setFailure(errorMessage(error));
    }
  };

  return (
    <Form
      defaultValues={defaultValues}
      onSubmit={submit}
      validate={(values) => ({ ...assignProblems(withFixed(values)), ...seriesProblems(values) })}
      noValidate
    >
      <DialogContent sx={{ pt: 0 }}>
        {couple && (
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            Choose an exercise from your library. Each partner answers separately; you see both answers side by side
            once they submit.
          </Typography>
        )}
        {!exercise && <ExercisePicker />}
        {!couple && <CouplePicker seen={seen} />}
        {!couple && <DueBeforeChosenSessions seen={seen} />}
        <AssignmentCautions couple={couple} exerciseId={exercise?.id} seen={seen} />
        <DueInputs />
        {couple && <RepeatInputs />}
        <TextInput
          source="message"
          label="Message to the couple (optional)"
          multiline
          minRows={3}
          fullWidth
          helperText="Shown above the exercise, for example why you chose it."
          slotProps={{ htmlInput: { maxLength: MESSAGE_MAX_LENGTH } }}
        />
        <BooleanInput
          source="shareAnswersAfterBoth"
          label="Let partners see each other’s answers after both have submitted"
          helperText="Off: only you see both partners’ answers. On or off, answers to prompts marked “only for the counselor” are never shared."
        />
        {failure && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {failure}
          </Alert>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>Cancel</Button>
        <SaveButton label="Assign" icon={<AssignmentIcon />} alwaysEnable />
      </DialogActions>
    </Form>
  );
};
