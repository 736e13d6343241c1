import AddIcon from '@mui/icons-material/Add';
import { Chip, Typography } from '@mui/material';
import type { MeasureSummary } from '@trellis/contracts';
import { CreateButton, DataTable, List, SearchInput, SelectInput, TopToolbar } from 'react-admin';
import { KIND_LABELS, kindChoices, SOURCE_LABELS, sourceChoices } from './measureLabels';
import { PageHeading } from '../../common/PageHeading';

const measureFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search measures" aria-label="Search measures" />,
  <SelectInput
    key="kind"
    source="kind"
    label="Kind"
    choices={kindChoices}
    translateChoice={false}
    emptyText="All kinds"
    alwaysOn
  />,
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

const Column = DataTable.Col<MeasureSummary>;

/** Built-in measures and the clinic's own, each described by its current version. */
const MeasureListTable = () => (
  <List
    title="Measures"
    sort={{ field: 'title', order: 'ASC' }}
    filters={measureFilters}
    actions={
      <TopToolbar>
        <CreateButton label="New measure" icon={<AddIcon />} />
      </TopToolbar>
    }
    exporter={false}
  >
    <DataTable<MeasureSummary> rowClick="show" bulkActionButtons={false}>
      <Column
        source="title"
        label="Measure"
        render={(measure) => (
          <>
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {measure.title}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 560 }}>
              {measure.description}
            </Typography>
          </>
        )}
      />
      <Column source="kind" label="Kind" render={(measure) => KIND_LABELS[measure.kind]} />
      <Column source="itemCount" label="Items" disableSort />
      <Column
        source="range"
        label="Scores"
        disableSort
        render={(measure) => `${measure.range.min}–${measure.range.max}`}
      />
      <Column source="currentVersion" label="Version" disableSort />
      <Column
        source="source"
        label="From"
        disableSort
        render={(measure) => (
          <Chip
            size="small"
            label={SOURCE_LABELS[measure.source]}
            variant={measure.source === 'clinic' ? 'filled' : 'outlined'}
            color={measure.source === 'clinic' ? 'secondary' : 'default'}
          />
        )}
      />
    </DataTable>
  </List>
);

export const MeasureList = () => (
  <>
    <PageHeading title={'Measures'}>
      Short questionnaires partners answer over time, so you can see whether things are getting better.
    </PageHeading>
    <MeasureListTable />
  </>
);
