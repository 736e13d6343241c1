import CheckIcon from '@mui/icons-material/Check';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  MenuItem,
  Stack,
  TextField,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import type { CaseloadRow, StaffMember } from '@trellis/contracts';
import { useEffect } from 'react';
import {
  CreateButton,
  DataTable,
  List,
  SearchInput,
  SelectInput,
  SimpleList,
  TopToolbar,
  useGetList,
  useListContext,
  usePermissions,
} from 'react-admin';
import { formatDateTime, relativeTime } from '../../common/dates';
import {
  CASELOAD_SORTS,
  CASELOAD_TOGGLES,
  caseloadFilter,
  DEFAULT_CASELOAD_SORT,
  hasCaseloadFilters,
  toggleCaseloadFilter,
  type CaseloadToggle,
} from './caseloadQuery';
import { CoupleStatusChip, HomeworkCounts, NextSession } from './CoupleFields';
import { CASELOAD_DEFAULT_STATUS_LABEL, caseloadStatusChoices } from './coupleLabels';
import { PageHeading } from '../../common/PageHeading';

/** Everyone who can hold a caseload, for the admins' therapist filter. */
const TherapistInput = (props: { source: string; label: string; alwaysOn?: boolean }) => {
  const { data, isPending } = useGetList<StaffMember>('staff', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  const choices = (data ?? []).filter((member) => member.status !== 'invited');
  return (
    <SelectInput
      {...props}
      choices={choices}
      optionText="name"
      isPending={isPending}
      translateChoice={false}
      emptyText="Everyone"
    />
  );
};

const filtersFor = (isAdmin: boolean) => [
  <SearchInput
    key="q"
    source="q"
    alwaysOn
    placeholder="Search couples or partners"
    aria-label="Search couples or partners"
  />,
  <SelectInput
    key="status"
    source="status"
    label="Status"
    choices={caseloadStatusChoices}
    translateChoice={false}
    emptyText={CASELOAD_DEFAULT_STATUS_LABEL}
    alwaysOn
  />,
  ...(isAdmin ? [<TherapistInput key="therapistId" source="therapistId" label="Therapist" alwaysOn />] : []),
];

const AddCoupleButton = (props: { variant?: 'text' | 'contained' }) => (
  <CreateButton label="Add couple" icon={<GroupAddIcon />} {...props} />
);

const SortSelect = () => {
  const { sort, setSort } = useListContext<CaseloadRow>();
  const current = CASELOAD_SORTS.find((option) => option.field === sort.field) ?? CASELOAD_SORTS[0];
  return (
    <TextField
      select
      size="small"
      label="Sort by"
      value={current.field}
      onChange={(event) => {
        const option = CASELOAD_SORTS.find((candidate) => candidate.field === event.target.value);
        if (option) setSort({ field: option.field, order: option.order });
      }}
      sx={{ minWidth: 220 }}
    >
      {CASELOAD_SORTS.map((option) => (
        <MenuItem key={option.field} value={option.field}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
};

/** "Overdue homework" and "Needs review": one click each, pressed state announced. */
const QuickToggles = () => {
  const { filterValues, displayedFilters, setFilters } = useListContext<CaseloadRow>();
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ flexWrap: 'wrap', alignItems: 'center', px: 2, py: 1.5 }}
      role="group"
      aria-label="Quick filters"
    >
      {(Object.keys(CASELOAD_TOGGLES) as CaseloadToggle[]).map((toggle) => {
        const on = filterValues[toggle] === true;
        return (
          <Chip
            key={toggle}
            label={CASELOAD_TOGGLES[toggle]}
            icon={on ? <CheckIcon /> : undefined}
            color={on ? 'primary' : 'default'}
            variant={on ? 'filled' : 'outlined'}
            onClick={() => setFilters(toggleCaseloadFilter(filterValues, toggle), displayedFilters, false)}
            aria-pressed={on}
            component="button"
          />
        );
      })}
      <Box sx={{ flexGrow: 1 }} />
      <SortSelect />
    </Stack>
  );
};

/** A link from an old bookmark may carry filters the API does not take: put the list state right. */
const FilterRepair = ({ isAdmin }: { isAdmin: boolean }) => {
  const { filterValues, displayedFilters, setFilters } = useListContext<CaseloadRow>();
  useEffect(() => {
    const clean = caseloadFilter(filterValues, isAdmin);
    if (JSON.stringify(clean) !== JSON.stringify(filterValues)) setFilters(clean, displayedFilters, false);
  }, [filterValues, displayedFilters, setFilters, isAdmin]);
  return null;
};

const CaseloadEmpty = () => (
  <Card sx={{ mt: 2 }}>
    <CardContent sx={{ textAlign: 'center', py: 5 }}>
      <Typography component="h2" variant="h6" gutterBottom>
        No couples yet — add your first couple
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2, maxWidth: 520, mx: 'auto' }}>
        Add both partners with their email and time zone. Then assign homework from the exercise library; each partner
        answers separately and you review their answers side by side.
      </Typography>
      <AddCoupleButton variant="contained" />
    </CardContent>
  </Card>
);

