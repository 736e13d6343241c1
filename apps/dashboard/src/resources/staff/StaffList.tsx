import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import type { StaffMember } from '@trellis/contracts';
import {
  CreateButton,
  DataTable,
  DateField,
  List,
  SearchInput,
  SelectInput,
  TopToolbar,
  useListContext,
} from 'react-admin';
import { StaffRoleField, StaffStatusField } from './StaffFields';
import { roleChoices, statusChoices } from './staffLabels';
import { PageHeading } from '../../common/PageHeading';

const staffFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Search name or email" aria-label="Search name or email" />,
  <SelectInput key="role" source="role" label="Role" choices={roleChoices} translateChoice={false} alwaysOn />,
  <SelectInput key="status" source="status" label="Status" choices={statusChoices} translateChoice={false} alwaysOn />,
];

const InviteButton = (props: { variant?: 'text' | 'contained' }) => (
  <CreateButton label="Invite" icon={<PersonAddIcon />} {...props} />
);

const StaffListActions = () => (
  <TopToolbar>
    <InviteButton />
  </TopToolbar>
);

const inviteExplanation =
  'They get an email with a link to choose a password; until they do, they show here as invited.';

// Only shows when nobody at all is listed, which an admin's own row normally prevents; the hint
// below covers the usual first day.
const StaffEmpty = () => (
  <Card sx={{ mt: 2 }}>
    <CardContent sx={{ textAlign: 'center', py: 4 }}>
      <Typography component="h2" variant="h6" gutterBottom>
        Invite your first colleague
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {inviteExplanation}
      </Typography>
      <InviteButton variant="contained" />
    </CardContent>
  </Card>
);

/** On a clinic of one (the admin alone), say what to do next above the single row. */
const FirstColleagueHint = () => {
  const { total, filterValues, isPending } = useListContext<StaffMember>();
  if (isPending || total !== 1 || Object.keys(filterValues).length > 0) return null;
  return (
    <Alert severity="info" sx={{ m: 2 }} action={<InviteButton />}>
      <strong>Invite your first colleague.</strong> {inviteExplanation}
    </Alert>
  );
};

const StaffListTable = () => (
  <List
    title="Staff"
    sort={{ field: 'name', order: 'ASC' }}
    filters={staffFilters}
    actions={<StaffListActions />}
    empty={<StaffEmpty />}
    // react-admin's exporter pages through the list client-side; staff has no export.
    exporter={false}
  >
    <Box>
      <FirstColleagueHint />
      <DataTable<StaffMember> rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="name" label="Name" />
        <DataTable.Col source="email" label="Email" />
        <DataTable.Col source="role" label="Role">
          <StaffRoleField />
        </DataTable.Col>
        <DataTable.Col source="status" label="Status">
          <StaffStatusField />
        </DataTable.Col>
        <DataTable.Col source="createdAt" label="Added" sortByOrder="DESC">
          <DateField source="createdAt" />
        </DataTable.Col>
      </DataTable>
    </Box>
  </List>
);

export const StaffList = () => (
  <>
    <PageHeading title={'Staff'}>
      Everyone who can sign in to your clinic’s Trellis, and the invitations still open.
    </PageHeading>
    <StaffListTable />
  </>
);
