import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Typography } from '@mui/material';
import type { ClinicSettings, DigestEmailDetail, SafetyScreenView } from '@trellis/contracts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  BooleanInput,
  Form,
  FormDataConsumer,
  HttpError,
  Link,
  maxLength,
  maxValue,
  minValue,
  NumberInput,
  number,
  RadioButtonGroupInput,
  required,
  SaveButton,
  TextInput,
  Title,
  useNotify,
  usePermissions,
} from 'react-admin';
import { useSession } from '../auth/useSession';
import { TimeZoneInput } from '../common/TimeZoneInput';
import { timeZoneChoices } from '../common/timeZones';
import { callApi } from '../data/api';
import { errorMessage, submissionErrors } from '../data/formErrors';
import { changedFields } from '../data/query';
import { ENGAGEMENT_SETTING_MAX } from '@trellis/domain';
import { safetyCheckInFormValues, safetyCheckInSetting, validateSafetyCheckInDays } from './safetyCheckIns';

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; clinic: ClinicSettings; ownScreen: SafetyScreenView | null }
  | { state: 'failed'; message: string };

const validateName = [required(), maxLength(200)];
const validatePoints = [required(), number(), minValue(0.01), maxValue(1000)];
const validateCheckOut = [required(), number(), minValue(-1000), maxValue(1000)];
const validateSessions = [required(), number(), minValue(1), maxValue(100)];
const validateMisses = [required(), number(), minValue(0), maxValue(ENGAGEMENT_SETTING_MAX)];

/** Each choice says exactly what a digest email then carries. */
const DIGEST_EMAIL_CHOICES: { id: DigestEmailDetail; name: string }[] = [
  { id: 'counts', name: 'Totals and a link to Trellis (no names, no answers)' },
  { id: 'names', name: 'Couples by name with their totals (no answers)' },
  { id: 'answers', name: 'Names and the partners’ answers in full' },
];

/** Trellis's check-in, or the clinic's own once it is written (until then it cannot be chosen). */
const safetyScreenChoices = (ownScreen: SafetyScreenView | null) => [
  { id: 'built_in', name: 'Trellis’s private check-in (four questions and an optional note)' },
  {
    id: 'clinic',
    name: ownScreen
      ? `Your clinic’s own screen: “${ownScreen.title}” (version ${ownScreen.version})`
      : 'Your clinic’s own screen (write it first)',
    disabled: ownScreen === null,
  },
];

/** Email leaves the clinic's hands: an admin choosing answers in email is told what that means. */
const AnswersInEmailWarning = () => (
  <FormDataConsumer<Partial<ClinicSettings>>>
    {({ formData }) =>
      formData.digestEmailDetail === 'answers' ? (
        <Alert severity="warning" sx={{ mb: 2 }}>
          Digest emails will carry what partners wrote, free text included. Email can be forwarded, read on shared
          devices and kept by mail providers: choose this only if your clinic’s policies allow clinical text in email.
        </Alert>
      ) : null
    }
  </FormDataConsumer>
);

/** Warns an admin who is about to require something they have not set up themselves. */
const RequirementNotice = ({ clinic, ownTwoFactor }: { clinic: ClinicSettings; ownTwoFactor: boolean | undefined }) => (
  <FormDataConsumer<Partial<ClinicSettings>>>
    {({ formData }) =>
      formData.requireTwoFactor && !clinic.requireTwoFactor ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          After you save, anyone without two-factor sign-in is signed out at once and, when they sign in again, can do
          nothing else until they have set it up.
          {ownTwoFactor === false && ' That includes you: set it up now from Your account to stay signed in.'}
        </Alert>
      ) : null
    }
  </FormDataConsumer>
);

