import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  Link,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  Typography,
} from '@mui/material';
import type { TherapistHome } from '@trellis/contracts';
import { useState } from 'react';
import { LinkBase, Title, useGetIdentity, usePermissions } from 'react-admin';
import { formatDateTime, relativeTime } from '../common/dates';
import { errorMessage } from '../data/formErrors';
import { useApiGet } from '../data/useApiQuery';
import { caseloadLink, countLabel, HOME_LIST_LIMIT, waitingForText } from './attention';
import { ClinicProgressSummary } from './ClinicProgressSummary';
import { StrategyChart, WeeklyCompletionChart } from './CompletionCharts';
import { checkInItems } from './checkIns';
import { offTrackItems } from './offTrack';

// Each list shows this many rows until "Show all" (the API sends up to HOME_LIST_LIMIT).
const SHOWN_AT_FIRST = 5;

interface AttentionItem {
  key: string;
  to: string;
  primary: string;
  secondary: string;
}

interface AttentionListProps {
  id: string;
  title: string;
  items: AttentionItem[];
  /** What an empty list means, and what to do about it. */
  empty: string;
  /** The caseload filter holding every row, for when the API cut the list off. */
  allLink?: string;
  /** The whole count, when the API sends it (the list may be cut off at HOME_LIST_LIMIT). */
  total?: number;
}

