import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, CircularProgress, MenuItem, Stack, TextField, Typography, useTheme } from '@mui/material';
import type { CoupleMeasureResponses, CoupleView, MeasureSummary } from '@trellis/contracts';
import { useState } from 'react';
import { ChartNumbers } from '../../common/ChartNumbers';
import { formatCalendarDate, formatDateTime } from '../../common/dates';
import { errorMessage } from '../../data/formErrors';
import { useApiGet } from '../../data/useApiQuery';
import { CheckInSchedules } from './CheckInSchedules';
import { checkInsCsvUrl } from './exportUrls';
import { itemTrend, PROGRESS_BOX, progressChart, progressSummary } from './progressChart';

// Plain SVG like the home charts: two lines and a band do not need a chart library.
const FONT_SIZE = 11;
const DASHES = [undefined, '6 4'] as const;

const Chart = ({ data, names }: { data: CoupleMeasureResponses; names: [string, string] }) => {
  const theme = useTheme();
  const chart = progressChart(data);
  const colors = [theme.palette.primary.main, theme.palette.secondary.main];
  const box = PROGRESS_BOX;
  const summary = progressSummary(data, names);
  if (chart.rows.length === 0) {
    return <Typography color="text.secondary">No check-ins answered yet on this measure.</Typography>;
  }
  return (
    <>
      <Stack direction="row" spacing={2} sx={{ mb: 1, flexWrap: 'wrap' }} useFlexGap>
        {names.map((name, i) => (
          <Stack key={name} direction="row" spacing={0.75} sx={{ alignItems: 'center' }}>
            <svg width="28" height="10" aria-hidden>
              <line x1="0" x2="28" y1="5" y2="5" stroke={colors[i]} strokeWidth="2.5" strokeDasharray={DASHES[i]} />
            </svg>
            <Typography variant="body2">{name}</Typography>
          </Stack>
        ))}
        <Typography variant="body2" color="text.secondary">
          Shaded: the gap between them
          {chart.clinicalBand ? ' · tinted band: clinical range' : ''}
          {chart.sessions.length > 0 ? ' · dotted lines: sessions' : ''}
        </Typography>
      </Stack>
      <Box
        component="svg"
        viewBox={`0 0 ${box.width} ${box.height}`}
        role="img"
        aria-label={summary}
        sx={{ width: '100%', maxWidth: 720, height: 'auto', display: 'block' }}
      >
        {chart.clinicalBand && (
          <rect
            x={box.left}
            y={chart.clinicalBand.y}
            width={box.width - box.left - box.right}
            height={chart.clinicalBand.height}
            fill={theme.palette.error.main}
            opacity={0.08}
          />
        )}
        {chart.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={box.left} x2={box.width - box.right} y1={tick.y} y2={tick.y} stroke={theme.palette.divider} />
            <text
              x={box.left - 6}
              y={tick.y + 4}
              textAnchor="end"
              fontSize={FONT_SIZE}
              fill={theme.palette.text.secondary}
            >
              {tick.value}
            </text>
          </g>
        ))}
        {chart.sessions.map((session) => (
          <line
            key={session.date}
            x1={session.x}
            x2={session.x}
            y1={box.top}
            y2={box.height - box.bottom}
            stroke={theme.palette.text.secondary}
            strokeWidth={1}
            strokeDasharray="2 3"
            opacity={0.7}
          >
            <title>{`Session on ${formatCalendarDate(session.date)}`}</title>
          </line>
        ))}
        {chart.gapPolygon && <polygon points={chart.gapPolygon} fill={theme.palette.warning.main} opacity={0.18} />}
        {chart.lines.map((line, i) => (
          <g key={names[i]}>
            <polyline
              points={line.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}
              fill="none"
              stroke={colors[i]}
              strokeWidth={2.5}
              strokeDasharray={DASHES[i]}
            />
            {line.map((p) => (
              <circle key={p.occurrence} cx={p.x} cy={p.y} r={3} fill={colors[i]} />
            ))}
          </g>
        ))}
      </Box>
      <ChartNumbers caption={summary}>
        <thead>
          <tr>
            <th scope="col">Check-in</th>
            <th scope="col">{names[0]}</th>
            <th scope="col">{names[1]}</th>
            <th scope="col">Gap</th>
            <th scope="col">Sessions since the check-in before</th>
          </tr>
        </thead>
        <tbody>
          {chart.rows.map((row) => (
            <tr key={row.occurrence}>
              <th scope="row" style={{ fontWeight: 'normal' }}>
                {formatDateTime(row.at)}
              </th>
              <td>{row.scores[0] ?? '—'}</td>
              <td>{row.scores[1] ?? '—'}</td>
              <td>{row.gap ?? '—'}</td>
              <td>{row.sessionsSincePrevious}</td>
            </tr>
          ))}
        </tbody>
      </ChartNumbers>
    </>
  );
};

