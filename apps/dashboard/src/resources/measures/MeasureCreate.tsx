import type { MeasureDetail, MeasureInput } from '@trellis/contracts';
import { useState } from 'react';
import { Title, useDataProvider, useNotify, useRedirect } from 'react-admin';
import { MeasureEditor } from './MeasureEditor';
import { blankMeasure } from './measureInput';
import { PageHeading } from '../../common/PageHeading';

export const MeasureCreate = () => {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const [initial] = useState(blankMeasure);

  const save = async (input: MeasureInput) => {
    const { data: measure } = await dataProvider.create<MeasureDetail>('measures', { data: input });
    notify(`“${measure.title}” is in your clinic’s measures.`, { type: 'success' });
    redirect('show', 'measures', measure.id);
  };

  return (
    <>
      <Title title="New measure" />
      <PageHeading title="New measure" />
      <MeasureEditor
        initial={initial}
        submitLabel="Create measure"
        onSave={save}
        onCancel={() => redirect('list', 'measures')}
      />
    </>
  );
};
