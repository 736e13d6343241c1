import SummarizeIcon from '@mui/icons-material/Summarize';
import { lazy } from 'react';

const DigestList = lazy(() => import('./DigestList').then((m) => ({ default: m.DigestList })));
const DigestShow = lazy(() => import('./DigestShow').then((m) => ({ default: m.DigestShow })));

// Read-only: the worker writes digests (and emails them, linking to `/#/digests/:id/show`); each
// person sees only their own.
export const digests = {
  list: DigestList,
  show: DigestShow,
  icon: SummarizeIcon,
  options: { label: 'Digests' },
};
