import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import RateReviewIcon from '@mui/icons-material/RateReview';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { AssignmentDetail, CoupleView, PartnerProgress } from '@trellis/contracts';
import { audienceOf } from '@trellis/domain';
import { useState, type FormEvent } from 'react';
import {
  HttpError,
  LinkBase,
  Title,
  useDataProvider,
  useGetOne,
  useNotify,
  useShowController,
  type ShowControllerProps,
} from 'react-admin';
import { formatDateTime, relativeTime } from '../../common/dates';
import type { TrellisDataProvider } from '../../data/dataProvider';
import { errorMessage, submissionErrors } from '../../data/formErrors';
import { CancelAssignmentButton, MoveDueButton, PartnerLinkActions } from './AssignmentActions';
import {
  ASSIGNMENT_STATUS_COLORS,
  ASSIGNMENT_STATUS_LABELS,
  canReview,
  isOpenAssignment,
  partnerLetter,
  partnerProgressText,
  RESPONSE_STATUS_COLORS,
  RESPONSE_STATUS_LABELS,
} from './assignmentLabels';
import { MESSAGE_MAX_LENGTH } from './assignPayload';
import { buildReviewRows, scalePercent, type ReviewCell, type ReviewRow } from './reviewRows';
import { visuallyHidden } from '../../common/visuallyHidden';

/** A scale answer as a small bar on its track, the number beside it: plain SVG, no chart library. */
const ScaleBar = ({ cell }: { cell: Extract<ReviewCell, { kind: 'scale' }> }) => {
  const percent = scalePercent(cell.value, cell.min, cell.max);
  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Box
          component="svg"
          viewBox="0 0 100 8"
          preserveAspectRatio="none"
          role="img"
          aria-label={`${cell.value} on a scale from ${cell.min} (${cell.minLabel}) to ${cell.max} (${cell.maxLabel})`}
          sx={{ flex: 1, height: 12, maxWidth: 260, display: 'block' }}
        >
          <Box
            component="rect"
            x={0}
            y={0}
            width={100}
            height={8}
            rx={4}
            sx={{ fill: (theme) => theme.palette.action.hover }}
          />
          <Box
            component="rect"
            x={0}
            y={0}
            width={percent}
            height={8}
            rx={4}
            sx={{ fill: (theme) => theme.palette.primary.main }}
          />
        </Box>
        <Typography aria-hidden sx={{ fontWeight: 500, minWidth: 48 }}>
          {cell.value} / {cell.max}
        </Typography>
      </Stack>
      <Typography variant="caption" color="text.secondary" aria-hidden>
        {cell.min} = {cell.minLabel} · {cell.max} = {cell.maxLabel}
      </Typography>
    </Box>
  );
};

const Cell = ({ cell, shared }: { cell: ReviewCell; shared?: string[] }) => {
  switch (cell.kind) {
    case 'not_submitted':
      return (
        <Typography color="text.secondary" sx={{ fontStyle: 'italic' }}>
          Not submitted yet
        </Typography>
      );
    case 'unanswered':
      return (
        <Typography color="text.secondary" sx={{ fontStyle: 'italic' }}>
          No answer
        </Typography>
      );
    case 'text':
      return <Typography sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{cell.text}</Typography>;
    case 'scale':
      return <ScaleBar cell={cell} />;
    case 'choices':
      return (
        <Stack
          direction="row"
          spacing={0.5}
          useFlexGap
          sx={{ flexWrap: 'wrap' }}
          component="ul"
          aria-label="Chosen"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {cell.labels.map((label) => (
            <li key={label}>
              <Chip
                size="small"
                label={label}
                color={shared?.includes(label) ? 'primary' : 'default'}
                variant={shared?.includes(label) ? 'filled' : 'outlined'}
              />
            </li>
          ))}
        </Stack>
      );
  }
};

const RowView = ({ row, partners }: { row: ReviewRow; partners: PartnerProgress[] }) => (
  <Box
    component="section"
    aria-labelledby={`prompt-${row.prompt.id}`}
    sx={{ py: 2, borderTop: 1, borderColor: 'divider' }}
  >
    <Typography id={`prompt-${row.prompt.id}`} component="h3" sx={{ fontWeight: 500, mb: 1 }}>
      {row.number}. {row.prompt.label}
      {audienceOf(row.prompt) === 'counselor_only' && (
        <Chip size="small" variant="outlined" label="Only for you" sx={{ ml: 1 }} />
      )}
    </Typography>
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: { xs: 1.5, md: 3 } }}>
      {row.cells.map((cell, index) => {
        const partner = partners.find((candidate) => candidate.position === index + 1);
        return (
          <Box key={index}>
            {/* Stacked, each answer names its partner; side by side the column headings do (for the eye:
                screen readers still get the name with every answer). */}
            <Typography
              variant="caption"
              color="text.secondary"
              sx={(theme) => ({ display: 'block', [theme.breakpoints.up('md')]: visuallyHidden })}
            >
              {partner ? `${partnerLetter(partner.position)} · ${partner.name}` : partnerLetter(index === 0 ? 1 : 2)}
            </Typography>
            <Cell cell={cell} shared={row.shared} />
          </Box>
        );
      })}
    </Box>
    {row.gap !== undefined && (
      <Typography variant="body2" color={row.gap >= 4 ? 'warning.main' : 'text.secondary'} sx={{ mt: 1 }}>
        {row.gap === 0 ? 'Same answer' : `${row.gap} ${row.gap === 1 ? 'point' : 'points'} apart`}
      </Typography>
    )}
    {row.shared && row.shared.length > 0 && (
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        Both chose: {row.shared.join(', ')}
      </Typography>
    )}
  </Box>
);

