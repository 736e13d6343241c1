import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { visuallyHidden } from '../../common/visuallyHidden';
import { useApiGet } from '../../data/useApiQuery';
import { lastActiveText, onTimeText } from './engagementText';

/** Each partner's homework engagement, side by side: on time lately, missed in a row, last active. */
export const EngagementSummary = ({ coupleId }: { coupleId: string }) => {
  const { data } = useApiGet('/couples/{id}/engagement', { id: coupleId });
  if (!data || data.partners.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="engagement-heading" sx={{ mt: 2 }}>
      <Typography id="engagement-heading" component="h2" variant="subtitle1" sx={{ fontWeight: 500 }}>
        Homework engagement
      </Typography>
      <Table size="small" sx={{ maxWidth: 720 }}>
        <caption style={visuallyHidden}>Each partner’s homework: on time lately, missed in a row, last active</caption>
        <TableHead>
          <TableRow>
            <TableCell scope="col">Partner</TableCell>
            <TableCell scope="col">On time</TableCell>
            <TableCell scope="col" align="right">
              Missed in a row
            </TableCell>
            <TableCell scope="col">Last active</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.partners.map((p) => (
            <TableRow key={p.clientId}>
              <TableCell component="th" scope="row">
                {p.name}
                {p.needsCheckIn ? (
                  <Chip size="small" color="warning" label="Check in" sx={{ ml: 1 }} />
                ) : p.gentleReminders ? (
                  <Chip size="small" variant="outlined" label="Gentler reminders" sx={{ ml: 1 }} />
                ) : null}
              </TableCell>
              <TableCell>{onTimeText(p)}</TableCell>
              <TableCell align="right">{p.missedInARow}</TableCell>
              <TableCell>{lastActiveText(p)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};