/**
 * `/#/clinic`, administrators only: name, time zone, the two-factor requirement, what digest emails
 * carry, neutral partner emails, the private safety check-ins (off by default; Trellis's questions
 * or the clinic's own screen, `SafetyScreenPage`) and when a couple counts as off track.
 */
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
    // The clinic's own safety screen, if it has one: only then can the check-ins send it.
    const ownScreen = callApi('get', '/clinic/safety-screen', { params: {} }).then(
      (json): SafetyScreenView => json,
      (error: unknown) => {
        if (error instanceof HttpError && error.status === 404) return null;
        throw error;
      },
    );
    Promise.all([callApi('get', '/clinic', { params: {} }), ownScreen]).then(
      ([json, screen]) => current && setLoaded({ state: 'ready', clinic: json, ownScreen: screen }),
      (error: unknown) => current && setLoaded({ state: 'failed', message: errorMessage(error) }),
    );
    return () => {
      current = false;
    };
  }, [isAdmin, attempt]);

  const clinic = loaded.state === 'ready' ? loaded.clinic : undefined;
  const ownScreen = loaded.state === 'ready' ? loaded.ownScreen : null;
  const choices = useMemo(() => timeZoneChoices(undefined, [clinic?.timezone, 'UTC']), [clinic?.timezone]);

  const save = useCallback(
    async (values: Record<string, unknown>) => {
      if (!clinic) return;
      const {
        name,
        timezone,
        requireTwoFactor,
        digestEmailDetail,
        neutralPartnerEmails,
        offTrackRecentDrop,
        offTrackGapWidening,
        offTrackLowCheckOut,
        offTrackSessionsWithoutImprovement,
        gentleReminderAfterMisses,
        engagementTaskAfterMisses,
        safetyCheckInScreen,
      } = values as Partial<ClinicSettings>;
      const safetyCheckInIntervalDays = safetyCheckInSetting(values);
      const changes = changedFields(
        {
          name,
          timezone,
          requireTwoFactor,
          digestEmailDetail,
          neutralPartnerEmails,
          offTrackRecentDrop,
          offTrackGapWidening,
          offTrackLowCheckOut,
          offTrackSessionsWithoutImprovement,
          gentleReminderAfterMisses,
          engagementTaskAfterMisses,
          safetyCheckInIntervalDays,
          safetyCheckInScreen,
        },
        clinic,
      );
      if (Object.keys(changes).length === 0) return void notify('Nothing to save.', { type: 'info' });
      try {
        const json = await callApi('patch', '/clinic', { params: {}, body: changes });
        setLoaded((current) => ({
          state: 'ready',
          clinic: json,
          ownScreen: current.state === 'ready' ? current.ownScreen : null,
        }));
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
          <Form
            key={JSON.stringify(clinic)}
            record={{ ...clinic, ...safetyCheckInFormValues(clinic.safetyCheckInIntervalDays) }}
            onSubmit={save}
          >
            <TextInput source="name" label="Clinic name" validate={validateName} fullWidth />
            <TimeZoneInput
              source="timezone"
              label="Time zone"
              choices={choices}
              validate={required()}
              helperText="Used for reminders and digests sent to staff."
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
            <Typography component="h2" variant="h6" sx={{ mt: 2 }}>
              Digest emails
            </Typography>
            <RadioButtonGroupInput
              source="digestEmailDetail"
              label="What the weekly and pre-session digest emails may contain"
              choices={DIGEST_EMAIL_CHOICES}
              row={false}
              helperText="The full digest is always in Trellis; this decides how much of it travels by email."
            />
            <AnswersInEmailWarning />
            <Typography component="h2" variant="h6" sx={{ mt: 2 }}>
              Emails to partners
            </Typography>
            <BooleanInput
              source="neutralPartnerEmails"
              label="Use neutral subjects and sender names"
              helperText="For partners whose inbox others may see: subjects and the sender name say nothing about counselling, homework or your clinic."
            />
            <Typography component="h2" variant="h6" sx={{ mt: 2 }}>
              Private safety check-ins
            </Typography>
            <BooleanInput
              source="safetyCheckInsOn"
              label="Send each partner a private safety check-in"
              helperText="A few questions each partner answers alone (feeling safe at home, being afraid of their partner). Only the counselor reads the answers; a concerning one pauses the couple’s joint work and alerts the counselor."
            />
            <FormDataConsumer<{ safetyCheckInsOn?: boolean }>>
              {({ formData }) =>
                formData.safetyCheckInsOn ? (
                  <NumberInput
                    source="safetyCheckInIntervalDays"
                    label="Days between check-ins"
                    helperText="The first goes out when work with a couple starts; then one every this many days (7 to 180)."
                    validate={validateSafetyCheckInDays}
                    step={1}
                    fullWidth
                  />
                ) : null
              }
            </FormDataConsumer>
            <RadioButtonGroupInput
              source="safetyCheckInScreen"
              label="Which questions the check-ins ask"
              choices={safetyScreenChoices(ownScreen)}
              row={false}
              helperText={
                <>
                  Each check-in keeps the questions it was sent with, and its answers are judged by them.{' '}
                  <Link to="/clinic/safety-screen">
                    {ownScreen ? 'Edit your clinic’s screen' : 'Write your clinic’s own screen'}
                  </Link>
                </>
              }
            />
            <Typography component="h2" variant="h6" sx={{ mt: 2 }}>
              Off track
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              When a couple shows in the Off-track panel on the home screen. Points are on each measure’s own scale: the
              weekly check-in runs 0–50, the session check-out 0–10. A measure with a reliable-change threshold uses it
              instead of the drop below.
            </Typography>
            <NumberInput
              source="offTrackRecentDrop"
              label="A partner’s drop over the last three check-ins (points)"
              validate={validatePoints}
              step={0.5}
              fullWidth
            />
            <NumberInput
              source="offTrackGapWidening"
              label="The gap between partners growing over the last three check-ins (points)"
              validate={validatePoints}
              step={0.5}
              fullWidth
            />
            <NumberInput
              source="offTrackLowCheckOut"
              label="A session check-out below this is low"
              validate={validateCheckOut}
              step={0.5}
              fullWidth
            />
            <NumberInput
              source="offTrackSessionsWithoutImprovement"
              label="Sessions without real improvement"
              helperText="Counted from the first check-in, by the session notes written."
              validate={validateSessions}
              step={1}
              fullWidth
            />
            <Typography component="h2" variant="h6" sx={{ mt: 2 }}>
              Homework engagement
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              A homework counts as missed when it is not submitted by its due date. 0 turns a step off.
            </Typography>
            <NumberInput
              source="gentleReminderAfterMisses"
              label="Gentler, shorter reminders after this many missed in a row"
              helperText="The partner’s reminders drop the due date and the “still waiting” wording."
              validate={validateMisses}
              step={1}
              fullWidth
            />
            <NumberInput
              source="engagementTaskAfterMisses"
              label="Ask the therapist to check in after this many missed in a row"
              helperText="A “Check in with …” task on the home screen, and the partner named in the weekly digest."
              validate={validateMisses}
              step={1}
              fullWidth
            />
            <Box>
              <SaveButton label="Save settings" icon={<SaveIcon />} />
            </Box>
          </Form>
        )}
      </CardContent>
    </Card>
  );
};
