import { Box, Button, Card, CardContent, Typography, useMediaQuery, type Theme } from '@mui/material';
import type { DigestView } from '@trellis/contracts';
import { DataTable, DateField, LinkBase, List, SimpleList } from 'react-admin';
import { formatDateTime } from '../../common/dates';
import type { ListMeta } from '../../data/query';
import { DigestKindChip } from './DigestFields';
import { digestCoupleName, digestPeriod } from './digestLabels';
import { WeeklyDigestSwitch } from './WeeklyDigestSwitch';
import { PageHeading } from '../../common/PageHeading';

// The API keeps digests in time order: only newest/oldest first can change.
const listMeta = { orderOnly: true } satisfies ListMeta;

const DigestEmpty = () => (
  <Card sx={{ mt: 2 }}>
    <CardContent sx={{ textAlign: 'center', py: 4 }}>
      <Typography component="h2" variant="h6" gutterBottom>
        No digests yet
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2, maxWidth: 640, mx: 'auto' }}>
        Every Monday morning therapists get a summary of their couples’ week, and the day before a scheduled session, a
        summary of what that couple submitted. Each is emailed to you and kept here. Set a couple’s next session on
        their page to get one before it.
      </Typography>
      <Button component={LinkBase} to="/couples" variant="contained">
        Open your caseload
      </Button>
    </CardContent>
  </Card>
);

const periodText = (digest: DigestView) => {
  const period = digestPeriod(digest);
  return digest.content.sessionAt ? `${period} · session ${formatDateTime(digest.content.sessionAt)}` : period;
};

/** `/#/digests`: the signed-in person's own digests, newest first. */
export const DigestList = () => {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  return (
    <>
      <PageHeading title="Digests">
        Summaries of your couples’ homework, emailed before each session and every Monday.
      </PageHeading>
      <WeeklyDigestSwitch />
      <List
        title="Digests"
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={25}
        empty={<DigestEmpty />}
        exporter={false}
        actions={false}
        queryOptions={{ meta: listMeta }}
      >
        {isSmall ? (
          // Four columns do not fit a phone: one entry per digest, what it is about first.
          <SimpleList<DigestView>
            linkType="show"
            primaryText={(digest) => (
              <Box component="span" sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                <DigestKindChip kind={digest.kind} />
                {digestCoupleName(digest) ?? 'All your couples'}
              </Box>
            )}
            secondaryText={(digest) => `${periodText(digest)} · sent ${formatDateTime(digest.createdAt)}`}
          />
        ) : (
          <DataTable<DigestView> rowClick="show" bulkActionButtons={false}>
            <DataTable.Col<DigestView>
              source="kind"
              label="Kind"
              disableSort
              render={(digest) => <DigestKindChip kind={digest.kind} />}
            />
            <DataTable.Col<DigestView>
              source="coupleId"
              label="About"
              disableSort
              render={(digest) => digestCoupleName(digest) ?? 'All your couples'}
            />
            <DataTable.Col<DigestView> source="periodStart" label="Period" disableSort render={periodText} />
            <DataTable.Col<DigestView> source="createdAt" label="Sent" sortByOrder="DESC">
              <DateField source="createdAt" showTime />
            </DataTable.Col>
          </DataTable>
        )}
      </List>
    </>
  );
};
