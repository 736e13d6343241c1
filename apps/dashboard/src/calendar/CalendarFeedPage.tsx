import { Alert, Box, Button, Card, CardContent, CircularProgress, Link, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useNotify } from 'react-admin';
import { PageHeading } from '../common/PageHeading';
import { ShownOnceSecret } from '../common/ShownOnceSecret';
import { formatDateTime } from '../common/dates';
import { errorMessage } from '../data/formErrors';
import { callApi } from '../data/api';
import { useApiGet } from '../data/useApiQuery';

/** The new feed's URL: shown this once (only its hash is kept), with a way to copy it. */
const NewFeedUrl = ({ url, onDone }: { url: string; onDone: () => void }) => (
  <ShownOnceSecret secret={url} noun="address" copyLabel="Copy address" testId="calendar-feed-url" onDone={onDone}>
    Your feed is ready. Copy its address now and add it to your calendar app as a subscription: it is not shown again.
  </ShownOnceSecret>
);

/**
 * `/#/calendar/feed`: the therapist's private calendar feed. Making one shows its secret address
 * once (a new one replaces the old, which stops working); revoking stops it at once. The feed has
 * times and places only: no names, notes or attendance.
 */
export const CalendarFeedPage = () => {
  const status = useApiGet('/calendar-feed', {});
  const [created, setCreated] = useState<string>();
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const feed = status.data;

  const create = async () => {
    if (feed?.active && !window.confirm('Make a new address? The one your calendar uses now stops working.')) return;
    setBusy(true);
    try {
      const made = await callApi('post', '/calendar-feed', { params: {} });
      setCreated(made.url ?? undefined);
      status.refetch();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const revoke = async () => {
    if (!window.confirm('Revoke your calendar feed? Calendars subscribed to it stop updating at once.')) return;
    setBusy(true);
    try {
      await callApi('delete', '/calendar-feed', { params: {} });
      setCreated(undefined);
      notify('Calendar feed revoked', { type: 'info' });
      status.refetch();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ maxWidth: 760 }}>
      <Title title="Calendar feed" />
      <PageHeading title="Calendar feed">
        See your sessions in your own calendar app (Google, Apple, Outlook) through a private address only you know.
      </PageHeading>
      <Typography sx={{ mb: 2 }}>
        The feed shows each session’s time and place and a link back to Trellis: never a couple’s name, notes or
        attendance. Anyone with the address can read it, so keep it to yourself and revoke it if it gets out.{' '}
        <Link href="#/calendar">Back to the calendar</Link>
      </Typography>
      {created && <NewFeedUrl url={created} onDone={() => setCreated(undefined)} />}
      <Card variant="outlined">
        <CardContent>
          {status.error !== undefined && status.error !== null && (
            <Alert severity="error" sx={{ mb: 2 }}>
              {errorMessage(status.error)}
            </Alert>
          )}
          {status.isPending ? (
            <CircularProgress aria-label="Loading" />
          ) : (
            <>
              <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 500, mb: 1 }}>
                {feed?.active ? 'Your feed is on' : 'You have no calendar feed'}
              </Typography>
              {feed?.active && (
                <Typography variant="body2" sx={{ mb: 2 }} data-testid="calendar-feed-status">
                  Made {formatDateTime(feed.createdAt)}; works until {formatDateTime(feed.expiresAt)}. Its address was
                  shown once, when it was made: make a new one if you have lost it.
                </Typography>
              )}
              <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                <Button variant="contained" disabled={busy} onClick={() => void create()}>
                  {feed?.active ? 'Make a new address' : 'Make my feed'}
                </Button>
                {feed?.active && (
                  <Button color="error" disabled={busy} onClick={() => void revoke()}>
                    Revoke feed
                  </Button>
                )}
              </Box>
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
