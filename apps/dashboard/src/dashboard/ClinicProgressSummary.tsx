import { Alert, Box, Card, CardContent, CircularProgress, Stack, Typography, useTheme } from '@mui/material';
import { ChartNumbers } from '../common/ChartNumbers';
import { errorMessage } from '../data/formErrors';
import { useApiGet } from '../data/useApiQuery';
import { CHANGE_GROUPS, type ChangeGroup, summaryBar, summarySentence } from './clinicSummary';

/** Fill and pattern per group: each segment also carries its count, so colour is never the only cue. */
const useGroupStyle = (): Record<ChangeGroup, { fill: string; opacity: number }> => {
  const { palette } = useTheme();
  return {
    improving: { fill: palette.success.main, opacity: 0.85 },
    unchanged: { fill: palette.grey[500], opacity: 0.6 },
    worsening: { fill: palette.error.main, opacity: 0.85 },
    tooFew: { fill: palette.grey[300], opacity: 0.7 },
  };
};

/**
 * Admins: is the clinic's work helping? Per measure the couples answered, how many are improving,
 * unchanged or worsening since their first check-in (a bar per measure, the numbers behind it).
 */
export const ClinicProgressSummary = () => {
  const summary = useApiGet('/measures/summary', {});
  const style = useGroupStyle();
  const theme = useTheme();
  let body;
  if (summary.isPending) body = <CircularProgress size={24} aria-label="Loading the clinic summary" />;
  else if (!summary.data) body = <Alert severity="error">{errorMessage(summary.error)}</Alert>;
  else if (summary.data.measures.length === 0)
    body = (
      <Typography color="text.secondary">
        No check-ins answered yet. Once couples answer, this shows how many are improving, unchanged or worsening.
      </Typography>
    );
  else
    body = (
      <>
        <Stack direction="row" spacing={2} sx={{ mb: 1, flexWrap: 'wrap' }} useFlexGap>
          {CHANGE_GROUPS.map((group) => (
            <Stack key={group.key} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
              <Box
                aria-hidden
                sx={{
                  width: 12,
                  height: 12,
                  borderRadius: 0.5,
                  bgcolor: style[group.key].fill,
                  opacity: style[group.key].opacity,
                }}
              />
              <Typography variant="body2" color="text.secondary">
                {group.label}
              </Typography>
            </Stack>
          ))}
        </Stack>
        <Box component="ul" aria-label="Couples by progress, per measure" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {summary.data.measures.map((row) => {
            const bar = summaryBar(row);
            return (
              <Box component="li" key={row.measureId} sx={{ py: 0.75 }}>
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                  {row.title}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {summarySentence(row)}
                </Typography>
                <svg
                  viewBox="0 0 100 12"
                  preserveAspectRatio="none"
                  aria-hidden
                  style={{ width: '100%', height: 18, display: 'block' }}
                >
                  {bar.segments.map((segment) => (
                    <rect
                      key={segment.key}
                      x={segment.x}
                      y={0}
                      width={segment.width}
                      height={12}
                      fill={style[segment.key].fill}
                      opacity={style[segment.key].opacity}
                      stroke={theme.palette.background.paper}
                      strokeWidth={0.5}
                      vectorEffect="non-scaling-stroke"
                    />
                  ))}
                </svg>
              </Box>
            );
          })}
        </Box>
        <ChartNumbers caption="Couples improving, unchanged and worsening, per measure">
          <thead>
            <tr>
              <th scope="col">Measure</th>
              {CHANGE_GROUPS.map((group) => (
                <th key={group.key} scope="col">
                  {group.label}
                </th>
              ))}
              <th scope="col">Real change (points)</th>
            </tr>
          </thead>
          <tbody>
            {summary.data.measures.map((row) => (
              <tr key={row.measureId}>
                <th scope="row" style={{ fontWeight: 'normal' }}>
                  {row.title}
                </th>
                {CHANGE_GROUPS.map((group) => (
                  <td key={group.key}>{row[group.key]}</td>
                ))}
                <td>{row.threshold}</td>
              </tr>
            ))}
          </tbody>
        </ChartNumbers>
      </>
    );
  return (
    <Card variant="outlined" component="section" aria-labelledby="clinic-progress-heading">
      <CardContent>
        <Typography id="clinic-progress-heading" component="h3" variant="subtitle1" sx={{ fontWeight: 500, mb: 1 }}>
          Couples’ progress across the clinic
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Active couples, each partner’s latest check-in against their first. A couple counts as worsening when either
          partner is.
        </Typography>
        {body}
      </CardContent>
    </Card>
  );
};