const AttentionList = ({ id, title, items, empty, allLink, total }: AttentionListProps) => {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? items : items.slice(0, SHOWN_AT_FIRST);
  const headingId = `${id}-heading`;
  return (
    <Card
      variant="outlined"
      component="section"
      aria-labelledby={headingId}
      sx={{ display: 'flex', flexDirection: 'column' }}
    >
      <CardContent sx={{ pb: 1 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography id={headingId} component="h3" variant="subtitle1" sx={{ fontWeight: 500 }}>
            {title}
          </Typography>
          {items.length > 0 && (
            <Chip size="small" color="primary" label={total === undefined ? countLabel(items.length) : String(total)} />
          )}
        </Box>
        {items.length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {empty}
          </Typography>
        )}
      </CardContent>
      {items.length > 0 && (
        <List dense disablePadding>
          {shown.map((item) => (
            // A list item around the link: a <ul> may hold only <li>s (axe's "list" rule).
            <ListItem key={item.key} disablePadding>
              <ListItemButton component={LinkBase} to={item.to}>
                <ListItemText primary={item.primary} secondary={item.secondary} />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
      <Box sx={{ px: 1, pb: 1, mt: 'auto', display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {items.length > SHOWN_AT_FIRST && (
          <Button size="small" onClick={() => setExpanded((open) => !open)} aria-expanded={expanded}>
            {expanded ? 'Show fewer' : `Show all ${items.length}`}
          </Button>
        )}
        {allLink && items.length >= HOME_LIST_LIMIT && (
          <Button size="small" component={LinkBase} to={allLink}>
            See every couple in the caseload
          </Button>
        )}
      </Box>
    </Card>
  );
};

/** Couples whose joint work a partner's safety concern paused: first on the screen, and only when there are any. */
const SafetyAlerts = ({ home }: { home: TherapistHome }) =>
  home.safetyAlerts.length === 0 ? null : (
    <Alert severity="error" sx={{ mb: 2 }} role="region" aria-labelledby="safety-alerts-title">
      <AlertTitle id="safety-alerts-title" component="h2">
        Needs your attention now
      </AlertTitle>
      <Box component="ul" sx={{ pl: 2.5, m: 0 }}>
        {home.safetyAlerts.map((alert) => (
          <li key={alert.coupleId}>
            <Link component={LinkBase} to={`/couples/${alert.coupleId}/show`}>
              {alert.coupleName}
            </Link>
            : a partner raised a safety concern {relativeTime(alert.raisedAt)}. Joint homework is paused.
          </li>
        ))}
      </Box>
    </Alert>
  );

const NeedsAttention = ({ home }: { home: TherapistHome }) => (
  <>
    <SafetyAlerts home={home} />
    <Box
      sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, 1fr)', xl: 'repeat(3, 1fr)' } }}
    >
      <AttentionList
        id="off-track"
        title="Off track"
        items={offTrackItems(home.offTrack)}
        total={home.offTrackCount}
        empty="No couple is off track. Couples whose check-ins worsen, drift apart, rate a session low or stop improving show here."
      />
      <AttentionList
        id="check-ins"
        title="Check in with"
        items={checkInItems(home.checkIns)}
        total={home.checkInCount}
        empty="Everyone is keeping up. A partner who misses several homeworks in a row shows here, so you can check in early."
      />
      <AttentionList
        id="awaiting-review"
        title="Ready to review"
        items={home.awaitingReview.map((item) => ({
          key: item.assignmentId,
          to: `/assignments/${item.assignmentId}`,
          primary: item.title,
          secondary: `${item.coupleName} · both submitted ${relativeTime(item.completedAt)}`,
        }))}
        empty="Nothing to review. Homework shows here once both partners have submitted."
        allLink={caseloadLink({ needsReview: true })}
      />
      <AttentionList
        id="overdue"
        title="Overdue"
        items={home.overdue.map((item) => ({
          key: item.assignmentId,
          to: `/assignments/${item.assignmentId}`,
          primary: item.title,
          secondary: [item.coupleName, `due ${relativeTime(item.dueAt)}`, waitingForText(item.waitingFor)]
            .filter(Boolean)
            .join(' · '),
        }))}
        empty="No overdue homework. Partners get reminders before the due date; anything late shows here."
        allLink={caseloadLink({ hasOverdue: true })}
      />
      <AttentionList
        id="upcoming-sessions"
        title="Sessions in the next 48 hours"
        items={home.upcomingSessions.map((item) => ({
          key: item.coupleId,
          to: `/couples/${item.coupleId}/show`,
          primary: item.coupleName,
          secondary: `${formatDateTime(item.nextSessionAt)} · ${relativeTime(item.nextSessionAt)}`,
        }))}
        empty="No sessions in the next 48 hours. Set a couple’s next session on their page to see it here."
      />
      <AttentionList
        id="notes-to-finish"
        title="Notes to finish"
        items={home.notesToFinish.map((item) => ({
          key: item.sessionId,
          to: `/couples/${item.coupleId}/show`,
          primary: item.coupleName,
          secondary: `Session ${formatDateTime(item.startsAt)} · ${item.noteId ? 'draft not signed' : 'no note yet'}`,
        }))}
        empty="Every held session’s note is signed."
      />
    </Box>
  </>
);

const FirstCouple = () => (
  <Card>
    <CardContent>
      <Typography component="h2" variant="h6" gutterBottom>
        No couples yet — add your first couple
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Add both partners, then assign an exercise from the library. Each partner answers on their own; you review both
        answers side by side.
      </Typography>
      <Button component={LinkBase} to="/couples/create" variant="contained">
        Add a couple
      </Button>{' '}
      <Button component={LinkBase} to="/exercises">
        Browse the exercise library
      </Button>
    </CardContent>
  </Card>
);

/** `/#/`: what needs attention now, and how homework is going (the API scopes it: admins see the clinic). */
export const Dashboard = () => {
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions();
  const home = useApiGet('/home', {});
  const isAdmin = permissions === 'admin';

  let body;
  // The count comes with the home page: a caseload read just to know it would be one more
  // clinical read in the audit trail for every visit home.
  if (home.data?.coupleCount === 0) {
    body = <FirstCouple />;
  } else if (home.isPending) {
    body = <CircularProgress size={24} aria-label="Loading your home page" />;
  } else if (!home.data) {
    body = (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={home.refetch}>
            Try again
          </Button>
        }
      >
        {errorMessage(home.error)}
      </Alert>
    );
  } else {
    body = (
      <>
        <Typography component="h2" variant="h6" sx={{ mt: 2, mb: 1 }}>
          Needs your attention
        </Typography>
        <NeedsAttention home={home.data} />
        <Typography component="h2" variant="h6" sx={{ mt: 3, mb: 1 }}>
          How homework is going
        </Typography>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, alignItems: 'start' }}>
          <WeeklyCompletionChart weeks={home.data.completionByWeek} />
          <StrategyChart strategies={home.data.completionByStrategy} />
        </Box>
        {isAdmin && (
          <>
            <Typography component="h2" variant="h6" sx={{ mt: 3, mb: 1 }}>
              Is the work helping?
            </Typography>
            <ClinicProgressSummary />
          </>
        )}
      </>
    );
  }

  return (
    <Box sx={{ mt: 2, maxWidth: 1200 }}>
      <Title title="Home" />
      <Typography component="h1" variant="h5" gutterBottom>
        {identity?.fullName ? `Welcome, ${identity.fullName}` : 'Welcome'}
      </Typography>
      {isAdmin && (
        <Typography color="text.secondary">The whole clinic: every therapist’s couples and homework.</Typography>
      )}
      {body}
    </Box>
  );
};
