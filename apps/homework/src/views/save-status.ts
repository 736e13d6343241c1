import type { AutosaveStatus } from '../state/autosave';

export const OFFLINE_TEXT = 'Offline — your answers are kept on this device and will be saved when you’re back online';

/**
 * The words of the save status line (an aria-live="polite" region), or undefined to leave the line
 * as it is. `time` formats an ISO timestamp as a local clock time.
 */
export const saveStatusText = (status: AutosaveStatus, time: (iso: string) => string): string | undefined => {
  switch (status.kind) {
    case 'saving':
      return 'Saving…';
    case 'saved': {
      const at = time(status.savedAt);
      return at ? `Saved at ${at}` : 'Saved';
    }
    case 'offline':
      return OFFLINE_TEXT;
    case 'retrying':
      return 'We couldn’t save just now. Your answers are kept on this device and we’ll keep trying.';
    case 'invalid':
      return Object.keys(status.errors).length > 0
        ? 'Some answers couldn’t be saved — see the note by the question.'
        : 'Some answers couldn’t be saved. They are kept on this device.';
    case 'halted':
      // The page changes view for these; nothing to say on the line itself.
      return undefined;
  }
};

/** The line before any save happens on this visit. */
export const initialStatusText = (lastSavedAt: string | null, time: (iso: string) => string): string => {
  const at = lastSavedAt ? time(lastSavedAt) : '';
  return at ? `Last saved at ${at}. Your answers save as you type.` : 'Your answers save as you type.';
};
