import type { ApiResult } from '../api';
import { promptErrors } from '../problem';
import type { SaveOutcome } from './autosave';

/** Draft-save responses, as the autosave loop understands them. */
export const saveOutcome = (result: ApiResult<{ savedAt: string }>, promptIds: readonly string[]): SaveOutcome => {
  if (result.ok) return { kind: 'saved', savedAt: result.data.savedAt };
  switch (result.status) {
    case 0:
      return { kind: 'offline' };
    case 400:
      return { kind: 'invalid', errors: promptErrors(result.fieldErrors, promptIds).byPrompt };
    case 401:
    case 404:
      return { kind: 'halt', reason: 'unauthorized' };
    case 409:
      return { kind: 'halt', reason: 'submitted' };
    default:
      return { kind: 'retry', afterMs: result.retryAfterMs };
  }
};
