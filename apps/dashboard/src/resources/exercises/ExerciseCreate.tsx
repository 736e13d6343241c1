import type { ExerciseDetail, ExerciseInput } from '@trellis/contracts';
import { useState } from 'react';
import { Title, useDataProvider, useNotify, useRedirect } from 'react-admin';
import { ExerciseEditor } from './ExerciseEditor';
import { blankExercise } from './exerciseInput';
import { PageHeading } from '../../common/PageHeading';

export const ExerciseCreate = () => {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const [initial] = useState(blankExercise);

  const save = async (input: ExerciseInput) => {
    const { data: exercise } = await dataProvider.create<ExerciseDetail>('exercises', { data: input });
    notify(`“${exercise.title}” is in your clinic’s library.`, { type: 'success' });
    redirect('show', 'exercises', exercise.id);
  };

  return (
    <>
      <Title title="New exercise" />
      <PageHeading title="New exercise" />
      <ExerciseEditor
        initial={initial}
        submitLabel="Create exercise"
        onSave={save}
        onCancel={() => redirect('list', 'exercises')}
      />
    </>
  );
};
