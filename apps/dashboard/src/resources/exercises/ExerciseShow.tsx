import ArchiveIcon from '@mui/icons-material/Archive';
import AssignmentIcon from '@mui/icons-material/AssignmentTurnedIn';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import EditIcon from '@mui/icons-material/Edit';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import type { ExerciseDetail } from '@trellis/contracts';
import { EXERCISE_PHASE_LABELS, hasRolePrompts, type PartnerRole, type Prompt, promptsForRole } from '@trellis/domain';
import { useState } from 'react';
import {
  Confirm,
  LinkBase,
  Loading,
  Show,
  useDataProvider,
  useDelete,
  useNotify,
  useRecordContext,
  useRedirect,
} from 'react-admin';
import type { TrellisDataProvider } from '../../data/dataProvider';
import { errorMessage } from '../../data/formErrors';
import { AssignDialog } from '../assignments/AssignDialog';
import { SOURCE_LABELS } from './exerciseLabels';
import { PromptsPreview } from './PromptPreview';

const ExerciseTitle = () => {
  const record = useRecordContext<ExerciseDetail>();
  return <>{record?.title ?? 'Exercise'}</>;
};

/** Copies an exercise into the clinic's library and opens the copy for editing. */
export const useDuplicateExercise = () => {
  const dataProvider = useDataProvider<TrellisDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const [busy, setBusy] = useState(false);
  const duplicate = async (exercise: Pick<ExerciseDetail, 'id'>) => {
    setBusy(true);
    try {
      const copy = await dataProvider.act('/exercises/{id}/duplicate', { id: String(exercise.id) });
      notify(`“${copy.title}” is now in your clinic’s library. Adapt it as you like.`, { type: 'success' });
      redirect('edit', 'exercises', copy.id);
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { duplicate, busy };
};

const ExerciseActions = ({ exercise, onAssign }: { exercise: ExerciseDetail; onAssign: () => void }) => {
  const { duplicate, busy } = useDuplicateExercise();
  const [deleteOne, { isPending: archiving }] = useDelete<ExerciseDetail>();
  const [confirmArchive, setConfirmArchive] = useState(false);
  const notify = useNotify();
  const redirect = useRedirect();
  const own = exercise.source === 'clinic';

  const archive = () =>
    deleteOne(
      'exercises',
      { id: exercise.id, previousData: exercise },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify(`“${exercise.title}” is archived. Homework already assigned keeps working.`, { type: 'info' });
          redirect('list', 'exercises');
        },
        onError: (error) => {
          setConfirmArchive(false);
          notify(errorMessage(error), { type: 'error' });
        },
      },
    );

  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Button variant="contained" startIcon={<AssignmentIcon />} onClick={onAssign}>
        Assign
      </Button>
      {own && (
        <Button component={LinkBase} to={`/exercises/${exercise.id}`} startIcon={<EditIcon />}>
          Edit
        </Button>
      )}
      <Button startIcon={<ContentCopyIcon />} onClick={() => duplicate(exercise)} disabled={busy}>
        {busy ? 'Duplicating…' : own ? 'Duplicate' : 'Duplicate to adapt'}
      </Button>
      {own && (
        <Button color="error" startIcon={<ArchiveIcon />} onClick={() => setConfirmArchive(true)}>
          Archive
        </Button>
      )}
      <Confirm
        isOpen={confirmArchive}
        loading={archiving}
        title={`Archive “${exercise.title}”?`}
        content="It leaves the library, so it can no longer be assigned. Homework already assigned keeps its prompts and answers."
        confirm="Archive"
        confirmColor="warning"
        onConfirm={archive}
        onClose={() => setConfirmArchive(false)}
      />
    </Stack>
  );
};

/** The preview sides a two-role exercise has: each partner sees only the questions for their role. */
const PREVIEW_ROLES: { role: PartnerRole; label: string }[] = [
  { role: 'hurt', label: 'Partner who was hurt' },
  { role: 'broke_trust', label: 'Partner who broke trust' },
  { role: 'not_set', label: 'Role not set' },
];

