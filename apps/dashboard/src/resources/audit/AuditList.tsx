import DownloadIcon from '@mui/icons-material/Download';
import { Button, Card, CardContent, Chip, type ChipProps, Typography } from '@mui/material';
import type { AuditEntryView, AuditOutcome, StaffMember } from '@trellis/contracts';
import {
  AutocompleteInput,
  type AutocompleteInputProps,
  ColumnsButton,
  DataTable,
  DateField,
  DateInput,
  List,
  SelectInput,
  TopToolbar,
  useGetList,
  useListContext,
  useRecordContext,
} from 'react-admin';
import type { ListMeta } from '../../data/query';
import { actionChoices, actionLabel, actorLabel, OUTCOME_LABELS, outcomeChoices, recordLabel } from './auditLabels';
import { AUDIT_EXPORT_LIMIT, auditExportUrl } from './exportUrl';
import { PageHeading } from '../../common/PageHeading';

// The API keeps the trail in time order: only newest/oldest first can change.
const listMeta = { orderOnly: true } satisfies ListMeta;

/**
 * Everyone who has ever had an account, by name. A select fed from the staff list rather than a
 * ReferenceInput: that would look the chosen person up with `GET /staff?ids=…`, which the API
 * does not offer.
 */
const PersonInput = (props: Omit<AutocompleteInputProps, 'choices'>) => {
  const { data, isPending } = useGetList<StaffMember>('staff', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  return <AutocompleteInput {...props} choices={data ?? []} isPending={isPending} optionText="name" />;
};

const auditFilters = [
  <PersonInput key="actorId" source="actorId" label="Person" alwaysOn />,
  <SelectInput
    key="action"
    source="action"
    label="Action"
    choices={actionChoices}
    translateChoice={false}
    emptyText="Any"
    alwaysOn
  />,
  <SelectInput
    key="outcome"
    source="outcome"
    label="Outcome"
    choices={outcomeChoices}
    translateChoice={false}
    emptyText="Any"
    alwaysOn
  />,
  <DateInput key="from" source="from" label="From" alwaysOn />,
  <DateInput key="to" source="to" label="To" alwaysOn />,
];

/** Downloads what the list shows (all pages, up to the API's cap) as CSV. */
const ExportCsvButton = () => {
  const { filterValues, sort, total } = useListContext<AuditEntryView>();
  const tooMany = total !== undefined && total > AUDIT_EXPORT_LIMIT;
  return (
    <Button
      href={auditExportUrl(filterValues, sort.order)}
      download
      size="small"
      startIcon={<DownloadIcon />}
      disabled={total === 0}
    >
      {tooMany ? `Export CSV (first ${AUDIT_EXPORT_LIMIT.toLocaleString()})` : 'Export CSV'}
    </Button>
  );
};

const AuditListActions = () => (
  <TopToolbar>
    <ColumnsButton />
    <ExportCsvButton />
  </TopToolbar>
);

const outcomeChipColor: Record<AuditOutcome, ChipProps['color']> = {
  success: 'success',
  failure: 'error',
  denied: 'warning',
};

const OutcomeField = () => {
  const entry = useRecordContext<AuditEntryView>();
  if (!entry) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={outcomeChipColor[entry.outcome]}
      label={OUTCOME_LABELS[entry.outcome]}
    />
  );
};

const AuditEmpty = () => (
  <Card sx={{ mt: 2 }}>
    <CardContent sx={{ textAlign: 'center', py: 4 }}>
      <Typography component="h2" variant="h6" gutterBottom>
        Nothing recorded yet
      </Typography>
      <Typography color="text.secondary">
        Sign-ins, invitations and changes to staff appear here as they happen. The log is read-only.
      </Typography>
    </CardContent>
  </Card>
);

// Read-only on purpose: no edit, no delete, no row click, no bulk actions.
const AuditListTable = () => (
  <List
    title="Audit log"
    sort={{ field: 'occurredAt', order: 'DESC' }}
    perPage={25}
    filters={auditFilters}
    actions={<AuditListActions />}
    empty={<AuditEmpty />}
    exporter={false}
    queryOptions={{ meta: listMeta }}
  >
    <DataTable<AuditEntryView> rowClick={false} bulkActionButtons={false} hiddenColumns={['userAgent']}>
      <DataTable.Col source="occurredAt" label="When" sortByOrder="DESC">
        <DateField source="occurredAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="actorName" label="Who" disableSort render={actorLabel} />
      <DataTable.Col source="action" label="Action" disableSort render={(entry) => actionLabel(entry.action)} />
      <DataTable.Col source="recordId" label="Record" disableSort render={recordLabel} />
      <DataTable.Col source="outcome" label="Outcome" disableSort>
        <OutcomeField />
      </DataTable.Col>
      <DataTable.Col source="ip" label="IP address" disableSort />
      <DataTable.Col source="userAgent" label="Browser" disableSort />
    </DataTable>
  </List>
);

export const AuditList = () => (
  <>
    <PageHeading title={'Audit log'}>
      Every read and change of clinical records: who, what and when. Nothing here can be edited or deleted.
    </PageHeading>
    <AuditListTable />
  </>
);
