import { Alert } from '@mui/material';
import type { MeasureDetail, MeasureInput } from '@trellis/contracts';
import { Edit, Loading, useDataProvider, useNotify, useRecordContext, useRedirect, useRefresh } from 'react-admin';
import type { TrellisDataProvider } from '../../data/dataProvider';
import { MeasureEditor } from './MeasureEditor';
import { draftFrom } from './measureInput';
import { PageHeading } from '../../common/PageHeading';

const EditTitle = () => {
  const record = useRecordContext<MeasureDetail>();
  return <>{record ? `New version of “${record.title}”` : 'New version'}</>;
};

/** Editing a measure writes its next version (`POST /measures/:id/versions`); past scores keep theirs. */
const EditBody = () => {
  const measure = useRecordContext<MeasureDetail>();
  const dataProvider = useDataProvider<TrellisDataProvider>();
  const refresh = useRefresh();
  const notify = useNotify();
  const redirect = useRedirect();
  if (!measure || !measure.definition) return <Loading />;
  if (measure.source === 'builtin') {
    return (
      <Alert severity="info" sx={{ mt: 2 }}>
        “{measure.title}” is a built-in measure: it changes only with Trellis releases.
      </Alert>
    );
  }

  const save = async (input: MeasureInput) => {
    const saved = await dataProvider.act(
      '/measures/{id}/versions',
      { id: String(measure.id) },
      {
        // The document describes the definition as a free-form object (checked by the API's own rules).
        definition: { ...input.definition },
      },
    );
    refresh();
    notify(`Version ${saved.currentVersion} saved. Scores already given keep their version.`, { type: 'success' });
    redirect('show', 'measures', measure.id);
  };

  return (
    <>
      <PageHeading title={<EditTitle />}>
        Check-ins sent from now on use the new version; every score already given keeps the version it was given with.
      </PageHeading>
      <MeasureEditor
        key={`${measure.id}-${measure.currentVersion}`}
        initial={draftFrom(measure)}
        definitionOnly
        submitLabel={`Save version ${measure.currentVersion + 1}`}
        onSave={save}
        onCancel={() => redirect('show', 'measures', measure.id)}
      />
    </>
  );
};

export const MeasureEdit = () => (
  <Edit<MeasureDetail> title={<EditTitle />} actions={false} component="div">
    <EditBody />
  </Edit>
);
