import { Box } from '@mui/material';
import type { CoupleView } from '@trellis/contracts';
import { Edit, Loading, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import { CoupleDetailsInputs, CouplePhaseInput, PartnersInputs, TherapistInput } from './CoupleInputs';
import { updateCoupleBody } from './couplePayload';
import { PageHeading } from '../../common/PageHeading';

const CoupleEditTitle = () => {
  const record = useRecordContext<CoupleView>();
  return <>{record ? `Edit ${record.displayName}` : 'Edit couple'}</>;
};

// No delete button: couples are discharged, never deleted (their homework and notes stay).
const EditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

const EditForm = () => {
  const record = useRecordContext<CoupleView>();
  // The caseload's row (shown while the couple loads) has no partners: wait for the whole record.
  if (!record || !Array.isArray(record.partners)) return <Loading />;
  return (
    <SimpleForm sx={{ maxWidth: 1000 }} toolbar={<EditToolbar />}>
      <PageHeading title={<CoupleEditTitle />} />
      <Box sx={{ maxWidth: 560, width: '100%' }}>
        <CoupleDetailsInputs />
        <CouplePhaseInput />
        <TherapistInput editing helperText="Reassigning moves the couple to that therapist’s caseload." />
      </Box>
      <PartnersInputs editing currentZones={record.partners.map((partner) => partner.timezone)} />
    </SimpleForm>
  );
};

export const CoupleEdit = () => (
  // Pessimistic: the server has the last word (validation, reassignment rules).
  <Edit<CoupleView>
    title={<CoupleEditTitle />}
    mutationMode="pessimistic"
    redirect="show"
    transform={(values: CoupleView, options?: { previousData?: CoupleView }) =>
      options?.previousData ? updateCoupleBody({ ...values }, options.previousData) : values
    }
  >
    <EditForm />
  </Edit>
);
