import ArchiveIcon from '@mui/icons-material/Archive';
import EditIcon from '@mui/icons-material/Edit';
import UnarchiveIcon from '@mui/icons-material/Unarchive';
import { Button, Card, CardContent, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import type { ProgramView } from '@trellis/contracts';
import { useState } from 'react';
import { Loading, Show, useNotify, useRecordContext, useRedirect, useRefresh } from 'react-admin';
import { errorMessage } from '../../data/formErrors';
import { callApi } from '../../data/api';
import { KIND_LABELS, opensWhenSummary } from './programDraft';

/** Edit, and archive or restore: the clinic's own programs only (built-ins are read-only). */
const ClinicProgramActions = ({ program }: { program: ProgramView }) => {
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const setArchived = async (archived: boolean) => {
    setBusy(true);
    try {
      await callApi('patch', '/programs/{id}', { params: { id: String(program.id) }, body: { archived } });
      notify(
        archived
          ? `“${program.title}” is archived: it is no longer offered for new couples. Couples on it carry on.`
          : `“${program.title}” is offered for new couples again.`,
        { type: 'success' },
      );
      refresh();
    } catch (failure) {
      notify(errorMessage(failure), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
      <Button startIcon={<EditIcon />} onClick={() => redirect('edit', 'programs', program.id)}>
        Edit
      </Button>
      {program.archived ? (
        <Button startIcon={<UnarchiveIcon />} onClick={() => void setArchived(false)} disabled={busy}>
          Restore
        </Button>
      ) : (
        <Button startIcon={<ArchiveIcon />} onClick={() => void setArchived(true)} disabled={busy}>
          Archive
        </Button>
      )}
    </Stack>
  );
};

const ProgramDetail = () => {
  const program = useRecordContext<ProgramView>();
  if (!program) return <Loading />;
  return (
    <Card>
      <CardContent>
        <Typography component="h1" variant="h5">
          {program.title}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {program.builtIn
            ? 'Built into Trellis: read-only.'
            : program.archived
              ? 'Your clinic’s program, archived: not offered for new couples.'
              : 'Your clinic’s program.'}
        </Typography>
        {!program.builtIn && <ClinicProgramActions program={program} />}
        {program.description && <Typography sx={{ mt: 2 }}>{program.description}</Typography>}
        <Typography component="h2" variant="h6" sx={{ mt: 2 }}>
          Steps
        </Typography>
        <List component="ol" dense aria-label="Steps" sx={{ listStyle: 'decimal', pl: 3 }}>
          {program.steps.map((step, index) => (
            <ListItem key={index} sx={{ display: 'list-item' }}>
              <ListItemText
                primary={step.title}
                secondary={`${KIND_LABELS[step.kind]}${step.measureTitle ? ` (${step.measureTitle})` : ''} · ${opensWhenSummary(step, index === 0)}${
                  step.kind === 'exercise' ? ` · due ${step.dueInDays} days after it opens` : ''
                }`}
              />
            </ListItem>
          ))}
        </List>
      </CardContent>
    </Card>
  );
};

export const ProgramShow = () => (
  <Show title="Program" actions={false}>
    <ProgramDetail />
  </Show>
);
