import { FormControlLabel, Switch } from '@mui/material';
import { useState, type ChangeEvent } from 'react';
import { useNotify, usePermissions } from 'react-admin';
import { errorMessage } from '../../data/formErrors';
import { callApi } from '../../data/api';
import { useApiGet } from '../../data/useApiQuery';

/**
 * A therapist's own choice of the Monday digest, above their digest list. Off stops the weekly
 * schedule (pre-session digests are not affected); the queue view's answer for a weekly run points
 * here.
 */
export const WeeklyDigestSwitch = () => {
  const { permissions } = usePermissions();
  const isTherapist = permissions === 'therapist';
  const stored = useApiGet('/digests/preferences', {}, { enabled: isTherapist });
  const [chosen, setChosen] = useState<boolean>();
  const [saving, setSaving] = useState(false);
  const notify = useNotify();
  if (!isTherapist || stored.error) return null;

  const weekly = chosen ?? stored.data?.weekly;
  const choose = async (_event: ChangeEvent<HTMLInputElement>, next: boolean) => {
    setSaving(true);
    try {
      const json = await callApi('put', '/digests/preferences', { params: {}, body: { weekly: next } });
      setChosen(json.weekly);
      notify(
        json.weekly
          ? 'Your weekly digest will be emailed every Monday morning.'
          : 'No more weekly digests. Digests before a session still come.',
        { type: 'success' },
      );
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormControlLabel
      sx={{ mt: 1 }}
      control={
        <Switch
          checked={weekly ?? false}
          disabled={weekly === undefined || saving}
          onChange={(e, next) => void choose(e, next)}
        />
      }
      label="Email me a weekly digest every Monday"
    />
  );
};
