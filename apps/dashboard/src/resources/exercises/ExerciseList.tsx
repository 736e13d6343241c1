import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Card, CardContent, Chip, Stack, Tooltip, Typography } from '@mui/material';
import type { ExerciseSummary } from '@trellis/contracts';
import { CreateButton, DataTable, List, SearchInput, SelectInput, TopToolbar, useListContext } from 'react-admin';
import { PROMPT_KIND_LABELS, SOURCE_LABELS, sourceChoices, strategyChoices, strategySummary } from './exerciseLabels';
import { PageHeading } from '../../common/PageHeading';

const exerciseFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search exercises" aria-label="Search exercises" />,
  <SelectInput
    key="source"
    source="source"
    label="From"
    choices={sourceChoices}
    translateChoice={false}
    emptyText="Built-in and yours"
    alwaysOn
  />,
];

/** The fifteen strategies as chips: one click narrows the library to one, again to show all. */
const StrategyChips = () => {
  const { filterValues, displayedFilters, setFilters } = useListContext<ExerciseSummary>();
  const current = filterValues.strategy as string | undefined;
  const choose = (strategy: string | undefined) => {
    const { strategy: _previous, ...rest } = filterValues;
    setFilters(strategy ? { ...rest, strategy } : rest, displayedFilters, false);
  };
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ flexWrap: 'wrap', px: 2, py: 1.5 }}
      role="group"
      aria-label="Filter by strategy"
    >
      <Chip
        label="All strategies"
        component="button"
        onClick={() => choose(undefined)}
        color={current ? 'default' : 'primary'}
        variant={current ? 'outlined' : 'filled'}
        aria-pressed={!current}
      />
      {strategyChoices.map((strategy) => (
        <Tooltip key={strategy.id} title={strategySummary(strategy.id) ?? ''} describeChild>
          <Chip
            label={strategy.name}
            component="button"
            onClick={() => choose(current === strategy.id ? undefined : strategy.id)}
            color={current === strategy.id ? 'primary' : 'default'}
            variant={current === strategy.id ? 'filled' : 'outlined'}
            aria-pressed={current === strategy.id}
          />
        </Tooltip>
      ))}
    </Stack>
  );
};

const NewExerciseButton = (props: { variant?: 'text' | 'contained' }) => (
  <CreateButton label="New exercise" icon={<AddIcon />} {...props} />
);

const LibraryEmpty = () => (
  <Card sx={{ mt: 2 }}>
    <CardContent sx={{ textAlign: 'center', py: 5 }}>
      <Typography component="h2" variant="h6" gutterBottom>
        The library is empty
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Write your clinic’s first exercise: three to six prompts, each partner answers on their own.
      </Typography>
      <NewExerciseButton variant="contained" />
    </CardContent>
  </Card>
);

const NoMatches = () => {
  const { setFilters } = useListContext<ExerciseSummary>();
  return (
    <Box sx={{ textAlign: 'center', py: 4 }}>
      <Typography gutterBottom>No exercises match.</Typography>
      <Button onClick={() => setFilters({}, {}, false)}>Show the whole library</Button>
    </Box>
  );
};

const Column = DataTable.Col<ExerciseSummary>;

const TitleCell = ({ exercise }: { exercise: ExerciseSummary }) => (
  <>
    <Typography variant="body2" sx={{ fontWeight: 500 }}>
      {exercise.title}
    </Typography>
    <Typography
      variant="body2"
      color="text.secondary"
      sx={{
        display: '-webkit-box',
        WebkitLineClamp: 2,
        WebkitBoxOrient: 'vertical',
        overflow: 'hidden',
        maxWidth: 560,
      }}
    >
      {exercise.purpose}
    </Typography>
  </>
);

/** Built-in strategies plus the clinic's own exercises, by strategy. */
const ExerciseListTable = () => (
  <List
    title="Exercise library"
    sort={{ field: 'strategy', order: 'ASC' }}
    filters={exerciseFilters}
    actions={
      <TopToolbar>
        <NewExerciseButton />
      </TopToolbar>
    }
    empty={<LibraryEmpty />}
    exporter={false}
  >
    <StrategyChips />
    <DataTable<ExerciseSummary> rowClick="show" bulkActionButtons={false} empty={<NoMatches />}>
      <Column source="title" label="Exercise" render={(exercise) => <TitleCell exercise={exercise} />} />
      <Column source="strategy" label="Strategy" render={(exercise) => exercise.strategyName} />
      <Column source="estimatedMinutes" label="Time" render={(exercise) => `${exercise.estimatedMinutes} min`} />
      <Column
        source="promptCount"
        label="Prompts"
        disableSort
        render={(exercise) => (
          <span title={exercise.promptKinds.map((kind) => PROMPT_KIND_LABELS[kind]).join(', ')}>
            {exercise.promptCount}
          </span>
        )}
      />
      <Column
        source="source"
        label="From"
        disableSort
        render={(exercise) => (
          <Chip
            size="small"
            label={SOURCE_LABELS[exercise.source]}
            variant={exercise.source === 'clinic' ? 'filled' : 'outlined'}
            color={exercise.source === 'clinic' ? 'secondary' : 'default'}
          />
        )}
      />
    </DataTable>
  </List>
);

export const ExerciseList = () => (
  <>
    <PageHeading title={'Exercise library'}>
      The exercises you can assign as homework: Trellis’s own and your clinic’s.
    </PageHeading>
    <ExerciseListTable />
  </>
);
