import EditIcon from '@mui/icons-material/Edit';
import {
  Button,
  Card,
  CardContent,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { MeasureDetail } from '@trellis/contracts';
import { LinkBase, Loading, Show, useRecordContext } from 'react-admin';
import { scoringSummary } from './measureInput';
import { KIND_LABELS, SOURCE_LABELS } from './measureLabels';

const MeasureTitle = () => {
  const record = useRecordContext<MeasureDetail>();
  return <>{record?.title ?? 'Measure'}</>;
};

const dateOf = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

const MeasureShowLayout = () => {
  const measure = useRecordContext<MeasureDetail>();
  // Coming from the list, react-admin first shows the list's row, which has no definition yet.
  if (!measure || !measure.definition) return <Loading />;
  const d = measure.definition;
  const own = measure.source === 'clinic';
  return (
    <>
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
            <Typography component="h1" variant="h5">
              {measure.title}
            </Typography>
            <Chip size="small" label={KIND_LABELS[measure.kind]} color="primary" variant="outlined" />
            <Chip
              size="small"
              label={SOURCE_LABELS[measure.source]}
              color={own ? 'secondary' : 'default'}
              variant={own ? 'filled' : 'outlined'}
            />
            <Chip size="small" label={`Version ${measure.currentVersion}`} variant="outlined" />
          </Stack>
          {measure.description && <Typography sx={{ mb: 1, maxWidth: 760 }}>{measure.description}</Typography>}
          <Typography sx={{ mb: 1 }}>{scoringSummary(d)}</Typography>
          <Typography variant="body2" color="text.secondary">
            Clinical cutoff: {d.clinicalCutoff === null ? 'none' : d.clinicalCutoff} · Reliable change:{' '}
            {d.reliableChange === null ? 'none known' : d.reliableChange}
          </Typography>
          {own ? (
            <Button component={LinkBase} to={`/measures/${measure.id}`} startIcon={<EditIcon />} sx={{ mt: 1.5 }}>
              New version
            </Button>
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
              Built-in measures change only with Trellis releases, as new versions.
            </Typography>
          )}
        </CardContent>
      </Card>
      <Card component="section" aria-labelledby="items-heading" sx={{ mb: 2 }}>
        <CardContent>
          <Typography id="items-heading" component="h2" variant="h6">
            What each partner answers
          </Typography>
          {d.instructions && (
            <Typography color="text.secondary" sx={{ mb: 1 }}>
              {d.instructions}
            </Typography>
          )}
          <Table size="small" aria-labelledby="items-heading">
            <TableHead>
              <TableRow>
                <TableCell>Item</TableCell>
                <TableCell>Answer scale</TableCell>
                <TableCell>Scored</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {d.items.map((item) => {
                const scale = item.scale ?? d.scale;
                return (
                  <TableRow key={item.id}>
                    <TableCell>{item.label}</TableCell>
                    <TableCell>
                      {scale.min} ({scale.minLabel}) – {scale.max} ({scale.maxLabel})
                    </TableCell>
                    <TableCell>{item.reverse ? 'Reversed' : 'As answered'}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card component="section" aria-labelledby="versions-heading">
        <CardContent>
          <Typography id="versions-heading" component="h2" variant="h6">
            Versions
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            A score always keeps the version it was given with: a new version never changes past scores.
          </Typography>
          <Table size="small" aria-labelledby="versions-heading">
            <TableHead>
              <TableRow>
                <TableCell>Version</TableCell>
                <TableCell>Since</TableCell>
                <TableCell>Scoring</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {measure.versions.map((version) => (
                <TableRow key={version.version}>
                  <TableCell>{version.version}</TableCell>
                  <TableCell>{dateOf(version.createdAt)}</TableCell>
                  <TableCell>{scoringSummary(version.definition)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </>
  );
};

export const MeasureShow = () => (
  <Show<MeasureDetail> title={<MeasureTitle />} actions={false} component="div">
    <MeasureShowLayout />
  </Show>
);
