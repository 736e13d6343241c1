import { CardContent, Divider, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { StaffMember, StaffMemberDetail } from '@trellis/contracts';
import {
  Confirm,
  DateField,
  Edit,
  RadioButtonGroupInput,
  required,
  SaveButton,
  SimpleForm,
  Toolbar,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useSaveContext,
} from 'react-admin';
import { fetchSession } from '../../auth/session';
import { promotionConfirmation } from './deactivation';
import { StaffAccess } from './StaffAccess';
import { RoleChoice, StaffStatusChip } from './StaffFields';
import { roleChoices } from './staffLabels';

const StaffTitle = () => {
  const record = useRecordContext<StaffMember>();
  return <>{record?.name ?? 'Staff member'}</>;
};

const StaffHeader = () => {
  const record = useRecordContext<StaffMemberDetail>();
  if (!record) return null;
  return (
    <CardContent sx={{ pb: 0 }}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography component="h1" variant="h5">
          {record.name}
        </Typography>
        <StaffStatusChip status={record.status} />
      </Stack>
      <Typography color="text.secondary">{record.email}</Typography>
      <Typography variant="body2" color="text.secondary">
        Added <DateField source="createdAt" record={record} variant="body2" component="span" />
      </Typography>
    </CardContent>
  );
};

/**
 * Saves the role; making someone an administrator is confirmed first (it hands over every staff
 * and audit power). No delete button: people are deactivated, never deleted.
 */
const RoleToolbar = () => {
  const record = useRecordContext<StaffMember>();
  const { handleSubmit } = useFormContext();
  const role: unknown = useWatch({ name: 'role' });
  const { save } = useSaveContext();
  const [asking, setAsking] = useState(false);
  const promotion = record ? promotionConfirmation(record, role) : undefined;
  return (
    <Toolbar>
      <SaveButton
        label="Save role"
        type={promotion ? 'button' : 'submit'}
        onClick={
          promotion
            ? (event) => {
                event.preventDefault();
                setAsking(true);
              }
            : undefined
        }
      />
      {promotion && (
        <Confirm
          isOpen={asking}
          title={promotion.title}
          content={promotion.content}
          confirm="Make administrator"
          confirmColor="warning"
          onConfirm={() => {
            setAsking(false);
            void handleSubmit((values) => save?.(values))();
          }}
          onClose={() => setAsking(false)}
        />
      )}
    </Toolbar>
  );
};

const RoleForm = () => {
  const record = useRecordContext<StaffMember>();
  const { identity } = useGetIdentity();
  const isSelf = Boolean(record && identity?.id === record.id);
  return (
    <SimpleForm toolbar={<RoleToolbar />} sx={{ maxWidth: 560 }}>
      <RadioButtonGroupInput
        source="role"
        label="Role"
        choices={roleChoices}
        optionText={<RoleChoice />}
        row={false}
        validate={required()}
        helperText={
          isSelf && record?.role === 'admin'
            ? 'This is you: as a therapist you would no longer see Staff or the audit log.'
            : false
        }
      />
    </SimpleForm>
  );
};

export const StaffEdit = () => {
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const { identity } = useGetIdentity();

  const onSuccess = async (member: StaffMember) => {
    if (member.id === identity?.id && member.role !== 'admin') {
      // Giving up your own admin role: take the new role from the server, which drops Staff and
      // Audit from the menu and the routes.
      await fetchSession();
      refresh();
      notify('You are now a therapist. Another administrator can give the role back.', { type: 'info' });
      redirect('/');
      return;
    }
    notify(`${member.name} is now ${member.role === 'admin' ? 'an administrator' : 'a therapist'}.`, {
      type: 'success',
    });
    redirect('list', 'staff');
  };

  return (
    // Pessimistic: the server may refuse (the clinic's last active admin), and the form should stay
    // as it was with the reason shown, not roll back after a pretend success.
    <Edit<StaffMemberDetail>
      title={<StaffTitle />}
      actions={false}
      mutationMode="pessimistic"
      mutationOptions={{ onSuccess }}
    >
      <StaffHeader />
      <RoleForm />
      <Divider />
      <StaffAccess />
    </Edit>
  );
};