/** Every comment to the couple, oldest first: what both partners read on their homework page. */
const ReviewComments = ({ assignment }: { assignment: AssignmentDetail }) => (
  <Box component="section" aria-labelledby="comments-heading" sx={{ mt: 2 }}>
    <Typography id="comments-heading" component="h3" variant="subtitle1" sx={{ fontWeight: 500 }}>
      Comments to the couple
    </Typography>
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {assignment.reviewComments.map((comment) => (
        <Box component="li" key={comment.id} sx={{ py: 1, borderTop: 1, borderColor: 'divider' }}>
          <Typography variant="caption" color="text.secondary">
            {comment.authorName} · {formatDateTime(comment.createdAt)}
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{comment.body}</Typography>
        </Box>
      ))}
    </Box>
  </Box>
);

const ReviewForm = ({ assignment, onReviewed }: { assignment: AssignmentDetail; onReviewed: () => void }) => {
  const dataProvider = useDataProvider<TrellisDataProvider>();
  const notify = useNotify();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const waitingFor = assignment.partners.filter((partner) => partner.status !== 'submitted');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await dataProvider.act(
        '/assignments/{id}/review',
        { id: assignment.id },
        comment.trim() ? { comment: comment.trim() } : {},
      );
      notify(comment.trim() ? 'Reviewed; the couple will be told a reply is waiting.' : 'Marked as reviewed.', {
        type: 'success',
      });
      setComment('');
      onReviewed();
    } catch (failure) {
      setError(submissionErrors(failure)?.comment ?? errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card component="section" aria-labelledby="review-heading" sx={{ mt: 2 }}>
      <CardContent component="form" onSubmit={submit} noValidate>
        <Typography id="review-heading" component="h2" variant="h6" gutterBottom>
          {assignment.status === 'reviewed' ? 'Write to the couple again' : 'Mark as reviewed'}
        </Typography>
        {waitingFor.length > 0 && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {waitingFor.map((partner) => partner.name).join(' and ')} {waitingFor.length === 1 ? 'has' : 'have'} not
            submitted yet. You can review now, or wait until both have.
          </Alert>
        )}
        <TextField
          label="Comment to the couple (optional)"
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          error={Boolean(error)}
          helperText={
            error ??
            'Both partners read it on their homework page, and get an email that a reply is waiting (without your words). Earlier comments are kept.'
          }
          multiline
          minRows={3}
          fullWidth
          slotProps={{ htmlInput: { maxLength: MESSAGE_MAX_LENGTH } }}
        />
        <Button type="submit" variant="contained" startIcon={<RateReviewIcon />} disabled={busy} sx={{ mt: 2 }}>
          {busy ? 'Saving…' : assignment.status === 'reviewed' ? 'Send to the couple' : 'Mark reviewed'}
        </Button>
      </CardContent>
    </Card>
  );
};

