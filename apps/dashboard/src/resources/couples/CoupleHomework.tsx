import RateReviewIcon from '@mui/icons-material/RateReview';
import VisibilityIcon from '@mui/icons-material/Visibility';
import {
  Alert,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  Chip,
  CircularProgress,
  Stack,
  Typography,
} from '@mui/material';
import type { AssignmentSummary, CoupleView } from '@trellis/contracts';
import { LinkBase, useGetList } from 'react-admin';
import { formatDateTime, relativeTime } from '../../common/dates';
import type { ParentMeta } from '../../data/dataProvider';
import { errorMessage } from '../../data/formErrors';
import { CoupleSeries } from './CoupleSeries';
import { CancelAssignmentButton, MoveDueButton, PartnerLinkActions } from '../assignments/AssignmentActions';
import {
  ASSIGNMENT_STATUS_COLORS,
  ASSIGNMENT_STATUS_LABELS,
  canReview,
  isOpenAssignment,
  partnerProgressText,
  RESPONSE_STATUS_COLORS,
  RESPONSE_STATUS_LABELS,
} from '../assignments/assignmentLabels';

interface AssignmentCardProps {
  assignment: AssignmentSummary;
  couple: CoupleView;
  onChanged: () => void;
}

const AssignmentCard = ({ assignment, couple, onChanged }: AssignmentCardProps) => {
  const open = isOpenAssignment(assignment.status);
  const reviewable = canReview(assignment.status);
  const headingId = `assignment-${assignment.id}`;
  const partners = [...assignment.partners].sort((a, b) => a.position - b.position);

  return (
    <Card
      variant="outlined"
      component="article"
      aria-labelledby={headingId}
      sx={{ opacity: assignment.status === 'cancelled' ? 0.75 : 1 }}
    >
      <CardContent sx={{ pb: 1 }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography id={headingId} component="h2" variant="subtitle1" sx={{ fontWeight: 500 }}>
            {assignment.title}
          </Typography>
          <Chip
            size="small"
            label={ASSIGNMENT_STATUS_LABELS[assignment.status]}
            color={ASSIGNMENT_STATUS_COLORS[assignment.status]}
            variant={assignment.status === 'completed' ? 'filled' : 'outlined'}
          />
          {assignment.overdue && <Chip size="small" color="error" label="Overdue" />}
          {assignment.series && (
            <Chip size="small" variant="outlined" label={`Repeating · no. ${assignment.series.occurrence}`} />
          )}
        </Stack>
        <Typography variant="body2" color={assignment.overdue ? 'error' : 'text.secondary'}>
          Due {formatDateTime(assignment.dueAt)} ({relativeTime(assignment.dueAt)})
          {assignment.shareAnswersAfterBoth && ' · Partners see each other’s answers after both submit'}
        </Typography>
        <Box component="ul" aria-label="Partners" sx={{ listStyle: 'none', p: 0, m: 0, mt: 1.5 }}>
          {partners.map((partner) => (
            <Box
              component="li"
              key={partner.clientId}
              sx={{
                display: 'flex',
                flexWrap: 'wrap',
                alignItems: 'center',
                columnGap: 1,
                rowGap: 0.5,
                py: 0.75,
                borderTop: 1,
                borderColor: 'divider',
              }}
            >
              <Typography sx={{ fontWeight: 500, minWidth: 120 }}>{partner.name}</Typography>
              <Chip
                size="small"
                label={RESPONSE_STATUS_LABELS[partner.status]}
                color={RESPONSE_STATUS_COLORS[partner.status]}
                variant={partner.status === 'submitted' ? 'filled' : 'outlined'}
              />
              <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
                {partnerProgressText(partner)}
              </Typography>
              {open && (
                <PartnerLinkActions
                  assignment={assignment}
                  partner={partner}
                  emailConsent={couple.partners.find((p) => p.id === partner.clientId)?.emailConsent}
                  onChanged={onChanged}
                />
              )}
            </Box>
          ))}
        </Box>
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2, flexWrap: 'wrap', gap: 1 }}>
        <Button
          component={LinkBase}
          to={`/assignments/${assignment.id}`}
          size="small"
          variant={reviewable ? 'contained' : 'text'}
          startIcon={reviewable ? <RateReviewIcon /> : <VisibilityIcon />}
        >
          {reviewable ? 'Review answers' : assignment.status === 'reviewed' ? 'See answers' : 'Open'}
        </Button>
        {open && <MoveDueButton assignment={assignment} onChanged={onChanged} />}
        {assignment.status !== 'cancelled' && assignment.status !== 'reviewed' && (
          <CancelAssignmentButton assignment={assignment} onChanged={onChanged} />
        )}
      </CardActions>
    </Card>
  );
};

/** The couple's homework, newest due first (the API's order), each partner's progress shown. */
export const CoupleHomework = ({ couple, onAssign }: { couple: CoupleView; onAssign?: () => void }) => {
  const meta: ParentMeta = { parent: { resource: 'couples', id: couple.id } };
  const { data, isPending, error, refetch } = useGetList<AssignmentSummary>('assignments', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'dueAt', order: 'DESC' },
    meta,
  });

  if (isPending) return <CircularProgress size={24} aria-label="Loading homework" />;
  if (error) {
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={() => refetch()}>
            Try again
          </Button>
        }
      >
        {errorMessage(error)}
      </Alert>
    );
  }
  if (!data || data.length === 0) {
    return (
      <Box sx={{ py: 2 }}>
        <Typography gutterBottom>No homework yet.</Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {couple.status === 'active'
            ? 'Assign an exercise from the library: each partner gets their own link and answers separately.'
            : 'Reactivate the couple to assign homework.'}
        </Typography>
        {onAssign && couple.status === 'active' && (
          <Button variant="contained" onClick={onAssign}>
            Assign homework
          </Button>
        )}
      </Box>
    );
  }
  return (
    <Stack spacing={2}>
      <CoupleSeries couple={couple} />
      {data.map((assignment) => (
        <AssignmentCard key={assignment.id} assignment={assignment} couple={couple} onChanged={() => void refetch()} />
      ))}
    </Stack>
  );
};
