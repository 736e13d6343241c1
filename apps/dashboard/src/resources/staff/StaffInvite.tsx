import SendIcon from '@mui/icons-material/Send';
import { Typography } from '@mui/material';
import type { StaffMember, StaffRole } from '@trellis/contracts';
import {
  Create,
  email,
  maxLength,
  RadioButtonGroupInput,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useCreate,
  useNotify,
  useRedirect,
} from 'react-admin';
import type { WriteMeta } from '../../data/dataProvider';
import { errorMessage, submissionErrors } from '../../data/formErrors';
import { RoleChoice } from './StaffFields';
import { roleChoices } from './staffLabels';
import { PageHeading } from '../../common/PageHeading';

const invitationsMeta: WriteMeta = { subresource: 'invitations' };
const defaultValues: { role: StaffRole } = { role: 'therapist' };

const InviteToolbar = () => (
  <Toolbar>
    <SaveButton label="Send invitation" icon={<SendIcon />} />
  </Toolbar>
);

export const StaffInvite = () => {
  const [create] = useCreate<StaffMember>();
  const notify = useNotify();
  const redirect = useRedirect();

  // Our own submit instead of <Create>'s: a 409 ("that email already has an account") belongs
  // under the Email input, not in a toast that disappears.
  const invite = async (values: Record<string, unknown>) => {
    try {
      const invitee = values as Pick<StaffMember, 'email' | 'name' | 'role'>;
      // Only what the API accepts: unknown body fields are a 400.
      const data = { email: invitee.email, name: invitee.name, role: invitee.role };
      await create('staff', { data, meta: invitationsMeta }, { returnPromise: true });
      notify(`Invitation sent to ${data.email}.`, { type: 'success' });
      redirect('list', 'staff');
    } catch (error) {
      const fieldErrors = submissionErrors(error, 'email');
      if (fieldErrors) return fieldErrors;
      notify(errorMessage(error), { type: 'error' });
    }
  };

  return (
    <Create title="Invite a colleague">
      <SimpleForm onSubmit={invite} defaultValues={defaultValues} toolbar={<InviteToolbar />} sx={{ maxWidth: 560 }}>
        <PageHeading title="Invite a colleague" />
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          We email them a link to choose a password. The link works for a limited time; you can resend it from their
          page.
        </Typography>
        <TextInput source="name" label="Full name" autoComplete="off" validate={[required(), maxLength(200)]} />
        <TextInput
          source="email"
          type="email"
          label="Email"
          autoComplete="off"
          validate={[required(), email(), maxLength(254)]}
        />
        <RadioButtonGroupInput
          source="role"
          label="Role"
          choices={roleChoices}
          optionText={<RoleChoice />}
          row={false}
          validate={required()}
        />
      </SimpleForm>
    </Create>
  );
};