/** Item by item over the latest check-ins: which parts of the relationship a change comes from. */
const ItemTrend = ({
  data,
  measureId,
  names,
}: {
  data: CoupleMeasureResponses;
  measureId: string;
  names: [string, string];
}) => {
  const detail = useApiGet('/measures/{id}', { id: measureId });
  if (!detail.data) return null;
  const trend = itemTrend(data, detail.data.definition.items);
  if (trend.occurrences.length === 0) return null;
  const cell = (score: number | null) => (score === null ? '—' : score);
  return (
    <Box component="section" aria-labelledby="item-trend-heading" sx={{ mt: 3 }}>
      <Typography id="item-trend-heading" component="h2" variant="subtitle1" sx={{ fontWeight: 500 }}>
        Item by item, latest {trend.occurrences.length} check-ins
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Reverse-scored items are turned round, so a higher number always reads the same way.
      </Typography>
      <Box
        component="table"
        sx={{
          borderCollapse: 'collapse',
          typography: 'body2',
          '& th, & td': { textAlign: 'left', py: 0.5, pr: 2, borderBottom: 1, borderColor: 'divider' },
          '& td': { textAlign: 'right' },
        }}
      >
        <thead>
          <tr>
            <th scope="col">Item</th>
            {names.map((name) => (
              <th key={name} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {trend.rows.map((row) => (
            <tr key={row.itemId}>
              <th scope="row" style={{ fontWeight: 'normal' }}>
                {row.label}
              </th>
              {row.scores.map((scores, i) => (
                <td key={names[i]}>{scores.map(cell).join(' → ')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
};

const MeasureScores = ({ couple, measure }: { couple: CoupleView; measure: MeasureSummary }) => {
  const { data, isPending, error } = useApiGet('/couples/{id}/measures/{measureId}/responses', {
    id: couple.id,
    measureId: measure.id,
  });
  const byPosition = (position: 1 | 2) =>
    couple.partners.find((p) => p.position === position)?.name ?? `Partner ${position}`;
  if (isPending) return <CircularProgress size={24} aria-label="Loading scores" />;
  if (error || !data) return <Alert severity="error">{errorMessage(error)}</Alert>;
  const names: [string, string] = [byPosition(1), byPosition(2)];
  return (
    <>
      <Chart data={data} names={names} />
      <ItemTrend data={data} measureId={measure.id} names={names} />
    </>
  );
};

/** Both partners' check-in scores on one chart, the gap between them shaded. */
export const ProgressTab = ({ couple }: { couple: CoupleView }) => {
  const measures = useApiGet('/measures', {}, { query: new URLSearchParams({ perPage: '100', sort: 'kind' }) });
  const [chosen, setChosen] = useState<string | undefined>();
  if (measures.isPending) return <CircularProgress size={24} aria-label="Loading measures" />;
  if (measures.error || !measures.data) return <Alert severity="error">{errorMessage(measures.error)}</Alert>;
  const list = measures.data.data;
  const measure = list.find((m) => m.id === chosen) ?? list.find((m) => m.key === 'trust-and-connection') ?? list[0];
  if (!measure) return <Typography color="text.secondary">No measures in your library yet.</Typography>;
  return (
    <Box sx={{ py: 1 }}>
      <CheckInSchedules couple={couple} measures={list} />
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <TextField
          select
          size="small"
          label="Measure"
          value={measure.id}
          onChange={(event) => setChosen(event.target.value)}
          sx={{ minWidth: 320 }}
        >
          {list.map((m) => (
            <MenuItem key={m.id} value={m.id}>
              {m.title}
            </MenuItem>
          ))}
        </TextField>
        {/* A plain link, like the couple export: a GET with the session cookie, saved by the browser. */}
        <Button component="a" href={checkInsCsvUrl(couple.id, measure.id)} download startIcon={<DownloadIcon />}>
          Download CSV
        </Button>
      </Stack>
      <MeasureScores key={measure.id} couple={couple} measure={measure} />
    </Box>
  );
};
