import AddIcon from '@mui/icons-material/Add';
import { Chip } from '@mui/material';
import type { ProgramView } from '@trellis/contracts';
import { CreateButton, DataTable, List, TopToolbar } from 'react-admin';
import { PageHeading } from '../../common/PageHeading';

const Column = DataTable.Col<ProgramView>;

/** Trellis's own programs (read-only) and the clinic's, each a path of steps to start a couple on. */
export const ProgramList = () => (
  <>
    <PageHeading title="Programs">
      Paths of homework and conversations, one step at a time: start a couple on one from their page.
    </PageHeading>
    <List
      title="Programs"
      pagination={false}
      exporter={false}
      actions={
        <TopToolbar>
          <CreateButton label="New program" icon={<AddIcon />} />
        </TopToolbar>
      }
    >
      <DataTable<ProgramView> rowClick="show" bulkActionButtons={false}>
        <Column source="title" label="Program" disableSort />
        <Column source="steps" label="Steps" disableSort render={(program) => program.steps.length} />
        <Column
          source="builtIn"
          label="From"
          disableSort
          render={(program) => (
            <Chip
              size="small"
              label={program.builtIn ? 'Built in' : program.archived ? 'Your clinic (archived)' : 'Your clinic'}
              variant={program.builtIn ? 'outlined' : 'filled'}
              color={program.builtIn ? 'default' : 'secondary'}
            />
          )}
        />
      </DataTable>
    </List>
  </>
);
