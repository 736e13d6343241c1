import AssignmentIcon from '@mui/icons-material/AssignmentOutlined';
import CancelIcon from '@mui/icons-material/EventBusy';
import DraftIcon from '@mui/icons-material/EditNote';
import SignedIcon from '@mui/icons-material/Draw';
import ReviewedIcon from '@mui/icons-material/RateReview';
import SubmittedIcon from '@mui/icons-material/TaskAlt';
import type { SvgIconComponent } from '@mui/icons-material';
import { Alert, Box, Button, CircularProgress, Link, Stack, Typography } from '@mui/material';
import type { CoupleView, TimelineEvent, TimelineEventKind } from '@trellis/contracts';
import { LinkBase, useGetIdentity } from 'react-admin';
import { formatCalendarDate, formatTime } from '../../common/dates';
import { errorMessage } from '../../data/formErrors';
import { useApiGet } from '../../data/useApiQuery';
import { TIMELINE_KIND_LABELS } from './coupleLabels';
import { groupByDay, timelineLink, timelineText } from './timeline';

const KIND_ICONS: Record<TimelineEventKind, SvgIconComponent> = {
  assigned: AssignmentIcon,
  submitted: SubmittedIcon,
  reviewed: ReviewedIcon,
  cancelled: CancelIcon,
  note_signed: SignedIcon,
  note_draft: DraftIcon,
};

const KIND_COLORS: Record<TimelineEventKind, string> = {
  assigned: 'text.secondary',
  submitted: 'success.main',
  reviewed: 'primary.main',
  cancelled: 'text.secondary',
  note_signed: 'primary.main',
  note_draft: 'warning.main',
};

const EventItem = ({ event, coupleId }: { event: TimelineEvent; coupleId: string }) => {
  const Icon = KIND_ICONS[event.kind];
  return (
    <Box component="li" sx={{ display: 'flex', gap: 1.5, py: 1 }}>
      {/* The kind is also written out below the link; the icon only repeats it. */}
      <Icon aria-hidden sx={{ color: KIND_COLORS[event.kind], mt: 0.25 }} />
      <Box>
        <Link component={LinkBase} to={timelineLink(event, coupleId)} underline="hover" sx={{ fontWeight: 500 }}>
          {timelineText(event)}
        </Link>
        <Typography variant="body2" color="text.secondary">
          {TIMELINE_KIND_LABELS[event.kind]} · <time dateTime={event.at}>{formatTime(event.at)}</time>
        </Typography>
      </Box>
    </Box>
  );
};

/** Everything that happened with one couple, newest first, a heading per day. */
export const TimelineTab = ({ couple }: { couple: CoupleView }) => {
  const { identity } = useGetIdentity();
  const { data, isPending, error, refetch } = useApiGet('/couples/{id}/timeline', { id: couple.id });
  // Notes are private to the couple's therapist: everyone else's timeline comes without them.
  const notesLeftOut = Boolean(identity) && String(identity?.id) !== couple.therapistId;

  if (isPending) return <CircularProgress size={24} aria-label="Loading the timeline" />;
  if (!data) {
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={refetch}>
            Try again
          </Button>
        }
      >
        {errorMessage(error)}
      </Alert>
    );
  }

  const days = groupByDay(data.data);
  return (
    <Stack spacing={2}>
      {notesLeftOut && (
        <Alert severity="info">
          Session notes are private to the couple’s therapist, so they are not on this timeline.
        </Alert>
      )}
      {days.length === 0 ? (
        <Box sx={{ py: 2 }}>
          <Typography gutterBottom>Nothing has happened yet.</Typography>
          <Typography color="text.secondary">
            Assign homework from the Homework tab: it shows here, then each partner’s submission and your review
            {notesLeftOut ? '.' : ', along with your session notes.'}
          </Typography>
        </Box>
      ) : (
        days.map((group) => (
          <Box component="section" key={group.day} aria-labelledby={`timeline-${group.day}`}>
            <Typography id={`timeline-${group.day}`} component="h2" variant="subtitle2" color="text.secondary">
              {formatCalendarDate(group.day)}
            </Typography>
            <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0, pl: 0.5, borderLeft: 2, borderColor: 'divider' }}>
              {group.events.map((event) => (
                <EventItem
                  key={`${event.kind}-${event.recordId}-${event.at}-${event.actor}`}
                  event={event}
                  coupleId={couple.id}
                />
              ))}
            </Box>
          </Box>
        ))
      )}
    </Stack>
  );
};
