import AssignmentIcon from '@mui/icons-material/AssignmentTurnedIn';
import EditIcon from '@mui/icons-material/Edit';
import EventIcon from '@mui/icons-material/Event';
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
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import type { CoupleStatus, CoupleView } from '@trellis/contracts';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import {
  Confirm,
  LinkBase,
  Loading,
  Show,
  TabbedShowLayout,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
  useUpdate,
} from 'react-admin';
import { formatDateTime, isoOrNull, toLocalInputValue } from '../../common/dates';
import { timeZoneLabel } from '../../common/timeZones';
import { errorMessage } from '../../data/formErrors';
import { AssignDialog } from '../assignments/AssignDialog';
import { CoupleExportMenu } from './CoupleExportMenu';
import { CoupleHomework } from './CoupleHomework';
import { CoupleStatusChip, NextSession } from './CoupleFields';
import { nextStatuses, STATUS_ACTIONS } from './coupleLabels';
import { NotesTab } from '../notes/NotesTab';
import { EngagementSummary } from './EngagementSummary';
import { SafetyBanner } from './SafetyBanner';
import { TimelineTab } from './TimelineTab';
import { EXERCISE_PHASE_LABELS, PARTNER_ROLE_LABELS, partnerRoleOf } from '@trellis/domain';

// The chart's code loads only when someone opens the Progress tab.
const ProgressTab = lazy(() => import('./ProgressTab').then((m) => ({ default: m.ProgressTab })));
const AgreementsTab = lazy(() => import('./AgreementsTab').then((m) => ({ default: m.AgreementsTab })));
const SessionsTab = lazy(() => import('./SessionsTab').then((m) => ({ default: m.SessionsTab })));
const ProgramTab = lazy(() => import('./ProgramTab').then((m) => ({ default: m.ProgramTab })));

const CoupleTitle = () => {
  const record = useRecordContext<CoupleView>();
  return <>{record?.displayName ?? 'Couple'}</>;
};

/** Pause, discharge or reactivate, each confirmed (pessimistic: the server has the last word). */
const StatusActions = ({ couple }: { couple: CoupleView }) => {
  const [update, { isPending }] = useUpdate<CoupleView>();
  const notify = useNotify();
  const [target, setTarget] = useState<CoupleStatus>();
  const action = target ? STATUS_ACTIONS[target] : undefined;

  const confirm = () =>
    target &&
    update(
      'couples',
      { id: couple.id, data: { status: target }, previousData: couple },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify(STATUS_ACTIONS[target].done(couple.displayName), { type: 'success' });
          setTarget(undefined);
        },
        onError: (error) => {
          notify(errorMessage(error), { type: 'error' });
          setTarget(undefined);
        },
      },
    );

  return (
    <>
      {nextStatuses(couple.status).map((status) => (
        <Button
          key={status}
          size="small"
          variant="outlined"
          color={status === 'discharged' ? 'warning' : 'primary'}
          onClick={() => setTarget(status)}
        >
          {STATUS_ACTIONS[status].label}
        </Button>
      ))}
      <Confirm
        isOpen={target !== undefined}
        loading={isPending}
        title={action ? action.title(couple.displayName) : ''}
        content={action?.content ?? ''}
        confirm={action?.label ?? 'Confirm'}
        confirmColor="warning"
        onConfirm={confirm}
        onClose={() => setTarget(undefined)}
      />
    </>
  );
};

/** Set or clear the next session without opening the whole edit form. */
const NextSessionButton = ({ couple }: { couple: CoupleView }) => {
  const [update, { isPending }] = useUpdate<CoupleView>();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');

  const save = (nextSessionAt: string | null) =>
    update(
      'couples',
      { id: couple.id, data: { nextSessionAt }, previousData: couple },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          setOpen(false);
          notify(nextSessionAt ? `Next session: ${formatDateTime(nextSessionAt)}.` : 'Next session cleared.', {
            type: 'success',
          });
        },
        onError: (error) => notify(errorMessage(error), { type: 'error' }),
      },
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(isoOrNull(value));
  };

  return (
    <>
      <Button
        size="small"
        startIcon={<EventIcon />}
        onClick={() => {
          setValue(toLocalInputValue(couple.nextSessionAt));
          setOpen(true);
        }}
      >
        {couple.nextSessionAt ? 'Change' : 'Schedule'}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="next-session-title">
        <form onSubmit={submit} noValidate>
          <DialogTitle id="next-session-title">Next session</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>
              Shown in your caseload, which can be sorted by it. In your own time zone.
            </DialogContentText>
            <TextField
              type="datetime-local"
              label="Date and time"
              value={value}
              onChange={(event) => setValue(event.target.value)}
              autoFocus
              fullWidth
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </DialogContent>
          <DialogActions>
            {couple.nextSessionAt && (
              <Button color="inherit" onClick={() => save(null)} disabled={isPending} sx={{ mr: 'auto' }}>
                Clear
              </Button>
            )}
            <Button onClick={() => setOpen(false)} disabled={isPending}>
              Cancel
            </Button>
            <Button type="submit" variant="contained" disabled={isPending || !value}>
              Save
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
};

