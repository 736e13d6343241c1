import { Box, Paper, Typography } from '@mui/material';
import type { StaffMember } from '@trellis/contracts';
import { useMemo } from 'react';
import {
  DateTimeInput,
  email,
  maxLength,
  RadioButtonGroupInput,
  required,
  SelectInput,
  TextInput,
  useGetList,
  usePermissions,
} from 'react-admin';
import { EXERCISE_PHASE_LABELS, EXERCISE_PHASES, PARTNER_ROLE_LABELS, PARTNER_ROLES } from '@trellis/domain';
import { parseDateTimeInput } from '../../common/dates';
import { TimeZoneInput } from '../../common/TimeZoneInput';
import { timeZoneChoices } from '../../common/timeZones';
import { consentChoice, consentFromChoice } from './couplePayload';

const CONSENT_CHOICES = [
  { id: 'yes', name: 'Yes, email them their homework' },
  { id: 'no', name: 'No, do not email them' },
];
const validateConsent = required('Choose whether this partner agrees to receive homework by email.');

const validateName = [required(), maxLength(200)];
const validateEmail = [required(), email(), maxLength(254)];

const ROLE_CHOICES = PARTNER_ROLES.map((id) => ({ id, name: PARTNER_ROLE_LABELS[id] }));
const PHASE_CHOICES = EXERCISE_PHASES.map((id) => ({ id, name: EXERCISE_PHASE_LABELS[id] }));

const PartnerInputs = ({
  index,
  currentZones,
  editing,
}: {
  index: 0 | 1;
  currentZones: readonly (string | undefined)[];
  editing: boolean;
}) => {
  const zones = useMemo(() => timeZoneChoices(undefined, [...currentZones, 'UTC']), [currentZones]);
  const prefix = `partners.${index}`;
  const headingId = `partner-${index + 1}-heading`;
  return (
    <Paper
      variant="outlined"
      component="fieldset"
      aria-labelledby={headingId}
      sx={{ p: 2, m: 0, flex: 1, minWidth: 0 }}
    >
      <Typography id={headingId} component="legend" variant="subtitle1" sx={{ fontWeight: 500, px: 0.5 }}>
        {index === 0 ? 'Partner A' : 'Partner B'}
      </Typography>
      <TextInput source={`${prefix}.name`} label="Name" autoComplete="off" validate={validateName} fullWidth />
      <TextInput
        source={`${prefix}.email`}
        type="email"
        label="Email"
        autoComplete="off"
        validate={validateEmail}
        fullWidth
      />
      <TimeZoneInput
        source={`${prefix}.timezone`}
        label="Time zone"
        choices={zones}
        validate={required()}
        helperText="Reminders and due dates are shown in this zone. Find it by city or by name, e.g. Eastern or EST."
        fullWidth
      />
      <RadioButtonGroupInput
        source={`${prefix}.emailConsent`}
        label="Agrees to receive homework by email?"
        choices={CONSENT_CHOICES}
        format={consentChoice}
        parse={consentFromChoice}
        validate={validateConsent}
        translateChoice={false}
        helperText="Without consent, Trellis emails this partner nothing; homework waits and is sent once they agree."
      />
      {editing && (
        <SelectInput
          source={`${prefix}.role`}
          label="Role in what happened"
          choices={ROLE_CHOICES}
          translateChoice={false}
          validate={required()}
          helperText="Only you see this. Some exercises ask the partner who was hurt and the partner who broke trust different questions."
          fullWidth
        />
      )}
    </Paper>
  );
};

/** Both partners side by side on wide screens, one above the other on narrow ones. */
export const PartnersInputs = ({
  currentZones = [],
  editing = false,
}: {
  currentZones?: readonly (string | undefined)[];
  /** Roles are recorded on an existing couple, once the therapist has seen each partner. */
  editing?: boolean;
}) => (
  <Box sx={{ width: '100%' }}>
    <Typography component="h2" variant="h6" sx={{ mt: 1 }}>
      Partners
    </Typography>
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
      Each partner answers homework separately through their own link. Partners may share one email address.
    </Typography>
    <Box sx={{ display: 'flex', flexDirection: { xs: 'column', md: 'row' }, gap: 2 }}>
      <PartnerInputs index={0} currentZones={currentZones} editing={editing} />
      <PartnerInputs index={1} currentZones={currentZones} editing={editing} />
    </Box>
  </Box>
);

/** Admins choose whose caseload the couple belongs to; therapists' couples are their own. */
export const TherapistInput = ({ helperText, editing = false }: { helperText?: string; editing?: boolean }) => {
  const { permissions } = usePermissions();
  const isAdmin = permissions === 'admin';
  const { data, isPending } = useGetList<StaffMember>(
    'staff',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' }, filter: { status: 'active' } },
    { enabled: isAdmin },
  );
  if (!isAdmin) return null;
  return (
    <SelectInput
      source="therapistId"
      label="Therapist"
      choices={data ?? []}
      optionText="name"
      isPending={isPending}
      translateChoice={false}
      helperText={helperText}
      // New couples default to the admin's own caseload; an existing couple always has a therapist.
      emptyText="Me"
      validate={editing ? required() : undefined}
      fullWidth
    />
  );
};

/** The phase of recovery, set by the therapist; the assign dialog warns about later-phase exercises. */
export const CouplePhaseInput = () => (
  <SelectInput
    source="phase"
    label="Phase"
    choices={PHASE_CHOICES}
    translateChoice={false}
    emptyText="Not set"
    helperText="Where the couple is in recovery. Assigning an exercise from a later phase shows a caution."
    fullWidth
  />
);

export const CoupleDetailsInputs = () => (
  <>
    <TextInput
      source="displayName"
      label="Couple’s name"
      validate={validateName}
      helperText="How the couple appears in your caseload, for example “Alex & Sam Rivera”."
      fullWidth
    />
    <DateTimeInput
      source="nextSessionAt"
      label="Next session"
      parse={parseDateTimeInput}
      helperText="Optional. In your own time zone."
    />
  </>
);
