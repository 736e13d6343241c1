import { Chip } from '@mui/material';
import type { DigestKind } from '@trellis/contracts';
import { DIGEST_KIND_LABELS } from './digestLabels';

export const DigestKindChip = ({ kind }: { kind: DigestKind }) => (
  <Chip
    size="small"
    label={DIGEST_KIND_LABELS[kind]}
    color={kind === 'weekly' ? 'default' : 'primary'}
    variant={kind === 'weekly' ? 'outlined' : 'filled'}
  />
);
