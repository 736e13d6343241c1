import CancelIcon from '@mui/icons-material/Cancel';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import SendIcon from '@mui/icons-material/Send';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
  Tooltip,
} from '@mui/material';
import type { AssignmentSummary, PartnerProgress } from '@trellis/contracts';
import { useState, type FormEvent } from 'react';
import { Confirm, useDataProvider, useNotify } from 'react-admin';
import { formatDateTime, isInFuture, isoOrNull, toLocalInputValue } from '../../common/dates';
import type { TrellisDataProvider } from '../../data/dataProvider';
import { errorMessage, submissionErrors } from '../../data/formErrors';

/** `yyyy-MM-ddTHH:mm` in local time, for a datetime-local input. */
interface ActionProps {
  assignment: AssignmentSummary;
  /** After a change: reload whatever shows the homework. */
  onChanged: () => void;
}

/** "Move due date": a new time in the future (the API refuses the past). */
export const MoveDueButton = ({ assignment, onChanged }: ActionProps) => {
  const dataProvider = useDataProvider<TrellisDataProvider>();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(() => toLocalInputValue(assignment.dueAt));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const dueAt = isoOrNull(value);
    if (!dueAt) return setError('Choose a date and time.');
    if (!isInFuture(dueAt)) return setError('Choose a time in the future.');
    setBusy(true);
    try {
      await dataProvider.update('assignments', { id: assignment.id, data: { dueAt }, previousData: assignment });
      notify(`“${assignment.title}” is now due ${formatDateTime(dueAt)}.`, { type: 'success' });
      setOpen(false);
      onChanged();
    } catch (failure) {
      setError(submissionErrors(failure)?.dueAt ?? errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        startIcon={<EventRepeatIcon />}
        onClick={() => {
          setValue(toLocalInputValue(assignment.dueAt));
          setError(undefined);
          setOpen(true);
        }}
      >
        Move due date
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={`move-due-${assignment.id}`}>
        <form onSubmit={submit} noValidate>
          <DialogTitle id={`move-due-${assignment.id}`}>Move the due date</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>
              “{assignment.title}” is due {formatDateTime(assignment.dueAt)}. Reminders follow the new date.
            </DialogContentText>
            <TextField
              type="datetime-local"
              label="New due date"
              value={value}
              onChange={(event) => setValue(event.target.value)}
              error={Boolean(error)}
              helperText={error ?? 'In your own time zone.'}
              autoFocus
              fullWidth
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" variant="contained" disabled={busy}>
              {busy ? 'Saving…' : 'Move'}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};

/** Cancel homework: it stays in the history, marked cancelled, and the links stop working. */
export const CancelAssignmentButton = ({ assignment, onChanged }: ActionProps) => {
  const dataProvider = useDataProvider<TrellisDataProvider>();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const cancel = async () => {
    setBusy(true);
    try {
      await dataProvider.act('/assignments/{id}/cancel', { id: assignment.id });
      notify(`“${assignment.title}” is cancelled.`, { type: 'info' });
      onChanged();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  return (
    <>
      <Button size="small" color="error" startIcon={<CancelIcon />} onClick={() => setOpen(true)}>
        Cancel homework
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title={`Cancel “${assignment.title}”?`}
        content="The partners’ links stop working and no more reminders are sent. What they already wrote stays in the history."
        confirm="Cancel homework"
        cancel="Keep it"
        confirmColor="warning"
        onConfirm={cancel}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

interface PartnerLinkProps extends ActionProps {
  partner: PartnerProgress;
  /** From the couple's record when known: without consent the API refuses to email a link (409). */
  emailConsent?: boolean;
}

/** Resend a partner's link (a new one; the old stops working) or revoke it outright. */
export const PartnerLinkActions = ({ assignment, partner, emailConsent, onChanged }: PartnerLinkProps) => {
  const dataProvider = useDataProvider<TrellisDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState<'resend' | 'revoke'>();
  const [confirmRevoke, setConfirmRevoke] = useState(false);
  const canResend = partner.status !== 'submitted';

  const run = async (action: 'resend' | 'revoke') => {
    setBusy(action);
    try {
      await dataProvider.act(`/assignments/{id}/partners/{clientId}/link/${action}` as const, {
        id: assignment.id,
        clientId: partner.clientId,
      });
      notify(
        action === 'resend'
          ? `A new link is on its way to ${partner.name}. The previous one no longer works.`
          : `${partner.name}’s link no longer works. Resend it to give them a new one.`,
        { type: 'success' },
      );
      onChanged();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(undefined);
      setConfirmRevoke(false);
    }
  };

  return (
    <>
      {canResend && (
        <Tooltip
          title={
            emailConsent === false ? `${partner.name} has not agreed to receive email: update their consent first.` : ''
          }
        >
          <span>
            <Button
              size="small"
              startIcon={<SendIcon />}
              onClick={() => run('resend')}
              disabled={busy !== undefined || emailConsent === false}
              aria-label={`Resend link to ${partner.name}`}
            >
              {busy === 'resend' ? 'Sending…' : 'Resend link'}
            </Button>
          </span>
        </Tooltip>
      )}
      <Button
        size="small"
        color="inherit"
        startIcon={<LinkOffIcon />}
        onClick={() => setConfirmRevoke(true)}
        disabled={busy !== undefined}
        aria-label={`Revoke link for ${partner.name}`}
      >
        Revoke link
      </Button>
      <Confirm
        isOpen={confirmRevoke}
        loading={busy === 'revoke'}
        title={`Revoke ${partner.name}’s link?`}
        content="The link stops working at once, for example if it was sent to the wrong address or the phone was lost. Their saved answers stay. Resend the link to give them a new one."
        confirm="Revoke link"
        confirmColor="warning"
        onConfirm={() => run('revoke')}
        onClose={() => setConfirmRevoke(false)}
      />
    </>
  );
};
