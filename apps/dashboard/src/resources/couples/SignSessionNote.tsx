import DrawIcon from '@mui/icons-material/Draw';
import { Button } from '@mui/material';
import { useState } from 'react';
import { Confirm, useNotify } from 'react-admin';
import { errorMessage } from '../../data/formErrors';
import { callApi } from '../../data/api';
import { SIGN_NOTE_TEXT } from '../notes/noteLabels';
import { isBlankNote } from '../notes/notes';

/**
 * Signs a session's draft note from the session, with the Notes tab's rules: the therapist
 * confirms (a signed note is final), and an empty draft is not signed. The API lets only the
 * couple's own therapist sign, which is also who sees the session's note.
 */
export const SignSessionNote = ({ noteId, onSigned }: { noteId: string; onSigned: () => void }) => {
  const notify = useNotify();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const ask = async () => {
    setBusy(true);
    try {
      // The session knows only that a draft exists: read it, so an empty one is not signed.
      const note = await callApi('get', '/notes/{id}', { params: { id: noteId } });
      if (note.signedAt) onSigned();
      else if (isBlankNote(note.sections))
        notify(`${SIGN_NOTE_TEXT.blank}: the draft is empty. Edit it in the Notes tab.`, { type: 'warning' });
      else setConfirming(true);
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const sign = async () => {
    setBusy(true);
    try {
      await callApi('post', '/notes/{id}/sign', { params: { id: noteId } });
      notify(SIGN_NOTE_TEXT.done, { type: 'success' });
      setConfirming(false);
      onSigned();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button startIcon={<DrawIcon />} onClick={() => void ask()} disabled={busy && !confirming}>
        Sign note
      </Button>
      <Confirm
        isOpen={confirming}
        loading={busy}
        title={SIGN_NOTE_TEXT.title}
        content={SIGN_NOTE_TEXT.content}
        confirm={SIGN_NOTE_TEXT.confirm}
        confirmColor="warning"
        onConfirm={() => void sign()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
};