const PartnerSummary = ({
  assignment,
  partner,
  emailConsent,
  onChanged,
}: {
  assignment: AssignmentDetail;
  partner: PartnerProgress;
  emailConsent?: boolean;
  onChanged: () => void;
}) => (
  <Box sx={{ p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}>
    <Typography variant="overline" color="text.secondary" component="p">
      {partnerLetter(partner.position)}
    </Typography>
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography sx={{ fontWeight: 500 }}>{partner.name}</Typography>
      <Chip
        size="small"
        label={RESPONSE_STATUS_LABELS[partner.status]}
        color={RESPONSE_STATUS_COLORS[partner.status]}
        variant={partner.status === 'submitted' ? 'filled' : 'outlined'}
      />
    </Stack>
    <Typography variant="body2" color="text.secondary">
      {partnerProgressText(partner)}
    </Typography>
    {isOpenAssignment(assignment.status) && (
      <Box sx={{ mt: 0.5 }}>
        <PartnerLinkActions
          assignment={assignment}
          partner={partner}
          emailConsent={emailConsent}
          onChanged={onChanged}
        />
      </Box>
    )}
  </Box>
);

// A failed load stays on this page, which says why (react-admin's default notifies and redirects to
// the list, which homework does not have).
const showOptions: ShowControllerProps<AssignmentDetail> = {
  redirectOnError: false,
  queryOptions: { onError: () => undefined },
};

/**
 * `/#/assignments/:id`: both partners' submitted answers side by side, then "Mark reviewed". The
 * assignments resource's show view: the id comes from the route, the homework from
 * `dataProvider.getOne('assignments')` (`GET /assignments/:id`, the full detail with prompts and
 * answers; no `meta`, so never the couple's list rows, which react-admin caches under their parent).
 */
export const AssignmentReviewPage = () => {
  const { record: assignment, isPending, error, refetch } = useShowController<AssignmentDetail>(showOptions);
  const { data: couple } = useGetOne<CoupleView>(
    'couples',
    { id: assignment?.coupleId ?? '' },
    { enabled: Boolean(assignment?.coupleId) },
  );

  if (isPending) return <CircularProgress sx={{ m: 3 }} aria-label="Loading homework" />;
  if (error || !assignment) {
    const notFound = error instanceof HttpError && error.status === 404;
    return (
      <Alert severity={notFound ? 'info' : 'error'} sx={{ mt: 2, maxWidth: 720 }}>
        {notFound ? 'This homework does not exist, or it belongs to another therapist’s couple.' : errorMessage(error)}
      </Alert>
    );
  }

  const partners = [...assignment.partners].sort((a, b) => a.position - b.position);
  const rows = buildReviewRows(assignment.prompts, assignment.answers);
  const reload = () => void refetch();
  const coupleName = couple?.displayName ?? 'the couple';

  return (
    <Box sx={{ mt: 2, maxWidth: 1200 }}>
      <Title title={assignment.title} />
      <Button
        component={LinkBase}
        to={`/couples/${assignment.coupleId}/show`}
        startIcon={<ArrowBackIcon />}
        sx={{ mb: 1 }}
      >
        {couple ? couple.displayName : 'Back to the couple'}
      </Button>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography component="h1" variant="h5">
              {assignment.title}
            </Typography>
            <Chip
              size="small"
              label={ASSIGNMENT_STATUS_LABELS[assignment.status]}
              color={ASSIGNMENT_STATUS_COLORS[assignment.status]}
            />
            {assignment.overdue && <Chip size="small" color="error" label="Overdue" />}
          </Stack>
          <Typography color="text.secondary">
            {coupleName} · Due {formatDateTime(assignment.dueAt)} ({relativeTime(assignment.dueAt)})
          </Typography>
          {assignment.message && (
            <Typography sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>
              <strong>Your message:</strong> {assignment.message}
            </Typography>
          )}
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2, mt: 2 }}>
            {partners.map((partner) => (
              <PartnerSummary
                key={partner.clientId}
                assignment={assignment}
                partner={partner}
                emailConsent={couple?.partners?.find((p) => p.id === partner.clientId)?.emailConsent}
                onChanged={reload}
              />
            ))}
          </Box>
          {assignment.status !== 'cancelled' && assignment.status !== 'reviewed' && (
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 2 }}>
              {isOpenAssignment(assignment.status) && <MoveDueButton assignment={assignment} onChanged={reload} />}
              <CancelAssignmentButton assignment={assignment} onChanged={reload} />
            </Stack>
          )}
          {assignment.status === 'reviewed' && (
            <Alert severity="success" sx={{ mt: 2 }}>
              Reviewed {formatDateTime(assignment.reviewedAt)}.
            </Alert>
          )}
          {assignment.reviewComments.length > 0 && <ReviewComments assignment={assignment} />}
        </CardContent>
      </Card>

      <Card component="section" aria-labelledby="answers-heading">
        <CardContent>
          <Typography id="answers-heading" component="h2" variant="h6">
            Answers side by side
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Only submitted answers show here; drafts stay private to each partner.
            {assignment.shareAnswersAfterBoth &&
              ' Once both have submitted, each partner can read the other’s answers.'}
          </Typography>
          <Box
            aria-hidden
            sx={{ display: { xs: 'none', md: 'grid' }, gridTemplateColumns: '1fr 1fr', gap: 3, mt: 2, pb: 1 }}
          >
            {partners.map((partner) => (
              <Typography key={partner.clientId} variant="subtitle2" color="text.secondary">
                {partnerLetter(partner.position)} · {partner.name}
              </Typography>
            ))}
          </Box>
          {rows.map((row) => (
            <RowView key={row.prompt.id} row={row} partners={partners} />
          ))}
        </CardContent>
      </Card>

      {(canReview(assignment.status) || assignment.status === 'reviewed') && (
        <ReviewForm assignment={assignment} onReviewed={reload} />
      )}
    </Box>
  );
};