const NoMatches = () => {
  const { filterValues, setFilters } = useListContext<CaseloadRow>();
  return (
    <Box sx={{ textAlign: 'center', py: 4 }}>
      <Typography gutterBottom>No couples match these filters.</Typography>
      {hasCaseloadFilters(filterValues) && <Button onClick={() => setFilters({}, {}, false)}>Clear filters</Button>}
    </Box>
  );
};

const CoupleName = ({ row }: { row: CaseloadRow }) => (
  <>
    <Typography variant="body2" sx={{ fontWeight: 500 }}>
      {row.displayName}
    </Typography>
    <Typography variant="body2" color="text.secondary">
      {row.partnerNames.filter(Boolean).join(' & ')}
    </Typography>
  </>
);

const LastActivity = ({ at }: { at: string }) => (
  <Typography component="span" variant="body2" title={formatDateTime(at)}>
    {relativeTime(at)}
  </Typography>
);

const Column = DataTable.Col<CaseloadRow>;

/** The therapist's home base: who is coming up, whose homework is late, what waits for review. */
const CaseloadTable = ({ isAdmin }: { isAdmin: boolean }) => {
  const isSmall = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  return (
    <List
      title={caseloadTitle(isAdmin)}
      sort={DEFAULT_CASELOAD_SORT}
      filters={filtersFor(isAdmin)}
      actions={
        <TopToolbar>
          <AddCoupleButton />
        </TopToolbar>
      }
      empty={<CaseloadEmpty />}
      exporter={false}
    >
      <FilterRepair isAdmin={isAdmin} />
      <QuickToggles />
      {isSmall ? (
        // A table of five columns does not fit a phone: one line per couple, what matters most first.
        <SimpleList<CaseloadRow>
          linkType="show"
          primaryText={(row) => row.displayName}
          secondaryText={(row) => (
            <>
              <NextSession at={row.nextSessionAt} />
              <Box component="span" sx={{ display: 'block', mt: 0.5 }}>
                <HomeworkCounts row={row} />
              </Box>
            </>
          )}
          tertiaryText={(row) => (row.status === 'active' ? null : <CoupleStatusChip status={row.status} />)}
          empty={<NoMatches />}
        />
      ) : (
        <DataTable<CaseloadRow> rowClick="show" bulkActionButtons={false} empty={<NoMatches />}>
          <Column source="displayName" label="Couple" render={(row) => <CoupleName row={row} />} />
          <Column
            source="nextSessionAt"
            label="Next session"
            render={(row) => <NextSession at={row.nextSessionAt} />}
          />
          <Column source="openCount" label="Homework" disableSort render={(row) => <HomeworkCounts row={row} />} />
          <Column
            source="lastActivityAt"
            label="Last activity"
            sortByOrder="DESC"
            render={(row) => <LastActivity at={row.lastActivityAt} />}
          />
          <Column
            source="status"
            label="Status"
            disableSort
            render={(row) => <CoupleStatusChip status={row.status} />}
          />
          {isAdmin && <Column source="therapistName" label="Therapist" disableSort />}
        </DataTable>
      )}
    </List>
  );
};

const caseloadTitle = (isAdmin: boolean) => (isAdmin ? 'Couples' : 'Your caseload');

export const CoupleList = () => {
  const { permissions } = usePermissions();
  const isAdmin = permissions === 'admin';
  return (
    <>
      <PageHeading title={caseloadTitle(isAdmin)} />
      <CaseloadTable isAdmin={isAdmin} />
    </>
  );
};
