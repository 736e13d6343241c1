import { Box, Button, Card, CardContent, CircularProgress, List, ListItemButton, ListItemText, Typography } from '@mui/material';
import type { CaseloadRow } from '@trellis/contracts';
import { LinkBase, Title, useGetIdentity, useGetList } from 'react-admin';
import { formatDateTime, relativeTime } from '../common/dates';

const caseloadLink = (filter: Record<string, unknown>) =>
  `/couples?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** How many couples match a caseload filter (one row fetched, the total is what counts). */
const useCount = (filter: Record<string, unknown>) => {
  const { total, isPending } = useGetList<CaseloadRow>('couples', {
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'nextSessionAt', order: 'ASC' },
    filter,
  });
  return { total, isPending };
};

const AttentionCard = ({ filter, one, many, none }: { filter: Record<string, unknown>; one: string; many: string; none: string }) => {
  const { total, isPending } = useCount(filter);
  return (
    <Card variant="outlined" sx={{ flex: 1, minWidth: 220 }}>
      <CardContent>
        {isPending ? (
          <CircularProgress size={20} aria-label="Loading" />
        ) : (
          <>
            <Typography variant="h4" component="p">
              {total ?? 0}
            </Typography>
            <Typography color="text.secondary" sx={{ mb: 1 }}>
              {total === 0 ? none : total === 1 ? one : many}
            </Typography>
            {Boolean(total) && (
              <Button component={LinkBase} to={caseloadLink(filter)} size="small">
                Show them
              </Button>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
};

const UpcomingSessions = () => {
  const { data, isPending } = useGetList<CaseloadRow>('couples', {
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'nextSessionAt', order: 'ASC' },
    filter: { status: 'active' },
  });
  // Soonest first; sessions already past (not yet rescheduled) are not "coming up".
  const upcoming = (data ?? [])
    .filter((couple) => couple.nextSessionAt && new Date(couple.nextSessionAt) > new Date())
    .slice(0, 5);
  if (isPending) return <CircularProgress size={20} aria-label="Loading sessions" />;
  if (upcoming.length === 0) {
    return (
      <Typography color="text.secondary">
        No sessions scheduled. Set a couple’s next session on their page to see it here.
      </Typography>
    );
  }
  return (
    <List dense disablePadding>
      {upcoming.map((couple) => (
        <ListItemButton key={couple.id} component={LinkBase} to={`/couples/${couple.id}/show`}>
          <ListItemText
            primary={couple.displayName}
            secondary={`${formatDateTime(couple.nextSessionAt)} · ${relativeTime(couple.nextSessionAt)}`}
          />
        </ListItemButton>
      ))}
    </List>
  );
};

export const Dashboard = () => {
  const { identity } = useGetIdentity();
  const { total, isPending } = useCount({});

  return (
    <Box sx={{ mt: 2, maxWidth: 960 }}>
      <Title title="Home" />
      <Typography component="h1" variant="h5" gutterBottom>
        {identity?.fullName ? `Welcome, ${identity.fullName}` : 'Welcome'}
      </Typography>
      {!isPending && total === 0 ? (
        <Card>
          <CardContent>
            <Typography component="h2" variant="h6" gutterBottom>
              No couples yet — add your first couple
            </Typography>
            <Typography color="text.secondary" sx={{ mb: 2 }}>
              Add both partners, then assign an exercise from the library. Each partner answers on their own; you
              review both answers side by side.
            </Typography>
            <Button component={LinkBase} to="/couples/create" variant="contained">
              Add a couple
            </Button>{' '}
            <Button component={LinkBase} to="/exercises">
              Browse the exercise library
            </Button>
          </CardContent>
        </Card>
      ) : (
        <>
          <Typography component="h2" variant="h6" sx={{ mt: 2, mb: 1 }}>
            Needs your attention
          </Typography>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <AttentionCard
              filter={{ needsReview: true }}
              one="couple has homework to review"
              many="couples have homework to review"
              none="Nothing waiting for review"
            />
            <AttentionCard
              filter={{ hasOverdue: true }}
              one="couple has overdue homework"
              many="couples have overdue homework"
              none="No overdue homework"
            />
          </Box>
          <Typography component="h2" variant="h6" sx={{ mt: 3, mb: 1 }}>
            Coming up
          </Typography>
          <Card variant="outlined">
            <CardContent>
              <UpcomingSessions />
            </CardContent>
          </Card>
        </>
      )}
    </Box>
  );
};
