import { Card, CardContent, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { ProgramView } from '@trellis/contracts';
import { Loading, Show, useRecordContext } from 'react-admin';
import { KIND_LABELS, opensWhenSummary } from './programDraft';

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
          {program.builtIn ? 'Built into Trellis: read-only.' : 'Your clinic’s program.'}
        </Typography>
        {program.description && <Typography sx={{ mt: 2 }}>{program.description}</Typography>}
        <Typography component="h2" variant="h6" sx={{ mt: 2 }}>
          Steps
        </Typography>
        <List component="ol" dense aria-label="Steps" sx={{ listStyle: 'decimal', pl: 3 }}>
          {program.steps.map((step, index) => (
            <ListItem key={index} sx={{ display: 'list-item' }}>
              <ListItemText
                primary={step.title}
                secondary={`${KIND_LABELS[step.kind]} · ${opensWhenSummary(step, index === 0)}${
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
