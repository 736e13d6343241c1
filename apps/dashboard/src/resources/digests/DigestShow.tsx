import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import RateReviewIcon from '@mui/icons-material/RateReview';
import {
  Box,
  Button,
  Card,
  CardContent,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { DigestContent, DigestView, PreSessionSubmission } from '@trellis/contracts';
import { LinkBase, Loading, Show, useRecordContext } from 'react-admin';
import { formatDateTime } from '../../common/dates';
import { DigestKindChip } from './DigestFields';
import { digestPeriod, digestTitle, notableScaleText, partnerColumns } from './digestLabels';
import { visuallyHidden } from '../../common/visuallyHidden';

// Width 0, at least the container: the table scrolls on a phone instead of widening the whole page
// (react-admin's layout grows to its widest content).
const scrollingTable = { width: 0, minWidth: '100%' } as const;

const DigestTitle = () => {
  const record = useRecordContext<DigestView>();
  return <>{record?.content ? digestTitle(record) : 'Digest'}</>;
};

/** One row per couple: each partner's homework, who to check in with, what waits for review, and answers worth a look. */
const CouplesTable = ({ content }: { content: DigestContent }) => {
  if (content.couples.length === 0) {
    return (
      <Typography color="text.secondary">
        No couples with homework in this period. Assign an exercise from a couple’s page and it is summed up here next
        time.
      </Typography>
    );
  }
  return (
    <TableContainer sx={scrollingTable}>
      <Table size="small">
        <caption style={visuallyHidden}>Homework per couple in this period</caption>
        <TableHead>
          <TableRow>
            <TableCell scope="col">Couple</TableCell>
            <TableCell scope="col">Homework</TableCell>
            <TableCell scope="col" align="right">
              Awaiting review
            </TableCell>
            <TableCell scope="col">Notable answers</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {content.couples.map((line) => (
            <TableRow key={line.coupleId} sx={{ verticalAlign: 'top' }}>
              <TableCell component="th" scope="row">
                <Link component={LinkBase} to={`/couples/${encodeURIComponent(line.coupleId)}/show`} underline="hover">
                  {line.coupleName}
                </Link>
              </TableCell>
              <TableCell>
                {/* Each partner by engagement; a digest made before that kept only the couple's counts. */}
                {line.engagement ?? `${line.completed} completed, ${line.overdue} overdue`}
                {line.checkInWith && line.checkInWith.length > 0 ? (
                  <Typography variant="body2" sx={{ fontWeight: 500 }}>
                    Check in with {line.checkInWith.join(' and ')}
                  </Typography>
                ) : null}
              </TableCell>
              <TableCell align="right" sx={line.awaitingReview > 0 ? { fontWeight: 500 } : undefined}>
                {line.awaitingReview}
              </TableCell>
              <TableCell>
                {line.notableScales.length === 0 ? (
                  <Typography variant="body2" color="text.secondary">
                    None
                  </Typography>
                ) : (
                  <Box component="ul" sx={{ m: 0, pl: 2 }}>
                    {line.notableScales.map((scale, index) => (
                      <li key={index}>{notableScaleText(scale)}</li>
                    ))}
                  </Box>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

/** Both partners' answers to one homework, prompt by prompt, side by side. */
const SubmissionTable = ({
  submission,
  partners,
}: {
  submission: PreSessionSubmission;
  partners: [string, string];
}) => {
  const headingId = `submission-${submission.assignmentId}`;
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 3 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography id={headingId} component="h3" variant="subtitle1" sx={{ fontWeight: 500 }}>
          {submission.title}
        </Typography>
        <Button
          component={LinkBase}
          to={`/assignments/${encodeURIComponent(submission.assignmentId)}`}
          size="small"
          startIcon={<RateReviewIcon />}
        >
          Open the review page
        </Button>
      </Stack>
      <TableContainer sx={scrollingTable}>
        <Table size="small" sx={{ tableLayout: 'fixed', minWidth: 480 }}>
          <caption style={visuallyHidden}>Answers to {submission.title}, side by side</caption>
          <TableHead>
            <TableRow>
              <TableCell scope="col" sx={{ width: '30%' }}>
                Prompt
              </TableCell>
              <TableCell scope="col">{partners[0]}</TableCell>
              <TableCell scope="col">{partners[1]}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {submission.rows.map((row, index) => (
              <TableRow key={index} sx={{ verticalAlign: 'top' }}>
                <TableCell component="th" scope="row" sx={{ fontWeight: 500 }}>
                  {row.prompt}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{row.partnerA}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{row.partnerB}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Box>
  );
};

const DigestLayout = () => {
  const digest = useRecordContext<DigestView>();
  if (!digest?.content) return <Loading />;
  const { content } = digest;
  const preSession = digest.kind === 'pre_session';
  const submissions = content.submissions ?? [];
  return (
    <Box sx={{ maxWidth: 1100 }}>
      <Button component={LinkBase} to="/digests" startIcon={<ArrowBackIcon />} sx={{ mb: 1 }}>
        All digests
      </Button>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography component="h1" variant="h5">
              {digestTitle(digest)}
            </Typography>
            <DigestKindChip kind={digest.kind} />
          </Stack>
          <Typography color="text.secondary">
            {content.clinicName} · {digestPeriod(digest)}
          </Typography>
          {preSession && content.sessionAt && (
            <Typography sx={{ mt: 1 }}>
              Session: {formatDateTime(content.sessionAt)}
              {digest.coupleId && (
                <>
                  {' · '}
                  <Link
                    component={LinkBase}
                    to={`/couples/${encodeURIComponent(digest.coupleId)}/show`}
                    underline="hover"
                  >
                    Open the couple’s page
                  </Link>
                </>
              )}
            </Typography>
          )}
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            Sent {formatDateTime(digest.createdAt)}. Figures are as they were then; the couple’s page has the latest.
          </Typography>
        </CardContent>
      </Card>

      <Card component="section" aria-labelledby="digest-couples-heading" sx={{ mb: 2 }}>
        <CardContent>
          <Typography id="digest-couples-heading" component="h2" variant="h6" gutterBottom>
            {preSession ? 'Homework in this period' : 'Your couples this week'}
          </Typography>
          <CouplesTable content={content} />
        </CardContent>
      </Card>

      {!preSession && content.offTrack && (
        <Card component="section" aria-labelledby="digest-off-track-heading" sx={{ mb: 2 }}>
          <CardContent>
            <Typography id="digest-off-track-heading" component="h2" variant="h6" gutterBottom>
              Off track
            </Typography>
            {content.offTrack.length === 0 ? (
              <Typography color="text.secondary">No couple was off track on their check-ins.</Typography>
            ) : (
              <>
                <Typography variant="body2" color="text.secondary">
                  {content.offTrack.length === 1
                    ? '1 couple was off track on their check-ins.'
                    : `${content.offTrack.length} couples were off track on their check-ins.`}{' '}
                  Their Progress tabs say why.
                </Typography>
                <Box component="ul" sx={{ mt: 1, mb: 0 }}>
                  {content.offTrack.map((couple) => (
                    <li key={couple.coupleId}>
                      <Link
                        component={LinkBase}
                        to={`/couples/${encodeURIComponent(couple.coupleId)}/show/progress`}
                        underline="hover"
                      >
                        {couple.coupleName}
                      </Link>
                    </li>
                  ))}
                </Box>
              </>
            )}
          </CardContent>
        </Card>
      )}

      {preSession && (
        <Card component="section" aria-labelledby="digest-submissions-heading">
          <CardContent>
            <Typography id="digest-submissions-heading" component="h2" variant="h6">
              What they submitted
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Both partners’ answers since the last session, side by side.
            </Typography>
            {submissions.length === 0 ? (
              <Typography color="text.secondary" sx={{ mt: 2 }}>
                Neither partner submitted homework in this period. Their open homework and its reminders are on the
                couple’s page.
              </Typography>
            ) : (
              submissions.map((submission) => (
                <SubmissionTable
                  key={submission.assignmentId}
                  submission={submission}
                  partners={partnerColumns(content)}
                />
              ))
            )}
          </CardContent>
        </Card>
      )}
    </Box>
  );
};

/** `/#/digests/:id/show`: the route the digest emails link to. */
export const DigestShow = () => (
  <Show<DigestView> title={<DigestTitle />} actions={false} component="div">
    <DigestLayout />
  </Show>
);
