import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { API_TOKEN_SCOPES, type ApiTokenScope, type ApiTokenSummary, type CreatedApiToken } from '@trellis/contracts';
import { useState, type FormEvent } from 'react';
import { Title, useNotify, usePermissions } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { PageHeading } from '../common/PageHeading';
import { ShownOnceSecret } from '../common/ShownOnceSecret';
import { visuallyHidden } from '../common/visuallyHidden';
import { errorMessage, submissionErrors, type FormErrors } from '../data/formErrors';
import { useApiGet } from '../data/useApiQuery';
import {
  dateInDays,
  DEFAULT_LIFETIME_DAYS,
  expiryFromDay,
  expiryProblem,
  SCOPE_LABELS,
  tokenStatus,
} from './apiTokenRules';
import { createApiToken, revokeApiToken } from './apiTokensApi';

const STATUS_LABELS = { active: 'Active', expired: 'Expired', revoked: 'Revoked' } as const;

/** The new token's secret: shown this once, with a way to copy it. */
const NewSecret = ({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) => (
  <ShownOnceSecret secret={created.token} noun="secret" copyLabel="Copy" testId="new-api-token" onDone={onDone}>
    “{created.name}” is ready. Copy its secret now: it is not shown again.
  </ShownOnceSecret>
);

const CreateTokenForm = ({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) => {
  const [name, setName] = useState('');
  const [scope, setScope] = useState<ApiTokenScope>('read');
  const [day, setDay] = useState(dateInDays(DEFAULT_LIFETIME_DAYS));
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const notify = useNotify();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: FormErrors = {};
    if (!name.trim()) local.name = 'is required';
    const problem = expiryProblem(day);
    if (problem) local.expiresAt = problem;
    setErrors(local);
    if (Object.keys(local).length) return;
    setSaving(true);
    try {
      onCreated(await createApiToken({ name: name.trim(), scope, expiresAt: expiryFromDay(day) as string }));
      setName('');
    } catch (error) {
      const fields = submissionErrors(error);
      if (fields) setErrors(fields);
      else notify(errorMessage(error), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box component="form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-token-heading">
      <Typography id="new-token-heading" component="h2" variant="subtitle1" sx={{ fontWeight: 500, mb: 1 }}>
        New token
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <TextField
          label="Name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={!!errors.name}
          helperText={errors.name ?? 'What it is for, e.g. “Billing export”'}
          slotProps={{ htmlInput: { maxLength: 100 } }}
        />
        <TextField
          select
          label="Access"
          value={scope}
          onChange={(e) => setScope(e.target.value as ApiTokenScope)}
          error={!!errors.scope}
          helperText={errors.scope ?? 'Read only cannot change anything'}
        >
          {API_TOKEN_SCOPES.map((s) => (
            <MenuItem key={s} value={s}>
              {SCOPE_LABELS[s]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          type="date"
          label="Expires"
          value={day}
          onChange={(e) => setDay(e.target.value)}
          error={!!errors.expiresAt}
          helperText={errors.expiresAt ?? 'At the end of that day; at most a year away'}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button type="submit" variant="contained" disabled={saving} sx={{ mt: 1 }}>
          Create token
        </Button>
      </Box>
    </Box>
  );
};

const TokenTable = ({ tokens, onRevoked }: { tokens: ApiTokenSummary[]; onRevoked: () => void }) => {
  const notify = useNotify();
  const revoke = async (token: ApiTokenSummary) => {
    if (!window.confirm(`Revoke “${token.name}”? Anything using it stops working at once.`)) return;
    try {
      await revokeApiToken(token.id);
      notify(`“${token.name}” revoked`, { type: 'info' });
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
    onRevoked();
  };
  if (tokens.length === 0) return <Typography sx={{ mt: 2 }}>No API tokens yet.</Typography>;
  return (
    <Table size="small" sx={{ mt: 2 }} aria-label="API tokens">
      <TableHead>
        <TableRow>
          <TableCell>Name</TableCell>
          <TableCell>Access</TableCell>
          <TableCell>Created</TableCell>
          <TableCell>Last used</TableCell>
          <TableCell>Expires</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>
            <Box component="span" sx={visuallyHidden}>
              Actions
            </Box>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {tokens.map((token) => {
          const status = tokenStatus(token);
          return (
            <TableRow key={token.id}>
              <TableCell>{token.name}</TableCell>
              <TableCell>{SCOPE_LABELS[token.scope]}</TableCell>
              <TableCell>
                {formatDateTime(token.createdAt)} by {token.createdBy.name}
              </TableCell>
              <TableCell>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</TableCell>
              <TableCell>{formatDateTime(token.expiresAt)}</TableCell>
              <TableCell>{STATUS_LABELS[status]}</TableCell>
              <TableCell>
                {status === 'active' && (
                  <Button
                    color="error"
                    size="small"
                    onClick={() => void revoke(token)}
                    aria-label={`Revoke ${token.name}`}
                  >
                    Revoke
                  </Button>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

/** `/#/api-tokens`, administrators only: tokens for the clinic's integrations. */
export const ApiTokensPage = () => {
  const { permissions, isPending: permissionsPending } = usePermissions();
  const isAdmin = permissions === 'admin';
  const list = useApiGet('/api-tokens', {}, { enabled: isAdmin });
  const [created, setCreated] = useState<CreatedApiToken>();

  if (permissionsPending) return <CircularProgress sx={{ m: 3 }} aria-label="Loading" />;
  if (!isAdmin) {
    return (
      <Alert severity="info" sx={{ mt: 2, maxWidth: 720 }}>
        API tokens are for administrators.
      </Alert>
    );
  }
  return (
    <Box sx={{ maxWidth: 1100 }}>
      <Title title="API tokens" />
      <PageHeading title="API tokens">Tokens for the clinic’s integrations.</PageHeading>
      <Typography sx={{ mb: 2 }}>
        An integration sends a token as <code>Authorization: Bearer …</code> and acts with your role, read only or read
        and write. Every call it makes is in the audit log under the token’s name.
      </Typography>
      {created && <NewSecret created={created} onDone={() => setCreated(undefined)} />}
      <Card variant="outlined">
        <CardContent>
          <CreateTokenForm
            onCreated={(token) => {
              setCreated(token);
              list.refetch();
            }}
          />
          {list.error !== undefined && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {errorMessage(list.error)}
            </Alert>
          )}
          {list.isPending ? (
            <CircularProgress sx={{ m: 2 }} aria-label="Loading" />
          ) : (
            list.data && <TokenTable tokens={list.data.data} onRevoked={list.refetch} />
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
