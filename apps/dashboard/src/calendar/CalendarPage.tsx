import FullCalendar, {
  useCalendarController,
  type DatesSetInfo,
  type EventChangeInfo,
  type EventClickInfo,
  type EventInput,
} from '@fullcalendar/react';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  MenuItem,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { alpha, useTheme, type Theme } from '@mui/material/styles';
import type { SessionChangeScope, SessionView } from '@trellis/contracts';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Title, useNotify, usePermissions, useRedirect } from 'react-admin';
import { errorMessage } from '../data/formErrors';
import { callApi } from '../data/api';
import { useApiGet } from '../data/useApiQuery';
import {
  calendarQuery,
  rescheduleBody,
  sessionEvent,
  therapistChoices,
  THERAPISTS_QUERY,
  visibleHours,
} from './calendarEvents';

type CalendarView = 'week' | 'agenda';
const FC_VIEWS: Record<CalendarView, string> = { week: 'timeGridWeek', agenda: 'agenda' };
/** The agenda lists four weeks; the week buttons move it a week at a time, as they do the grid. */
const AGENDA_WEEKS = 4;

const whenLabel = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

interface PendingChange {
  session: SessionView;
  kind: 'move' | 'resize';
  answer: (scope: SessionChangeScope | null) => void;
}

/**
 * The schedule, on FullCalendar (loaded only with this route): a week grid (drag a scheduled
 * session to move it, drag its bottom edge to change its length; click one to open the couple) and
 * an agenda of the coming weeks. A therapist sees their own sessions; an admin every therapist's,
 * or one's. Times are in the reader's own time zone, as on the couple's sessions tab.
 */
export const CalendarPage = () => {
  const { permissions } = usePermissions();
  const isAdmin = permissions === 'admin';
  const theme = useTheme();
  const notify = useNotify();
  const redirect = useRedirect();
  const controller = useCalendarController();
  const [view, setView] = useState<CalendarView>('week');
  const [range, setRange] = useState<{ start: Date; end: Date } | null>(null);
  const [therapistId, setTherapistId] = useState('');
  const [pending, setPending] = useState<PendingChange | null>(null);

  const query = useApiGet(
    '/sessions',
    {},
    { query: range ? calendarQuery(range, therapistId || undefined) : undefined, enabled: range !== null },
  );
  const sessions = useMemo(() => query.data?.data ?? [], [query.data]);
  const staff = useApiGet('/staff', {}, { query: THERAPISTS_QUERY, enabled: isAdmin });
  const therapists = useMemo(() => therapistChoices(staff.data?.data ?? [], sessions), [staff.data, sessions]);

  const events = useMemo<EventInput[]>(
    () =>
      sessions.map((s) => ({
        ...sessionEvent(s, isAdmin, view === 'agenda'),
        ...(s.status === 'scheduled' ? {} : { color: theme.palette.grey[300], contrastColor: theme.palette.grey[900] }),
      })),
    [sessions, isAdmin, theme, view],
  );
  const hours = useMemo(() => visibleHours(sessions), [sessions]);

  // datesSet fires on every render that changes the range; only a new range asks the API again.
  const lastRange = useRef('');
  const datesSet = useCallback((info: DatesSetInfo) => {
    const key = `${info.start.toISOString()}/${info.end.toISOString()}`;
    if (key === lastRange.current) return;
    lastRange.current = key;
    setRange({ start: info.start, end: info.end });
  }, []);

  const askScope = (session: SessionView, kind: PendingChange['kind']) =>
    new Promise<SessionChangeScope | null>((answer) => setPending({ session, kind, answer }));

  const change = async (info: EventChangeInfo, kind: PendingChange['kind']) => {
    const session = info.event.extendedProps.session as SessionView;
    const start = info.event.start;
    if (!start) return info.revert();
    const end = info.event.end ?? new Date(start.getTime() + session.durationMinutes * 60_000);
    let scope: SessionChangeScope = 'this';
    if (session.seriesId) {
      const chosen = await askScope(session, kind);
      setPending(null);
      if (!chosen) return info.revert();
      scope = chosen;
    }
    const body = rescheduleBody(session, start, end, scope);
    if (body.startsAt === undefined && body.durationMinutes === undefined) return;
    try {
      await callApi('patch', '/sessions/{id}', { params: { id: session.id }, body });
      notify(
        kind === 'move'
          ? `Moved to ${whenLabel.format(start)}${scope === 'following' ? ', with the later sessions of the series' : ''}`
          : `Now ${body.durationMinutes} minutes${scope === 'following' ? ', with the later sessions of the series' : ''}`,
        { type: 'success' },
      );
    } catch (error) {
      info.revert();
      notify(errorMessage(error), { type: 'error' });
    }
    query.refetch();
  };

  const showView = (next: CalendarView) => {
    setView(next);
    controller.changeView(FC_VIEWS[next]);
  };

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Calendar" />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', mb: 2 }}>
        <Typography component="h1" variant="h5" sx={{ mr: 2 }}>
          Calendar
        </Typography>
        <Button onClick={() => controller.prev()}>Previous week</Button>
        <Button onClick={() => controller.today()}>This week</Button>
        <Button onClick={() => controller.next()}>Next week</Button>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={view}
          onChange={(_e, next: CalendarView | null) => next && showView(next)}
          aria-label="Calendar view"
          // MUI's unselected toggle (action.active) is 4.49:1 on this background: just short of AA.
          sx={{ '& .MuiToggleButton-root:not(.Mui-selected)': { color: 'text.primary' } }}
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
            {therapists.map(({ id, name }) => (
              <MenuItem key={id} value={id}>
                {name}
              </MenuItem>
            ))}
          </TextField>
        )}
      </Box>
      {query.isPending && <LinearProgress aria-label="Loading the calendar" />}
      {query.error !== undefined && query.error !== null && <Alert severity="error">{errorMessage(query.error)}</Alert>}
      <Card>
        <CardContent sx={calendarStyles}>
          <FullCalendar
            controller={controller}
            plugins={[timeGridPlugin, listPlugin, interactionPlugin, classicThemePlugin]}
            initialView={FC_VIEWS.week}
            views={{
              agenda: {
                type: 'list',
                duration: { weeks: AGENDA_WEEKS },
                dateIncrement: { weeks: 1 },
                noEventsText: `No sessions in the next ${AGENDA_WEEKS} weeks.`,
              },
            }}
            headerToolbar={false}
            height="auto"
            firstDay={1}
            allDaySlot={false}
            nowIndicator
            slotMinTime={hours.slotMinTime}
            slotMaxTime={hours.slotMaxTime}
            // Half-hour rows, an hour label each; drops and resizes snap to 15 minutes.
            slotDuration="00:30:00"
            slotHeaderInterval="01:00:00"
            snapDuration="00:15:00"
            slotHeaderFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
            eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
            dayHeaderFormat={{ weekday: 'short', day: 'numeric', month: 'short' }}
            editable
            eventOverlap
            events={events}
            datesSet={datesSet}
            eventClick={(info: EventClickInfo) => {
              info.jsEvent.preventDefault();
              redirect(`/couples/${(info.event.extendedProps.session as SessionView).coupleId}/show`);
            }}
            eventDrop={(info) => void change(info, 'move')}
            eventResize={(info) => void change(info, 'resize')}
          />
          {view === 'week' && query.data && sessions.length === 0 && (
            <Typography color="text.secondary" sx={{ mt: 2 }}>
              No sessions this week. Book them from a couple’s page.
            </Typography>
          )}
        </CardContent>
      </Card>
      <ScopeDialog pending={pending} />
    </Box>
  );
};

