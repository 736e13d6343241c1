import { Box, Card, CardContent, Stack, Typography, useTheme } from '@mui/material';
import type { TherapistHome } from '@trellis/contracts';
import type { ReactNode } from 'react';
import { ChartNumbers } from '../common/ChartNumbers';
import { formatCalendarDate } from '../common/dates';
import { completionText, percentOf, strategyRows, weekChart, weeklySummary } from './homeCharts';

// Plain SVG, no chart library: two small charts do not justify ~100 KB of someone else's code.
// Sized so eight week labels fit side by side, about 10 px on a phone and 13 px in a desktop column.
const BOX = { width: 340, height: 176, left: 26, bottom: 22, top: 8 };
const FONT_SIZE = 10;

/** A legend entry: the same fill and outline as its bars, so colour is never the only cue. */
const Swatch = ({ label, filled }: { label: string; filled: boolean }) => {
  const theme = useTheme();
  return (
    <Stack direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
      <Box
        aria-hidden
        sx={{
          width: 12,
          height: 12,
          borderRadius: 0.5,
          border: `1.5px solid ${theme.palette.primary.main}`,
          bgcolor: filled ? 'primary.main' : 'transparent',
        }}
      />
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Stack>
  );
};

const ChartCard = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <Card variant="outlined" component="section" aria-labelledby={id}>
    <CardContent>
      <Typography id={id} component="h3" variant="subtitle1" sx={{ fontWeight: 500, mb: 1 }}>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

/** Homework due per week (outlined bar) next to how much of it both partners completed (filled). */
export const WeeklyCompletionChart = ({ weeks }: { weeks: TherapistHome['completionByWeek'] }) => {
  const theme = useTheme();
  const summary = weeklySummary(weeks);
  const nothingDue = weeks.every((week) => week.due === 0);
  const chart = weekChart(weeks, BOX);
  return (
    <ChartCard id="weekly-completion-heading" title="Homework completed, week by week">
      {nothingDue ? (
        <Typography color="text.secondary">
          {summary} Assign an exercise from a couple’s page; each week’s homework and how much of it was completed show
          here.
        </Typography>
      ) : (
        <>
          <Stack direction="row" spacing={2} sx={{ mb: 1 }}>
            <Swatch label="Due" filled={false} />
            <Swatch label="Completed by both partners" filled />
          </Stack>
          <Box
            component="svg"
            viewBox={`0 0 ${BOX.width} ${BOX.height}`}
            role="img"
            aria-label={summary}
            sx={{ width: '100%', maxWidth: 480, height: 'auto', display: 'block' }}
          >
            {chart.ticks.map((tick) => (
              <g key={tick.value}>
                <line x1={BOX.left} x2={BOX.width} y1={tick.y} y2={tick.y} stroke={theme.palette.divider} />
                <text
                  x={BOX.left - 6}
                  y={tick.y + 4}
                  textAnchor="end"
                  fontSize={FONT_SIZE}
                  fill={theme.palette.text.secondary}
                >
                  {tick.value}
                </text>
              </g>
            ))}
            {chart.bars.map((bar) => (
              <g key={bar.weekStart}>
                <rect
                  x={bar.dueX}
                  y={bar.dueY}
                  width={bar.barWidth}
                  height={chart.baseline - bar.dueY}
                  fill={theme.palette.background.paper}
                  stroke={theme.palette.primary.main}
                  strokeWidth={1.5}
                />
                <rect
                  x={bar.completedX}
                  y={bar.completedY}
                  width={bar.barWidth}
                  height={chart.baseline - bar.completedY}
                  fill={theme.palette.primary.main}
                />
                <text
                  x={bar.center}
                  y={BOX.height - 6}
                  textAnchor="middle"
                  fontSize={FONT_SIZE}
                  fill={theme.palette.text.secondary}
                >
                  {bar.label}
                </text>
              </g>
            ))}
          </Box>
          <ChartNumbers caption="Homework due and completed per week">
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <th scope="col">Due</th>
                <th scope="col">Completed</th>
                <th scope="col">Share</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => {
                const percent = percentOf(week.completed, week.due);
                return (
                  <tr key={week.weekStart}>
                    <th scope="row" style={{ fontWeight: 'normal' }}>
                      {formatCalendarDate(week.weekStart)}
                    </th>
                    <td>{week.due}</td>
                    <td>{week.completed}</td>
                    <td>{percent === undefined ? '—' : `${percent}%`}</td>
                  </tr>
                );
              })}
            </tbody>
          </ChartNumbers>
        </>
      )}
    </ChartCard>
  );
};

/** Per strategy: its assigned homework (the outlined track) and the share completed (filled). */
export const StrategyChart = ({ strategies }: { strategies: TherapistHome['completionByStrategy'] }) => {
  const theme = useTheme();
  const rows = strategyRows(strategies);
  return (
    <ChartCard id="strategy-completion-heading" title="Completed, by strategy">
      {rows.length === 0 ? (
        <Typography color="text.secondary">
          No homework assigned yet. Once you assign exercises, this shows which strategies couples complete most.
        </Typography>
      ) : (
        <>
          <Stack direction="row" spacing={2} sx={{ mb: 1 }}>
            <Swatch label="Assigned" filled={false} />
            <Swatch label="Share completed" filled />
          </Stack>
          {/* A list of words first: each bar is decoration for the sentence next to it. */}
          <Box component="ul" aria-label="Homework completed per strategy" sx={{ listStyle: 'none', p: 0, m: 0 }}>
            {rows.map((row) => (
              <Box component="li" key={row.strategy} sx={{ py: 0.75 }}>
                <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
                  <Typography variant="body2" sx={{ fontWeight: 500 }}>
                    {row.name}
                  </Typography>
                  <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                    {completionText(row.completed, row.assigned)}
                  </Typography>
                </Stack>
                <svg
                  viewBox="0 0 100 10"
                  preserveAspectRatio="none"
                  aria-hidden
                  style={{ width: '100%', height: 10, display: 'block' }}
                >
                  <rect
                    x={0.5}
                    y={0.5}
                    width={99}
                    height={9}
                    rx={2}
                    fill={theme.palette.background.paper}
                    stroke={theme.palette.primary.main}
                    strokeWidth={1}
                    vectorEffect="non-scaling-stroke"
                  />
                  <rect
                    x={0}
                    y={0}
                    width={row.completedShare * 100}
                    height={10}
                    rx={2}
                    fill={theme.palette.primary.main}
                  />
                </svg>
              </Box>
            ))}
          </Box>
        </>
      )}
    </ChartCard>
  );
};
