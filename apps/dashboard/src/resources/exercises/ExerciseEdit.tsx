import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button } from '@mui/material';
import type { ExerciseDetail, ExerciseInput } from '@trellis/contracts';
import { Edit, Loading, useDataProvider, useNotify, useRecordContext, useRedirect, useRefresh } from 'react-admin';
import { ExerciseEditor } from './ExerciseEditor';
import { exerciseInputOf } from './exerciseInput';
import { useDuplicateExercise } from './ExerciseShow';
import { PageHeading } from '../../common/PageHeading';

const EditTitle = () => {
  const record = useRecordContext<ExerciseDetail>();
  return <>{record ? `Edit “${record.title}”` : 'Edit exercise'}</>;
};

/** Built-ins are read-only (the API answers 409): offer the copy instead. */
const BuiltInNotice = ({ exercise }: { exercise: ExerciseDetail }) => {
  const { duplicate, busy } = useDuplicateExercise();
  return (
    <Alert
      severity="info"
      sx={{ mt: 2 }}
      action={
        <Button color="inherit" startIcon={<ContentCopyIcon />} onClick={() => duplicate(exercise)} disabled={busy}>
          Duplicate
        </Button>
      }
    >
      “{exercise.title}” is a built-in exercise and cannot be changed. Duplicate it to adapt a copy for your clinic.
    </Alert>
  );
};

const EditBody = () => {
  const exercise = useRecordContext<ExerciseDetail>();
  const dataProvider = useDataProvider();
  const refresh = useRefresh();
  const notify = useNotify();
  const redirect = useRedirect();
  // The library's row (shown while the exercise loads) has no prompts: wait for the whole record.
  if (!exercise || !Array.isArray(exercise.prompts)) return <Loading />;
  if (exercise.source === 'builtin') return <BuiltInNotice exercise={exercise} />;

  const save = async (input: ExerciseInput) => {
    // Only changed fields go out (see dataProvider.update); changed prompts bump the version, and
    // homework already assigned keeps the prompts it was given.
    await dataProvider.update<ExerciseDetail>('exercises', {
      id: exercise.id,
      data: input,
      previousData: exerciseInputOf(exercise),
    });
    refresh();
    notify('Exercise saved. Homework already assigned keeps its original prompts.', { type: 'success' });
    redirect('show', 'exercises', exercise.id);
  };

  return (
    <>
      <PageHeading title={<EditTitle />}>Changes apply to homework you assign from now on.</PageHeading>
      <ExerciseEditor
        key={`${exercise.id}-${exercise.version}`}
        initial={exerciseInputOf(exercise)}
        submitLabel="Save exercise"
        onSave={save}
        onCancel={() => redirect('show', 'exercises', exercise.id)}
      />
    </>
  );
};

export const ExerciseEdit = () => (
  <Edit<ExerciseDetail> title={<EditTitle />} actions={false} component="div">
    <EditBody />
  </Edit>
);
