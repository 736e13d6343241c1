import { Chip, type ChipProps, Typography } from '@mui/material';
import type { StaffMember, StaffRole, StaffStatus } from '@trellis/contracts';
import { useRecordContext } from 'react-admin';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, STATUS_LABELS } from './staffLabels';

// Colour repeats the word, never replaces it; each pair meets WCAG AA in both themes.
const statusChipProps: Record<StaffStatus, Pick<ChipProps, 'color' | 'variant'>> = {
  active: { color: 'success', variant: 'filled' },
  invited: { color: 'primary', variant: 'outlined' },
  deactivated: { color: 'default', variant: 'filled' },
};

export const StaffStatusChip = ({ status }: { status: StaffStatus }) => (
  <Chip size="small" label={STATUS_LABELS[status]} {...statusChipProps[status]} />
);

/** The record's status as a chip, for lists and the person's page. */
export const StaffStatusField = () => {
  const record = useRecordContext<StaffMember>();
  return record ? <StaffStatusChip status={record.status} /> : null;
};

export const StaffRoleField = () => {
  const record = useRecordContext<StaffMember>();
  return record ? <>{ROLE_LABELS[record.role]}</> : null;
};

/** A role as a radio option: its name, and what it allows underneath. The choice is the record. */
export const RoleChoice = () => {
  const choice = useRecordContext<{ id: StaffRole }>();
  return choice ? (
    <span>
      {ROLE_LABELS[choice.id]}
      <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
        {ROLE_DESCRIPTIONS[choice.id]}
      </Typography>
    </span>
  ) : null;
};
