import type { ApiRequestBody } from '@trellis/contracts';
import { Title, useNotify, useRedirect } from 'react-admin';
import { PageHeading } from '../../common/PageHeading';
import { asTyped, callApi } from '../../data/api';
import { blankStep } from './programDraft';
import { ProgramForm } from './ProgramForm';

/** Build the clinic's own program: a title and its steps in order, each saying when it opens. */
export const ProgramCreate = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <>
      <Title title="New program" />
      <PageHeading title="New program">
        Each step opens when the step before is finished the way you choose: both partners done, your review, or
        sessions held.
      </PageHeading>
      <ProgramForm
        label="New program"
        initial={{ title: '', description: '', steps: [blankStep()] }}
        submitLabel="Create program"
        onSubmit={async (body) => {
          const json = await callApi('post', '/programs', {
            params: {},
            body: asTyped<ApiRequestBody<'/programs', 'post'>>(body),
          });
          notify(`“${json.title}” is in your clinic’s programs.`, { type: 'success' });
          redirect('show', 'programs', json.id);
          return json;
        }}
        onCancel={() => redirect('list', 'programs')}
      />
    </>
  );
};
