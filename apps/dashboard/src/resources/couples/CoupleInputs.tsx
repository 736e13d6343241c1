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

const PartnerInputs = ({ index, currentZones }: { index: 0 | 1; currentZones: readonly (string | undefined)[] }) => {
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
    </Paper>
  );
};

/** Both partners side by side on wide screens, one above the other on narrow ones. */
export const PartnersInputs = ({ currentZones = [] }: { currentZones?: readonly (string | undefined)[] }) => (
  <Box sx={{ width: '100%' }}>
    <Typography component="h2" variant="h6" sx={{ mt: 1 }}>
      Partners
    </Typography>
    <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
      Each partner answers homework separately through their own link. Partners may share one email address.
    </Typography>
    <Box sx={{ display: 'flex', flexDirection: { xs: 'column', md: 'row' }, gap: 2 }}>
      <PartnerInputs index={0} currentZones={currentZones} />
      <PartnerInputs index={1} currentZones={currentZones} />
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
