import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import DrawIcon from '@mui/icons-material/Draw';
import EditIcon from '@mui/icons-material/Edit';
import LockIcon from '@mui/icons-material/Lock';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import {
  Alert,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Chip,
  CircularProgress,
  Divider,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { NOTE_SECTIONS, type CoupleView, type SessionNoteView } from '@trellis/contracts';
import { useState, type FormEvent } from 'react';
import {
  Confirm,
  HttpError,
  useDataProvider,
  useGetIdentity,
  useGetList,
  useNotify,
  usePermissions,
} from 'react-admin';
import { formatCalendarDate, formatDateTime } from '../../common/dates';
import type { ParentMeta, TrellisDataProvider } from '../../data/dataProvider';
import { errorMessage, submissionErrors } from '../../data/formErrors';
import { NOTE_FORMAT_LABELS, SIGN_NOTE_TEXT, sectionLabel } from './noteLabels';
import { NoteForm } from './NoteForm';
import { isBlankNote, sortNotes, type NoteBody } from './notes';

const PrivateNotes = () => (
  <Alert severity="info" icon={<LockIcon />}>
    Notes are private to the couple’s therapist. Administrators can see the couple and their homework, but not session
    notes.
  </Alert>
);

const NoteSections = ({ note }: { note: SessionNoteView }) => (
  <Box component="dl" sx={{ m: 0, '& dt': { fontWeight: 500, mt: 1.5 }, '& dd': { m: 0, whiteSpace: 'pre-wrap' } }}>
    {NOTE_SECTIONS[note.format].map((section) => (
      <Box key={section}>
        {note.format !== 'free' && <dt>{sectionLabel(section)}</dt>}
        <dd>
          {note.sections[section]?.trim() || (
            <Typography component="span" color="text.secondary">
              (empty)
            </Typography>
          )}
        </dd>
      </Box>
    ))}
  </Box>
);

const AddendumForm = ({ onAdd }: { onAdd: (body: string) => Promise<void> }) => {
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (!open) {
    return (
      <Button size="small" startIcon={<NoteAddIcon />} onClick={() => setOpen(true)}>
        Add addendum
      </Button>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return setError('Write the correction or addition.');
    setBusy(true);
    try {
      await onAdd(body.trim());
      setBody('');
      setError(undefined);
      setOpen(false);
    } catch (failure) {
      setError(submissionErrors(failure)?.body ?? errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="form" onSubmit={submit} noValidate sx={{ width: '100%' }}>
      <TextField
        label="Addendum"
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={Boolean(error)}
        helperText={
          error ?? 'Signed with your name and the time as soon as you add it; it cannot be changed afterwards.'
        }
        multiline
        minRows={3}
        fullWidth
        autoFocus
        slotProps={{ htmlInput: { maxLength: 20000 } }}
      />
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button type="submit" variant="contained" size="small" disabled={busy}>
          {busy ? 'Adding…' : 'Sign and add'}
        </Button>
        <Button size="small" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </Button>
      </Stack>
    </Box>
  );
};

interface NoteCardProps {
  note: SessionNoteView;
  onChanged: () => void;
}

const NoteCard = ({ note, onChanged }: NoteCardProps) => {
  const dataProvider = useDataProvider<TrellisDataProvider>();
  const notify = useNotify();
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<'sign' | 'delete'>();
  const [busy, setBusy] = useState(false);
  const signed = note.signedAt !== null;
  const headingId = `note-${note.id}`;

  const save = async (body: NoteBody) => {
    await dataProvider.update('notes', {
      id: note.id,
      data: { sessionDate: body.sessionDate, sections: body.sections },
      previousData: note,
    });
    setEditing(false);
    notify('Draft saved.', { type: 'success' });
    onChanged();
  };

  const run = async (action: 'sign' | 'delete') => {
    setBusy(true);
    try {
      if (action === 'sign') await dataProvider.act('/notes/{id}/sign', { id: note.id });
      else await dataProvider.delete('notes', { id: note.id, previousData: note });
      notify(action === 'sign' ? SIGN_NOTE_TEXT.done : 'Draft deleted.', {
        type: 'success',
      });
      onChanged();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
      setConfirm(undefined);
    }
  };

  const addAddendum = async (body: string) => {
    await dataProvider.act('/notes/{id}/addenda', { id: note.id }, { body });
    notify('Addendum added.', { type: 'success' });
    onChanged();
  };

  return (
    <Card variant="outlined" component="article" aria-labelledby={headingId}>
      <CardContent>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography id={headingId} component="h2" variant="subtitle1" sx={{ fontWeight: 500 }}>
            Session of {formatCalendarDate(note.sessionDate)}
          </Typography>
          <Chip size="small" variant="outlined" label={NOTE_FORMAT_LABELS[note.format]} />
          {signed ? (
            <Chip size="small" color="success" icon={<LockIcon />} label="Signed" />
          ) : (
            <Chip size="small" color="warning" variant="outlined" label="Draft" />
          )}
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {signed
            ? `Signed by ${note.authorName} on ${formatDateTime(note.signedAt)}`
            : `Draft by ${note.authorName}, last saved ${formatDateTime(note.updatedAt)}`}
        </Typography>
        {editing ? (
          <NoteForm
            initial={{ format: note.format, sessionDate: note.sessionDate, sections: note.sections }}
            submitLabel="Save draft"
            onSubmit={save}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <NoteSections note={note} />
        )}
        {note.addenda.length > 0 && (
          <Box component="section" aria-label="Addenda" sx={{ mt: 2 }}>
            <Divider sx={{ mb: 1.5 }} />
            <Typography component="h3" variant="subtitle2">
              Addenda
            </Typography>
            {note.addenda.map((addendum) => (
              <Box key={addendum.id} sx={{ mt: 1, pl: 1.5, borderLeft: 3, borderColor: 'divider' }}>
                <Typography variant="body2" color="text.secondary">
                  {addendum.authorName}, {formatDateTime(addendum.signedAt)}
                </Typography>
                <Typography sx={{ whiteSpace: 'pre-wrap' }}>{addendum.body}</Typography>
              </Box>
            ))}
          </Box>
        )}
      </CardContent>
      {!editing && (
        <CardActions sx={{ px: 2, pb: 2, flexWrap: 'wrap', gap: 1 }}>
          {signed ? (
            <AddendumForm onAdd={addAddendum} />
          ) : (
            <>
              <Button size="small" startIcon={<EditIcon />} onClick={() => setEditing(true)}>
                Edit
              </Button>
              <Button
                size="small"
                variant="contained"
                startIcon={<DrawIcon />}
                onClick={() => setConfirm('sign')}
                disabled={isBlankNote(note.sections)}
                title={isBlankNote(note.sections) ? SIGN_NOTE_TEXT.blank : undefined}
              >
                Sign
              </Button>
              <Button size="small" color="error" startIcon={<DeleteIcon />} onClick={() => setConfirm('delete')}>
                Delete draft
              </Button>
            </>
          )}
        </CardActions>
      )}
      <Confirm
        isOpen={confirm !== undefined}
        loading={busy}
        title={confirm === 'sign' ? SIGN_NOTE_TEXT.title : 'Delete this draft?'}
        content={
          confirm === 'sign' ? SIGN_NOTE_TEXT.content : 'The draft is removed for good. Signed notes are never deleted.'
        }
        confirm={confirm === 'sign' ? SIGN_NOTE_TEXT.confirm : 'Delete draft'}
        confirmColor="warning"
        onConfirm={() => confirm && run(confirm)}
        onClose={() => setConfirm(undefined)}
      />
    </Card>
  );
};

/** The therapist's session notes for one couple: drafts, signed notes and their addenda. */
export const NotesTab = ({ couple }: { couple: CoupleView }) => {
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions();
  // Only the couple's own therapist reads notes; the API answers 404 to everyone else, admins included.
  const isOwnTherapist = identity?.id === couple.therapistId;
  const mayRead = isOwnTherapist || permissions !== 'admin';
  const meta: ParentMeta = { parent: { resource: 'couples', id: couple.id } };
  const { data, isPending, error, refetch } = useGetList<SessionNoteView>(
    'notes',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'sessionDate', order: 'DESC' }, meta },
    { enabled: Boolean(identity) && mayRead, retry: false },
  );
  const dataProvider = useDataProvider<TrellisDataProvider>();
  const notify = useNotify();
  const [composing, setComposing] = useState(false);

  if (!identity) return <CircularProgress size={24} aria-label="Loading notes" />;
  if (!mayRead || (error instanceof HttpError && error.status === 404)) return <PrivateNotes />;
  if (error) {
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={() => refetch()}>
            Try again
          </Button>
        }
      >
        {errorMessage(error)}
      </Alert>
    );
  }

  const create = async (body: NoteBody) => {
    // Failures stay in the form, under the field they concern.
    await dataProvider.create('notes', { data: body, meta });
    setComposing(false);
    notify('Draft note saved. Sign it when it is complete.', { type: 'success' });
    void refetch();
  };

  const notes = sortNotes(data ?? []);
  return (
    <Stack spacing={2}>
      {composing ? (
        <Card variant="outlined" component="section" aria-labelledby="new-note-heading">
          <CardContent>
            <Typography id="new-note-heading" component="h2" variant="subtitle1" sx={{ fontWeight: 500, mb: 1 }}>
              New session note
            </Typography>
            <NoteForm submitLabel="Save draft" onSubmit={create} onCancel={() => setComposing(false)} />
          </CardContent>
        </Card>
      ) : (
        <Box>
          <Button variant="contained" startIcon={<NoteAddIcon />} onClick={() => setComposing(true)}>
            New note
          </Button>
        </Box>
      )}
      {isPending ? (
        <CircularProgress size={24} aria-label="Loading notes" />
      ) : notes.length === 0 ? (
        !composing && (
          <Typography color="text.secondary">
            No session notes yet. Start one after your next session with “New note”: SOAP, DAP or free text, saved as a
            draft until you sign it.
          </Typography>
        )
      ) : (
        notes.map((note) => <NoteCard key={note.id} note={note} onChanged={() => void refetch()} />)
      )}
    </Stack>
  );
};
