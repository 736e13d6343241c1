import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Typography } from '@mui/material';
import type { ClinicSettings } from '@trellis/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  Form,
  FormDataConsumer,
  maxLength,
  required,
  SaveButton,
  TextInput,
  Title,
  useNotify,
  usePermissions,
} from 'react-admin';
import { useSession } from '../auth/useSession';
import { timeZoneChoices } from '../common/timeZones';
import { httpClient } from '../data/httpClient';
import { errorMessage, submissionErrors } from '../data/formErrors';
import { changedFields } from '../data/query';

type Loaded = { state: 'loading' } | { state: 'ready'; clinic: ClinicSettings } | { state: 'failed'; message: string };

const validateName = [required(), maxLength(200)];

/** Warns an admin who is about to require something they have not set up themselves. */
const RequirementNotice = ({ clinic, ownTwoFactor }: { clinic: ClinicSettings; ownTwoFactor: boolean | undefined }) => (
  <FormDataConsumer<Partial<ClinicSettings>>>
    {({ formData }) =>
      formData.requireTwoFactor && !clinic.requireTwoFactor ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          After you save, anyone without two-factor sign-in is asked to set it up the next time they sign in, and can do
          nothing else until they have.
          {ownTwoFactor === false && ' That includes you: you can set it up now from Your account.'}
        </Alert>
      ) : null
    }
  </FormDataConsumer>
);

/** `/#/clinic`, administrators only: the clinic's name, time zone and the two-factor requirement. */
export const ClinicSettingsPage = () => {
  const { permissions, isPending: permissionsPending } = usePermissions();
  const { session } = useSession();
  const notify = useNotify();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const isAdmin = permissions === 'admin';

  useEffect(() => {
    if (!isAdmin) return;
    let current = true;
    setLoaded({ state: 'loading' });
    httpClient<ClinicSettings>('/clinic').then(
      ({ json }) => current && setLoaded({ state: 'ready', clinic: json }),
      (error: unknown) => current && setLoaded({ state: 'failed', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [isAdmin, attempt]);

  const clinic = loaded.state === 'ready' ? loaded.clinic : undefined;
  const choices = useMemo(() => timeZoneChoices(undefined, [clinic?.timezone, 'UTC']), [clinic?.timezone]);

  const save = useCallback(
    async (values: Record<string, unknown>) => {
      if (!clinic) return;
      const { name, timezone, requireTwoFactor } = values as Partial<ClinicSettings>;
      const changes = changedFields({ name, timezone, requireTwoFactor }, clinic);
      if (Object.keys(changes).length === 0) return void notify('Nothing to save.', { type: 'info' });
      try {
        const { json } = await httpClient<ClinicSettings>('/clinic', { method: 'PATCH', body: changes });
        setLoaded({ state: 'ready', clinic: json });
        notify('Clinic settings saved.', { type: 'success' });
      } catch (error) {
        const fieldErrors = submissionErrors(error);
        if (fieldErrors) return fieldErrors;
        notify(errorMessage(error), { type: 'error' });
      }
    },
    [clinic, notify],
  );

  if (permissionsPending) return <CircularProgress sx={{ m: 3 }} aria-label="Loading" />;
  if (!isAdmin) {
    return (
      <Alert severity="info" sx={{ mt: 2, maxWidth: 720 }}>
        Clinic settings are for administrators. Ask one of your clinic’s administrators to change them.
      </Alert>
    );
  }

  return (
    <Card sx={{ mt: 2, maxWidth: 720 }}>
      <Title title="Clinic settings" />
      <CardContent>
        <Typography component="h1" variant="h5" gutterBottom>
          Clinic settings
        </Typography>
        {loaded.state === 'loading' && <CircularProgress aria-label="Loading clinic settings" />}
        {loaded.state === 'failed' && (
          <Alert
            severity="error"
            action={
              <Button color="inherit" size="small" onClick={() => setAttempt((n) => n + 1)}>
                Try again
              </Button>
            }
          >
            {loaded.message}
          </Alert>
        )}
        {clinic && (
          // Keyed by the saved record so the form restarts from what the server now holds.
          <Form key={JSON.stringify(clinic)} record={clinic} onSubmit={save}>
            <TextInput source="name" label="Clinic name" validate={validateName} fullWidth />
            <AutocompleteInput
              source="timezone"
              label="Time zone"
              choices={choices}
              validate={required()}
              helperText="Used for reminders and digests sent to staff."
              disableClearable
              fullWidth
            />
            <Typography component="h2" variant="h6" sx={{ mt: 2 }}>
              Sign-in security
            </Typography>
            <BooleanInput
              source="requireTwoFactor"
              label="Require two-factor sign-in for everyone"
              helperText="Each person signs in with their password and a code from an authenticator app."
            />
            <RequirementNotice clinic={clinic} ownTwoFactor={session?.twoFactorEnabled} />
            <Box>
              <SaveButton label="Save settings" icon={<SaveIcon />} />
            </Box>
          </Form>
        )}
      </CardContent>
    </Card>
  );
};
