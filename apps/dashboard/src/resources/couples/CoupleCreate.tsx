import { Box } from '@mui/material';
import { Create, SimpleForm } from 'react-admin';
import { browserTimeZone } from '../../common/timeZones';
import { CoupleDetailsInputs, PartnersInputs, TherapistInput } from './CoupleInputs';
import { createCoupleBody } from './couplePayload';
import { PageHeading } from '../../common/PageHeading';

const defaultValues = () => {
  const timezone = browserTimeZone();
  return {
    displayName: '',
    partners: [
      // Consent is asked, never assumed: the form cannot be saved until it is answered for each.
      { name: '', email: '', timezone, emailConsent: null },
      { name: '', email: '', timezone, emailConsent: null },
    ],
  };
};

export const CoupleCreate = () => (
  // Pessimistic (Create's default): field errors such as `partners.1.email` land under their input.
  <Create title="Add a couple" redirect="show" transform={createCoupleBody}>
    <SimpleForm defaultValues={defaultValues} sx={{ maxWidth: 1000 }}>
      <PageHeading title="Add a couple" />
      <Box sx={{ maxWidth: 560, width: '100%' }}>
        <CoupleDetailsInputs />
        <TherapistInput helperText="Whose caseload the couple joins." />
      </Box>
      <PartnersInputs currentZones={[browserTimeZone()]} />
    </SimpleForm>
  </Create>
);
