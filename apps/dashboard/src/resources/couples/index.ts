import FavoriteIcon from '@mui/icons-material/Favorite';
import { lazy } from 'react';

// Lazy: each screen's code comes on its first visit.
const CoupleList = lazy(() => import('./CoupleList').then((m) => ({ default: m.CoupleList })));
const CoupleShow = lazy(() => import('./CoupleShow').then((m) => ({ default: m.CoupleShow })));
const CoupleCreate = lazy(() => import('./CoupleCreate').then((m) => ({ default: m.CoupleCreate })));
const CoupleEdit = lazy(() => import('./CoupleEdit').then((m) => ({ default: m.CoupleEdit })));

export const couples = {
  list: CoupleList,
  show: CoupleShow,
  create: CoupleCreate,
  edit: CoupleEdit,
  icon: FavoriteIcon,
  recordRepresentation: 'displayName',
  options: { label: 'Couples' },
};