const Partners = ({ couple }: { couple: CoupleView }) => (
  <Box
    component="ul"
    aria-label="Partners"
    sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}
  >
    {couple.partners.map((partner) => (
      <Box component="li" key={partner.id} sx={{ p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Typography variant="overline" color="text.secondary" component="p">
          {partner.position === 1 ? 'Partner A' : 'Partner B'}
        </Typography>
        <Typography sx={{ fontWeight: 500 }}>{partner.name}</Typography>
        <Typography variant="body2">{partner.email}</Typography>
        <Typography variant="body2" color="text.secondary">
          {timeZoneLabel(partner.timezone)}
        </Typography>
        <Typography variant="body2" color={partner.emailConsent ? 'text.secondary' : 'warning.main'}>
          {partner.emailConsent ? 'Receives homework by email' : 'Has not agreed to email: no links are sent'}
        </Typography>
        {/* Therapist-only: the partner never sees it, only the questions written for it. */}
        <Typography variant="body2" color="text.secondary">
          Role (only you see this): {PARTNER_ROLE_LABELS[partnerRoleOf(partner.role)]}
        </Typography>
      </Box>
    ))}
  </Box>
);

const CoupleHeader = ({ couple, onAssign }: { couple: CoupleView; onAssign: () => void }) => {
  const { permissions } = usePermissions();
  const assignBlocked = couple.status !== 'active';
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography component="h1" variant="h5">
            {couple.displayName}
          </Typography>
          <CoupleStatusChip status={couple.status} />
          <Box sx={{ flexGrow: 1 }} />
          <Tooltip title={assignBlocked ? 'Reactivate the couple to assign homework' : ''}>
            <span>
              <Button variant="contained" startIcon={<AssignmentIcon />} onClick={onAssign} disabled={assignBlocked}>
                Assign homework
              </Button>
            </span>
          </Tooltip>
          <Button component={LinkBase} to={`/couples/${couple.id}`} startIcon={<EditIcon />}>
            Edit
          </Button>
          <CoupleExportMenu couple={couple} />
        </Stack>
        {permissions === 'admin' && (
          <Typography variant="body2" color="text.secondary">
            Therapist: {couple.therapistName}
          </Typography>
        )}
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', my: 1.5 }}>
          <Typography component="span" sx={{ fontWeight: 500 }}>
            Next session:
          </Typography>
          <NextSession at={couple.nextSessionAt} variant="body1" />
          <NextSessionButton couple={couple} />
        </Stack>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1.5 }}>
          <Typography component="span" sx={{ fontWeight: 500 }}>
            Phase:
          </Typography>
          <Typography component="span">{couple.phase ? EXERCISE_PHASE_LABELS[couple.phase] : 'Not set'}</Typography>
        </Stack>
        <Partners couple={couple} />
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mt: 2 }}>
          <Typography variant="body2" color="text.secondary">
            Status:
          </Typography>
          <StatusActions couple={couple} />
        </Stack>
        <EngagementSummary coupleId={couple.id} />
      </CardContent>
    </Card>
  );
};

const CoupleShowLayout = () => {
  const couple = useRecordContext<CoupleView>();
  const refresh = useRefresh();
  const [assigning, setAssigning] = useState(false);
  // Coming from the caseload, react-admin first shows the list's row, which has no partners yet.
  if (!couple || !Array.isArray(couple.partners)) return <Loading />;
  return (
    <>
      <SafetyBanner coupleId={couple.id} onLifted={() => refresh()} />
      {couple.safetyConcern === 'concerning_check_in' && (
        // The pause was lifted, but the danger may not be gone: said here, and again when assigning.
        <Alert severity="warning" sx={{ mb: 2 }}>
          A partner’s latest private check-in had a concerning answer. Joint homework can go on; the assign dialog
          cautions before exercises that could be used to pressure a partner, until that partner’s next check-in is
          calm.
        </Alert>
      )}
      <CoupleHeader couple={couple} onAssign={() => setAssigning(true)} />
      <Card>
        <TabbedShowLayout>
          <TabbedShowLayout.Tab label="Homework">
            <CoupleHomework couple={couple} onAssign={() => setAssigning(true)} />
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="Sessions" path="sessions">
            <Suspense fallback={<Loading />}>
              <SessionsTab couple={couple} />
            </Suspense>
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="Timeline" path="timeline">
            <TimelineTab couple={couple} />
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="Notes" path="notes">
            <NotesTab couple={couple} />
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="Progress" path="progress">
            <Suspense fallback={<Loading />}>
              <ProgressTab couple={couple} />
            </Suspense>
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="Program" path="program">
            <Suspense fallback={<Loading />}>
              <ProgramTab couple={couple} />
            </Suspense>
          </TabbedShowLayout.Tab>
          <TabbedShowLayout.Tab label="Agreements" path="agreements">
            <Suspense fallback={<Loading />}>
              <AgreementsTab couple={couple} />
            </Suspense>
          </TabbedShowLayout.Tab>
        </TabbedShowLayout>
      </Card>
      <AssignDialog
        open={assigning}
        onClose={() => setAssigning(false)}
        couple={{
          id: couple.id,
          displayName: couple.displayName,
          nextSessionAt: couple.nextSessionAt,
          phase: couple.phase,
          partnerRoles: couple.partners.map((partner) => partnerRoleOf(partner.role)),
          safetyConcern: couple.safetyConcern,
        }}
        onAssigned={() => refresh()}
      />
    </>
  );
};

export const CoupleShow = () => (
  <Show<CoupleView> title={<CoupleTitle />} actions={false} component="div">
    <CoupleShowLayout />
  </Show>
);
