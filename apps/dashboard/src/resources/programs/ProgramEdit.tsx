import { Alert } from '@mui/material';
import type { ApiRequestBody, ProgramView } from '@trellis/contracts';
import { Edit, Loading, useNotify, useRecordContext, useRedirect, useRefresh } from 'react-admin';
import { PageHeading } from '../../common/PageHeading';
import { asTyped, callApi } from '../../data/api';
import { draftFromStep } from './programDraft';
import { ProgramForm } from './ProgramForm';

const EditTitle = () => {
  const program = useRecordContext<ProgramView>();
  return <>{program ? `Edit “${program.title}”` : 'Edit program'}</>;
};

const EditBody = () => {
  const program = useRecordContext<ProgramView>();
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  if (!program) return <Loading />;
  // Built-ins are read-only (the API answers 409); the show screen offers no edit for them, so
  // only a typed address lands here. Said plainly, not redirected from inside a render.
  if (program.builtIn)
    return (
      <Alert severity="info" sx={{ mt: 2 }}>
        “{program.title}” is built into Trellis and cannot be changed. Build your clinic’s own program instead.
      </Alert>
    );
  return (
    <>
      <PageHeading title={<EditTitle />}>
        Couples already on this program keep the steps they started with; changes apply to couples you start on it from
        now on.
      </PageHeading>
      <ProgramForm
        key={program.updatedAt}
        label={`Edit “${program.title}”`}
        initial={{ title: program.title, description: program.description, steps: program.steps.map(draftFromStep) }}
        submitLabel="Save program"
        onSubmit={async (body) => {
          const json = await callApi('patch', '/programs/{id}', {
            params: { id: String(program.id) },
            body: asTyped<ApiRequestBody<'/programs/{id}', 'patch'>>(body),
          });
          refresh();
          notify('Program saved. Couples already on it keep their steps.', { type: 'success' });
          redirect('show', 'programs', json.id);
          return json;
        }}
        onCancel={() => redirect('show', 'programs', program.id)}
      />
    </>
  );
};

/** Change the clinic's own program: its title, description and steps. */
export const ProgramEdit = () => (
  <Edit<ProgramView> title={<EditTitle />} actions={false} component="div">
    <EditBody />
  </Edit>
);