const RolePreview = ({ prompts }: { prompts: Prompt[] }) => {
  const [role, setRole] = useState<PartnerRole>('hurt');
  if (!hasRolePrompts(prompts)) return <PromptsPreview prompts={prompts} />;
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Some questions are asked of one side only. Preview the page as each partner sees it; you set each partner’s role
        on the couple’s record.
      </Typography>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={role}
        onChange={(_event, next: PartnerRole | null) => next && setRole(next)}
        aria-label="Preview as"
        sx={{ mb: 2, flexWrap: 'wrap' }}
      >
        {PREVIEW_ROLES.map((side) => (
          <ToggleButton key={side.role} value={side.role}>
            {side.label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <PromptsPreview prompts={promptsForRole(prompts, role)} />
    </>
  );
};

/** A copy whose source has moved on is offered the new version; the copy itself never changes. */
const NewerVersionOffer = ({ exercise }: { exercise: ExerciseDetail }) => {
  const { duplicate, busy } = useDuplicateExercise();
  if (exercise.newerSourceVersion === null || !exercise.basedOnId) return null;
  const sourceId = exercise.basedOnId;
  return (
    <Alert
      severity="info"
      sx={{ mt: 1.5 }}
      action={
        <Button size="small" onClick={() => duplicate({ id: sourceId })} disabled={busy}>
          Copy the new version
        </Button>
      }
    >
      The exercise this was copied from is now at version {exercise.newerSourceVersion} (this copy was made from version{' '}
      {exercise.basedOnVersion}). This copy stays as it is; make a fresh copy to use the new wording.
    </Alert>
  );
};

const ExerciseShowLayout = () => {
  const exercise = useRecordContext<ExerciseDetail>();
  const [assigning, setAssigning] = useState(false);
  // Coming from the library, react-admin first shows the list's row, which has no prompts yet.
  if (!exercise || !Array.isArray(exercise.prompts)) return <Loading />;
  return (
    <>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
            <Typography component="h1" variant="h5">
              {exercise.title}
            </Typography>
            <Chip size="small" label={exercise.strategyName} color="primary" variant="outlined" />
            <Chip size="small" label={`About ${exercise.estimatedMinutes} min`} variant="outlined" />
            <Chip
              size="small"
              label={SOURCE_LABELS[exercise.source]}
              color={exercise.source === 'clinic' ? 'secondary' : 'default'}
              variant={exercise.source === 'clinic' ? 'filled' : 'outlined'}
            />
            {exercise.version > 1 && <Chip size="small" label={`Version ${exercise.version}`} variant="outlined" />}
            {exercise.phase && (
              <Chip size="small" label={`Phase: ${EXERCISE_PHASE_LABELS[exercise.phase]}`} variant="outlined" />
            )}
            {exercise.coercionSensitive && (
              <Chip size="small" color="warning" variant="outlined" label="Not while a safety concern is open" />
            )}
          </Stack>
          <Typography sx={{ mb: 2, maxWidth: 760 }}>{exercise.purpose}</Typography>
          <ExerciseActions exercise={exercise} onAssign={() => setAssigning(true)} />
          <NewerVersionOffer exercise={exercise} />
          {exercise.source === 'builtin' && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
              Built-in exercises cannot be changed. Duplicate one to adapt its wording or prompts for your clinic.
            </Typography>
          )}
        </CardContent>
      </Card>
      <Card component="section" aria-labelledby="preview-heading">
        <CardContent>
          <Typography id="preview-heading" component="h2" variant="h6">
            What each partner sees
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Each partner answers on their own, through their own link. Answers stay private to them until they submit.
          </Typography>
          <Box sx={{ maxWidth: 560, p: 2, border: 1, borderColor: 'divider', borderRadius: 2 }}>
            <Typography variant="h6" component="p">
              {exercise.title}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              About {exercise.estimatedMinutes} minutes
            </Typography>
            <Typography sx={{ whiteSpace: 'pre-wrap', mb: 1 }}>{exercise.instructions}</Typography>
            <RolePreview prompts={exercise.prompts} />
          </Box>
        </CardContent>
      </Card>
      <AssignDialog
        open={assigning}
        onClose={() => setAssigning(false)}
        exercise={{ id: exercise.id, title: exercise.title }}
      />
    </>
  );
};

export const ExerciseShow = () => (
  <Show<ExerciseDetail> title={<ExerciseTitle />} actions={false} component="div">
    <ExerciseShowLayout />
  </Show>
);
