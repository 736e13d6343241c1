import {
  Alert,
  Box,
  Button,
  ButtonBase,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  List,
  ListItemButton,
  ListItemText,
  ListSubheader,
  MenuItem,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import type { ListResponse, SessionView } from '@trellis/contracts';
import { useMemo, useState, type DragEvent } from 'react';
import { Title, useNotify, usePermissions, useRedirect } from 'react-admin';
import { errorMessage } from '../data/formErrors';
import { httpClient } from '../data/httpClient';
import { useApiQuery } from '../data/useApiQuery';
import {
  addWeeks,
  agendaDays,
  calendarPath,
  dropTime,
  placeSessions,
  STATUS_LABELS,
  visibleHours,
  weekDays,
  weekStart,
} from './calendarLayout';

/** Pixels per minute in the week grid: an hour is 48 px, a 50-minute session 40 px. */
const PX_PER_MINUTE = 0.8;
const AGENDA_WEEKS = 4;

const dayLabel = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const timeLabel = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const longDay = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

const sessionLabel = (s: SessionView, showTherapist: boolean) =>
  `${timeLabel.format(new Date(s.startsAt))}–${timeLabel.format(new Date(s.endsAt))} ${s.coupleName}${
    showTherapist ? ` · ${s.therapistName}` : ''
  }${s.status === 'scheduled' ? '' : ` (${STATUS_LABELS[s.status]})`}`;

/**
 * The schedule: a week grid (drag a scheduled session to move it; click one to open the couple)
 * and an agenda of the coming weeks. A therapist sees their own sessions; an admin every
 * therapist's, or one's. Loaded only with its route.
 */
export const CalendarPage = () => {
  const { permissions } = usePermissions();
  const isAdmin = permissions === 'admin';
  const [view, setView] = useState<'week' | 'agenda'>('week');
  const [monday, setMonday] = useState(() => weekStart(new Date()));
  const [therapistId, setTherapistId] = useState('');
  const weeks = view === 'week' ? 1 : AGENDA_WEEKS;
  const query = useApiQuery<ListResponse<SessionView>>(calendarPath(monday, weeks, therapistId || undefined));
  const sessions = useMemo(() => query.data?.data ?? [], [query.data]);
  // The therapists an admin can narrow to: those with sessions in view, plus the one chosen.
  const therapists = useMemo(() => {
    const names = new Map(sessions.map((s) => [s.therapistId, s.therapistName]));
    return [...names.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [sessions]);

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Calendar" />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', mb: 2 }}>
        <Typography component="h1" variant="h5" sx={{ mr: 2 }}>
          Calendar
        </Typography>
        <Button onClick={() => setMonday(addWeeks(monday, -1))}>Previous week</Button>
        <Button onClick={() => setMonday(weekStart(new Date()))}>This week</Button>
        <Button onClick={() => setMonday(addWeeks(monday, 1))}>Next week</Button>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={view}
          onChange={(_e, next: 'week' | 'agenda' | null) => next && setView(next)}
          aria-label="Calendar view"
        >
          <ToggleButton value="week">Week</ToggleButton>
          <ToggleButton value="agenda">Agenda</ToggleButton>
        </ToggleButtonGroup>
        <Button href="#/calendar/feed">Calendar feed</Button>
        {isAdmin && (
          <TextField
            select
            size="small"
            label="Therapist"
            value={therapistId}
            onChange={(e) => setTherapistId(e.target.value)}
            sx={{ minWidth: 200 }}
          >
            <MenuItem value="">Everyone</MenuItem>
            {therapists.map(([id, name]) => (
              <MenuItem key={id} value={id}>
                {name}
              </MenuItem>
            ))}
          </TextField>
        )}
      </Box>
      {query.isPending && <LinearProgress aria-label="Loading the calendar" />}
      {query.error !== undefined && query.error !== null && <Alert severity="error">{errorMessage(query.error)}</Alert>}
      {view === 'week' ? (
        <WeekGrid monday={monday} sessions={sessions} showTherapist={isAdmin} onMoved={query.refetch} />
      ) : (
        <Agenda sessions={sessions} showTherapist={isAdmin} />
      )}
    </Box>
  );
};

const WeekGrid = ({
  monday,
  sessions,
  showTherapist,
  onMoved,
}: {
  monday: Date;
  sessions: SessionView[];
  showTherapist: boolean;
  onMoved: () => void;
}) => {
  const notify = useNotify();
  const redirect = useRedirect();
  const days = weekDays(monday);
  const { first, last } = visibleHours(sessions);
  const placed = placeSessions(sessions, monday, first);
  const height = (last - first) * 60 * PX_PER_MINUTE;

  const drop = async (event: DragEvent<HTMLDivElement>, day: Date) => {
    event.preventDefault();
    const id = event.dataTransfer.getData('text/x-trellis-session');
    const grabbedAt = Number(event.dataTransfer.getData('text/x-trellis-offset') || 0);
    if (!id) return;
    const column = event.currentTarget.getBoundingClientRect();
    const startsAt = dropTime(day, first, (event.clientY - column.top - grabbedAt) / PX_PER_MINUTE);
    try {
      await httpClient(`/sessions/${id}`, { method: 'PATCH', body: { startsAt: startsAt.toISOString() } });
      notify(`Moved to ${dayLabel.format(startsAt)}, ${timeLabel.format(startsAt)}`, { type: 'success' });
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
    onMoved();
  };

  return (
    <Card>
      <CardContent sx={{ overflowX: 'auto' }}>
        <Box sx={{ display: 'grid', gridTemplateColumns: '3.5rem repeat(7, minmax(7.5rem, 1fr))', minWidth: 900 }}>
          <Box />
          {days.map((d) => (
            <Typography key={d.toISOString()} component="h2" variant="subtitle2" sx={{ textAlign: 'center', pb: 1 }}>
              {dayLabel.format(d)}
            </Typography>
          ))}
          <Box sx={{ position: 'relative', height }}>
            {Array.from({ length: last - first }, (_, i) => (
              <Typography
                key={i}
                variant="caption"
                color="text.secondary"
                sx={{ position: 'absolute', top: i * 60 * PX_PER_MINUTE, right: 8 }}
              >
                {String(first + i).padStart(2, '0')}:00
              </Typography>
            ))}
          </Box>
          {days.map((d, dayIndex) => (
            <Box
              key={d.toISOString()}
              data-testid={`calendar-day-${dayIndex}`}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => void drop(e, d)}
              sx={{
                position: 'relative',
                height,
                borderLeft: 1,
                borderColor: 'divider',
                backgroundImage: (theme) =>
                  `repeating-linear-gradient(to bottom, ${theme.palette.divider} 0 1px, transparent 1px ${60 * PX_PER_MINUTE}px)`,
              }}
            >
              {placed
                .filter((p) => p.day === dayIndex)
                .map(({ session, top, height: minutes }) => (
                  <ButtonBase
                    key={session.id}
                    draggable={session.status === 'scheduled'}
                    onDragStart={(e) => {
                      e.dataTransfer.setData('text/x-trellis-session', session.id);
                      e.dataTransfer.setData(
                        'text/x-trellis-offset',
                        String(e.clientY - e.currentTarget.getBoundingClientRect().top),
                      );
                    }}
                    onClick={() => redirect(`/couples/${session.coupleId}/show`)}
                    aria-label={sessionLabel(session, showTherapist)}
                    sx={{
                      position: 'absolute',
                      top: top * PX_PER_MINUTE,
                      height: minutes * PX_PER_MINUTE - 2,
                      left: 2,
                      right: 2,
                      px: 0.5,
                      borderRadius: 1,
                      overflow: 'hidden',
                      justifyContent: 'flex-start',
                      alignItems: 'flex-start',
                      textAlign: 'left',
                      bgcolor: session.status === 'scheduled' ? 'primary.main' : 'action.selected',
                      color: session.status === 'scheduled' ? 'primary.contrastText' : 'text.primary',
                      textDecoration: session.status === 'cancelled' ? 'line-through' : 'none',
                    }}
                  >
                    <Typography variant="caption" component="span" sx={{ lineHeight: 1.2 }}>
                      {timeLabel.format(new Date(session.startsAt))} {session.coupleName}
                      {showTherapist ? ` · ${session.therapistName}` : ''}
                    </Typography>
                  </ButtonBase>
                ))}
            </Box>
          ))}
        </Box>
        {sessions.length === 0 && (
          <Typography color="text.secondary" sx={{ mt: 2 }}>
            No sessions this week. Book them from a couple’s page.
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};

const Agenda = ({ sessions, showTherapist }: { sessions: SessionView[]; showTherapist: boolean }) => {
  const redirect = useRedirect();
  const days = agendaDays(sessions);
  if (days.length === 0)
    return <Typography color="text.secondary">No sessions in the next {AGENDA_WEEKS} weeks.</Typography>;
  return (
    <Card>
      <List dense>
        {days.map(({ day, sessions: ofDay }) => (
          <li key={day.toISOString()}>
            <ul style={{ padding: 0 }}>
              <ListSubheader>{longDay.format(day)}</ListSubheader>
              {ofDay.map((s) => (
                <ListItemButton key={s.id} onClick={() => redirect(`/couples/${s.coupleId}/show`)}>
                  <ListItemText
                    primary={`${timeLabel.format(new Date(s.startsAt))}–${timeLabel.format(new Date(s.endsAt))} · ${s.coupleName}`}
                    secondary={[showTherapist ? s.therapistName : null, s.location, s.videoUrl ? 'video' : null]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                  {s.status !== 'scheduled' && <Chip size="small" label={STATUS_LABELS[s.status]} />}
                </ListItemButton>
              ))}
            </ul>
          </li>
        ))}
      </List>
    </Card>
  );
};
