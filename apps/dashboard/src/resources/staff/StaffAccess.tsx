import BlockIcon from '@mui/icons-material/Block';
import CancelScheduleSendIcon from '@mui/icons-material/CancelScheduleSend';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import SendIcon from '@mui/icons-material/Send';
import {
  Alert,
  Button,
  CardContent,
  CircularProgress,
  DialogContentText,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { StaffMember, StaffMemberDetail } from '@trellis/contracts';
import { useState } from 'react';
import {
  Confirm,
  useDataProvider,
  useDelete,
  useGetIdentity,
  useGetList,
  useLogout,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useUpdate,
} from 'react-admin';
import type { TrellisDataProvider, WriteMeta } from '../../data/dataProvider';
import { errorMessage, submissionErrors } from '../../data/formErrors';
import { handoverPrompt, handoverRequest, REASSIGN_FIELD, successorChoices } from './deactivation';
import { describeInvitation } from './invitation';

const invitationMeta: WriteMeta = { subresource: 'invitation' };

const useIsSelf = (record: StaffMember) => {
  const { identity } = useGetIdentity();
  return identity?.id === record.id;
};

interface HandoverProps {
  record: StaffMemberDetail;
  /** The API's sentence: how many couples, and that someone must take them over. */
  request: string;
  successor: string;
  onSuccessorChange: (id: string) => void;
  error: string | undefined;
}

/** Shown when the person has couples: in the first dialog, or after the API's 409 if they gained some since. */
const HandoverChoice = ({ record, request, successor, onSuccessorChange, error }: HandoverProps) => {
  const { data, isPending } = useGetList<StaffMember>('staff', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
    filter: { status: 'active' },
  });
  const choices = successorChoices(data ?? [], record.id);
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Alert severity="warning">{request}</Alert>
      {isPending ? (
        <CircularProgress size={20} aria-label="Loading active staff" />
      ) : choices.length === 0 ? (
        <Alert severity="info">
          Nobody else is active to take them over. Invite a colleague (or reactivate one) first, then deactivate{' '}
          {record.name}.
        </Alert>
      ) : (
        <TextField
          select
          label="Who takes over their couples?"
          value={successor}
          onChange={(event) => onSuccessorChange(event.target.value)}
          error={Boolean(error)}
          helperText={
            error ?? 'Their active and paused couples move to this person, with their homework and session notes.'
          }
          autoFocus
          fullWidth
          required
        >
          {choices.map((choice) => (
            <MenuItem key={choice.id} value={choice.id}>
              {choice.name}
            </MenuItem>
          ))}
        </TextField>
      )}
    </Stack>
  );
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
  // Set when their couples need someone to take them over: known from the page, or the API's 409.
  const [handover, setHandover] = useState<string>();
  const [successor, setSuccessor] = useState('');
  const [successorError, setSuccessorError] = useState<string>();

  const close = () => {
    setOpen(false);
    setHandover(undefined);
    setSuccessor('');
    setSuccessorError(undefined);
  };

  const confirm = () => {
    if (handover && !successor) return setSuccessorError('Choose who takes over their couples.');
    const handingOver = Boolean(handover && successor);
    update(
      'staff',
      {
        id: record.id,
        data: { status: next, ...(handingOver ? { [REASSIGN_FIELD]: successor } : {}) },
        previousData: record,
      },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          close();
          // Deactivation ends the person's sessions at once, this one included when it is ours.
          if (isSelf && deactivating) return void logout();
          notify(
            deactivating
              ? `${record.name} is deactivated and signed out everywhere.${handingOver ? ' Their couples have a new therapist.' : ''}`
              : `${record.name} is active again and can sign in.`,
            { type: 'success' },
          );
        },
        onError: (error) => {
          // Their couples cannot be left without a therapist: ask who takes over, then try again.
          const request = deactivating ? handoverRequest(error) : undefined;
          if (request) return setHandover(request);
          const fieldError = handover ? submissionErrors(error)?.[REASSIGN_FIELD] : undefined;
          if (fieldError) return setSuccessorError(fieldError);
          // The API explains other refusals, e.g. that this would leave the clinic without an active admin.
          close();
          notify(errorMessage(error), { type: 'error' });
        },
      },
    );
  };

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
        onClick={() => {
          setHandover(deactivating ? handoverPrompt(record) : undefined);
          setOpen(true);
        }}
      >
        {deactivating ? 'Deactivate' : 'Reactivate'}
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title={deactivating ? `Deactivate ${record.name}?` : `Reactivate ${record.name}?`}
        content={
          <>
            <DialogContentText>
              {deactivating
                ? `${isSelf ? 'You will be signed out straight away and' : `${record.name} is signed out everywhere at once and`} cannot sign in until an administrator reactivates the account. Couples, homework and notes stay in the clinic.`
                : `${record.name} can sign in again with their existing password.`}
            </DialogContentText>
            {handover && (
              <HandoverChoice
                record={record}
                request={handover}
                successor={successor}
                onSuccessorChange={(id) => {
                  setSuccessor(id);
                  setSuccessorError(undefined);
                }}
                error={successorError}
              />
            )}
          </>
        }
        confirm={deactivating ? (handover ? 'Deactivate and hand over' : 'Deactivate') : 'Reactivate'}
        confirmColor="warning"
        onConfirm={confirm}
        onClose={close}
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
