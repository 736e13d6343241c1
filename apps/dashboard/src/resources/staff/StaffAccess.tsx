import BlockIcon from '@mui/icons-material/Block';
import CancelScheduleSendIcon from '@mui/icons-material/CancelScheduleSend';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import SendIcon from '@mui/icons-material/Send';
import { Alert, Button, CardContent, Stack, Typography } from '@mui/material';
import type { StaffMember, StaffMemberDetail } from '@trellis/contracts';
import { useState } from 'react';
import {
  Confirm,
  useDataProvider,
  useDelete,
  useGetIdentity,
  useLogout,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useUpdate,
} from 'react-admin';
import type { TrellisDataProvider, WriteMeta } from '../../data/dataProvider';
import { errorMessage } from '../../data/formErrors';
import { describeInvitation } from './invitation';

const invitationMeta: WriteMeta = { subresource: 'invitation' };

const useIsSelf = (record: StaffMember) => {
  const { identity } = useGetIdentity();
  return identity?.id === record.id;
};

/** Deactivate or reactivate someone who has signed in before (pessimistic: the server may refuse). */
const StatusPanel = ({ record }: { record: StaffMemberDetail }) => {
  const [open, setOpen] = useState(false);
  const [update, { isPending }] = useUpdate<StaffMember>();
  const notify = useNotify();
  const logout = useLogout();
  const isSelf = useIsSelf(record);
  const deactivating = record.status === 'active';
  const next = deactivating ? 'deactivated' : 'active';

  const confirm = () =>
    update(
      'staff',
      { id: record.id, data: { status: next }, previousData: record },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setOpen(false);
          // Deactivation ends the person's sessions at once, this one included when it is ours.
          if (isSelf && deactivating) return void logout();
          notify(
            deactivating
              ? `${record.name} is deactivated and signed out everywhere.`
              : `${record.name} is active again and can sign in.`,
            { type: 'success' },
          );
        },
        // The API explains refusals, e.g. that this would leave the clinic without an active admin.
        onError: (error) => {
          setOpen(false);
          notify(errorMessage(error), { type: 'error' });
        },
      },
    );

  return (
    <>
      <Typography sx={{ mb: 2 }}>
        {deactivating
          ? `${isSelf ? 'You' : record.name} can sign in.`
          : `${record.name} cannot sign in. Their couples and records stay in the clinic.`}
      </Typography>
      <Button
        variant="outlined"
        color={deactivating ? 'error' : 'primary'}
        startIcon={deactivating ? <BlockIcon /> : <LockOpenIcon />}
        onClick={() => setOpen(true)}
      >
        {deactivating ? 'Deactivate' : 'Reactivate'}
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title={deactivating ? `Deactivate ${record.name}?` : `Reactivate ${record.name}?`}
        content={
          deactivating
            ? `${isSelf ? 'You will be signed out straight away and' : `${record.name} is signed out everywhere at once and`} cannot sign in until an administrator reactivates the account. Couples, homework and notes stay in the clinic.`
            : `${record.name} can sign in again with their existing password.`
        }
        confirm={deactivating ? 'Deactivate' : 'Reactivate'}
        confirmColor="warning"
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** Someone who has not accepted yet: where the invitation stands, resend it or revoke it. */
const InvitationPanel = ({ record }: { record: StaffMemberDetail }) => {
  const dataProvider = useDataProvider<TrellisDataProvider>();
  const [deleteOne, { isPending: isRevoking }] = useDelete<StaffMemberDetail>();
  const [isResending, setResending] = useState(false);
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const summary = describeInvitation(record.invitation);

  const resend = async () => {
    setResending(true);
    try {
      await dataProvider.resendInvitation(record.id);
      notify(`Invitation sent again to ${record.email}.`, { type: 'success' });
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setResending(false);
    }
  };

  const revoke = () =>
    deleteOne(
      'staff',
      { id: record.id, previousData: record, meta: invitationMeta },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setConfirmRevoke(false);
          notify(`Invitation for ${record.email} revoked.`, { type: 'info' });
          redirect('list', 'staff');
        },
        onError: (error) => {
          setConfirmRevoke(false);
          notify(errorMessage(error), { type: 'error' });
        },
      },
    );

  return (
    <>
      <Alert severity={summary.expired ? 'warning' : 'info'} sx={{ mb: 2 }}>
        {record.name} has not accepted yet. {summary.text}
      </Alert>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button variant="outlined" startIcon={<SendIcon />} onClick={resend} disabled={isResending}>
          {isResending ? 'Sending…' : 'Resend invitation'}
        </Button>
        <Button
          variant="outlined"
          color="error"
          startIcon={<CancelScheduleSendIcon />}
          onClick={() => setConfirmRevoke(true)}
        >
          Revoke invitation
        </Button>
      </Stack>
      <Confirm
        isOpen={confirmRevoke}
        loading={isRevoking}
        title={`Revoke the invitation for ${record.name}?`}
        content={`The link stops working and ${record.email} leaves your staff list. You can invite them again later.`}
        confirm="Revoke"
        confirmColor="warning"
        onConfirm={revoke}
        onClose={() => setConfirmRevoke(false)}
      />
    </>
  );
};

/** The "Access" part of a person's page. */
export const StaffAccess = () => {
  const record = useRecordContext<StaffMemberDetail>();
  if (!record) return null;
  return (
    <CardContent component="section" aria-labelledby="staff-access-heading">
      <Typography id="staff-access-heading" component="h2" variant="h6" gutterBottom>
        Access
      </Typography>
      {record.status === 'invited' ? <InvitationPanel record={record} /> : <StatusPanel record={record} />}
    </CardContent>
  );
};
