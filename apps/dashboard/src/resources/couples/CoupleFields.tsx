import { Chip, type ChipProps, Stack, Typography } from '@mui/material';
import type { CaseloadRow, CoupleStatus } from '@trellis/contracts';
import { formatDateTime, relativeTime } from '../../common/dates';
import { COUPLE_STATUS_LABELS } from './coupleLabels';

// Colour repeats the word, never replaces it.
const statusChipProps: Record<CoupleStatus, Pick<ChipProps, 'color' | 'variant'>> = {
  active: { color: 'success', variant: 'outlined' },
  paused: { color: 'warning', variant: 'outlined' },
  discharged: { color: 'default', variant: 'filled' },
};

export const CoupleStatusChip = ({ status }: { status: CoupleStatus }) => (
  <Chip size="small" label={COUPLE_STATUS_LABELS[status]} {...statusChipProps[status]} />
);

/** "Thu, 1 May 2026, 17:00 · in 3 days", or "Not scheduled". */
export const NextSession = ({ at, variant = 'body2' }: { at: string | null; variant?: 'body1' | 'body2' }) =>
  at ? (
    <Typography component="span" variant={variant}>
      {formatDateTime(at)}
      <Typography component="span" variant="body2" color="text.secondary">
        {' · '}
        {relativeTime(at)}
      </Typography>
    </Typography>
  ) : (
    <Typography component="span" variant={variant} color="text.secondary">
      Not scheduled
    </Typography>
  );

/** The caseload's homework counts as chips; nothing open shows as a quiet dash. */
export const HomeworkCounts = ({
  row,
}: {
  row: Pick<CaseloadRow, 'openCount' | 'overdueCount' | 'awaitingReviewCount'>;
}) => {
  const { openCount, overdueCount, awaitingReviewCount } = row;
  if (openCount === 0 && overdueCount === 0 && awaitingReviewCount === 0) {
    return (
      <Typography component="span" variant="body2" color="text.secondary" aria-label="No homework open">
        —
      </Typography>
    );
  }
  return (
    // Spans, not divs: the phone layout shows this inside a line of text.
    <Stack component="span" direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {openCount > 0 && <Chip size="small" variant="outlined" label={`${openCount} open`} />}
      {overdueCount > 0 && <Chip size="small" color="error" label={`${overdueCount} overdue`} />}
      {awaitingReviewCount > 0 && <Chip size="small" color="primary" label={`${awaitingReviewCount} to review`} />}
    </Stack>
  );
};