/** A session of a series was dragged: does the change apply to it alone, or to the rest of the series too? */
const ScopeDialog = ({ pending }: { pending: PendingChange | null }) => {
  const verb = pending?.kind === 'resize' ? 'Change the length of' : 'Move';
  return (
    <Dialog open={pending !== null} onClose={() => pending?.answer(null)} aria-labelledby="calendar-scope-title">
      <DialogTitle id="calendar-scope-title">{verb} a session of a series</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {pending
            ? `${pending.session.coupleName}’s session is one of a ${pending.session.frequency ?? 'recurring'} series.`
            : ''}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => pending?.answer(null)}>Don’t change</Button>
        <Button onClick={() => pending?.answer('this')}>{verb} only this session</Button>
        <Button variant="contained" onClick={() => pending?.answer('following')}>
          This and all later ones
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** FullCalendar's classic theme, coloured from the MUI palette (light and dark) instead of its own palette file. */
const calendarStyles = (theme: Theme) => {
  const { palette } = theme;
  return {
    overflowX: 'auto',
    '--fc-classic-button': palette.grey[700],
    '--fc-classic-button-border': palette.grey[700],
    '--fc-classic-button-strong': palette.grey[800],
    '--fc-classic-button-strong-border': palette.grey[900],
    '--fc-classic-button-outline': alpha(palette.grey[600], 0.5),
    '--fc-classic-button-foreground': palette.common.white,
    '--fc-classic-primary': palette.primary.main,
    '--fc-classic-primary-foreground': palette.primary.contrastText,
    '--fc-classic-event': palette.primary.main,
    '--fc-classic-event-contrast': palette.primary.contrastText,
    '--fc-classic-background-event': palette.success.main,
    '--fc-classic-background-event-opacity': '15%',
    '--fc-classic-background-event-foreground-opacity': '50%',
    '--fc-classic-highlight': alpha(palette.primary.main, 0.12),
    '--fc-classic-today': alpha(palette.primary.main, 0.05),
    '--fc-classic-now': palette.error.main,
    '--fc-classic-small-dot-width': '8px',
    '--fc-classic-large-dot-width': '10px',
    '--fc-classic-background': palette.background.paper,
    '--fc-classic-faint': palette.action.hover,
    '--fc-classic-muted': palette.action.selected,
    '--fc-classic-strong': palette.action.focus,
    '--fc-classic-foreground': palette.text.primary,
    '--fc-classic-faint-foreground': palette.text.secondary,
    '--fc-classic-muted-foreground': palette.text.secondary,
    '--fc-classic-border': palette.divider,
    '--fc-classic-strong-border': palette.divider,
    // The theme's root sets 16px; the dashboard's body text is the MUI theme's.
    '& > *': { fontFamily: theme.typography.fontFamily },
    '& .trellis-session-cancelled': { textDecoration: 'line-through' },
    '& [role="button"], & a': { cursor: 'pointer' },
  } as const;
};
